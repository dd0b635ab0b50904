import type { Localized } from "@/lib/core/deck/types";

export type Side = keyof Localized;

/** The learner's language first; `other` is the one shown on request. */
export function sides(locale: string): { mine: Side; other: Side; mineLang: string; otherLang: string } {
  return locale === "zh-CN"
    ? { mine: "zh", other: "en", mineLang: "zh-CN", otherLang: "en" }
    : { mine: "en", other: "zh", mineLang: "en", otherLang: "zh-CN" };
}

/** A one-line preview: plain text cut at a word or character boundary. */
export function preview(text: string, max = 140): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export function browseHref(params: { topic?: string | null; q?: string | null }): string {
  const sp = new URLSearchParams();
  if (params.topic) sp.set("topic", params.topic);
  if (params.q) sp.set("q", params.q);
  const s = sp.toString();
  return s ? `/decks/browse?${s}` : "/decks/browse";
}
