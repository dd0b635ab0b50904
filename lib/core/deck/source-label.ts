import type { SourceRef } from "./types";

/**
 * English for the headings and table rows of the Chinese study note, so an English reader sees
 * where a card comes from in English. Keys are the text without its section number, spaces or
 * case; a heading or row not listed (a source edit) is shown as written.
 */
const ENGLISH: Record<string, string> = {
  k8s基本: "Kubernetes basics",
  组件: "Components",
  k8s网络: "Kubernetes networking",
  k8s网络通讯问题: "Communication in a cluster",
  pod: "Pod",
  k8s优势: "Why Kubernetes",
  k8s特点: "Kubernetes features",
  k8s组件介绍: "The components",
  参考文档: "References",
  容器间通信: "Container to container",
  pod间通信: "Pod to Pod",
  pod与service通信: "Pod to Service",
  service与集群外部client的通信: "Service to clients outside the cluster",
};

const NUMBER = /^(\d+(?:\.\d+)*\.?)\s*/;

function english(text: string): string | null {
  const number = NUMBER.exec(text)?.[1];
  const key = text.replace(NUMBER, "").replace(/\s+/g, "").toLowerCase();
  const found = ENGLISH[key];
  if (!found) return null;
  return number ? `${number} ${found}` : found;
}

export interface SourceLabel {
  /** The path in the reader's language as far as it is known. */
  text: string;
  /** The path as the note writes it. */
  original: string;
  /** Whether `text` differs from `original` (then the original is worth offering). */
  translated: boolean;
}

/** "Heading › heading › row" of a card's or question's source, for a reader of `lang`. */
export function sourceLabel(source: Pick<SourceRef, "headings" | "row">, lang: "en" | "zh"): SourceLabel {
  const parts = [...source.headings, ...(source.row ? [source.row] : [])];
  const original = parts.join(" › ");
  const text = lang === "en" ? parts.map((p) => english(p) ?? p).join(" › ") : original;
  return { text, original, translated: text !== original };
}
