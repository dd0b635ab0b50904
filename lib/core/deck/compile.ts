import { cniCards } from "./cards/cni";
import { componentCards } from "./cards/components";
import { pathCards } from "./cards/network";
import { overviewCards } from "./cards/overview";
import { podNetworkCards } from "./cards/pod-network";
import { DeckSourceError } from "./errors";
import { extractFacts } from "./facts";
import type { CompiledCard, CompileResult } from "./types";
import { collectUntranslated } from "./untranslated";

export { DeckSourceError } from "./errors";

/**
 * Markdown source (the k8s-basics post) → typed facts and flashcards, plus the points that have no
 * curated English yet (their cards show the Chinese, marked); throws DeckSourceError.
 */
export function compileDeck(markdown: string): CompileResult {
  const raw = extractFacts(markdown);
  const { facts, untranslated } = collectUntranslated(raw);
  // Learning order: what Kubernetes is and why first, then its parts, then how the parts talk
  // (paths → CNI → Pod set-up, which leans on both kubelet and CNI).
  const cards: CompiledCard[] = [
    ...overviewCards(raw.overview),
    ...raw.components.flatMap(componentCards),
    ...pathCards(raw.paths),
    ...cniCards(raw.cni),
    ...podNetworkCards(raw.podNetwork),
  ];
  const seen = new Map<string, CompiledCard>();
  for (const c of cards) {
    const first = seen.get(c.key);
    if (first) {
      throw new DeckSourceError(c.source.line, `card key '${c.key}' repeats (first from line ${first.source.line})`);
    }
    seen.set(c.key, c);
  }
  return { facts, cards, untranslated };
}
