import { readFileSync } from "node:fs";
import path from "node:path";
import type { CompiledCard } from "@/lib/core/deck/types";

export const SEED_PATH = path.resolve(import.meta.dirname, "../../../seed/k8s-basics.md");

export function seedMarkdown(): string {
  return readFileSync(SEED_PATH, "utf8");
}

/** Every piece of text a learner can see on a card. */
export function cardTexts(card: CompiledCard): string[] {
  const parts = [card.front, card.back, ...(card.note ? [card.note] : [])];
  return parts.flatMap((l) => [l.zh, l.en]);
}

/** Replace exactly one occurrence, so a test edit cannot silently miss. */
export function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`test setup: '${from}' must occur exactly once`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}
