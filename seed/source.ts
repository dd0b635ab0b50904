import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { DeckMeta } from "@/lib/decks/sync";

export const SOURCE_PATH = "seed/k8s-basics.md";

/** The deck's source document and what identifies it; the text is the learners' material. */
export function readSource(file = path.resolve(import.meta.dirname, "k8s-basics.md")): { markdown: string; meta: DeckMeta } {
  const markdown = readFileSync(file, "utf8");
  return {
    markdown,
    meta: {
      key: "k8s-basics",
      titleZh: "K8s 基本",
      titleEn: "Kubernetes basics",
      sourcePath: SOURCE_PATH,
      sourceHash: createHash("sha256").update(markdown).digest("hex"),
    },
  };
}
