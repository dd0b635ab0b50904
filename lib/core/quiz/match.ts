import type { CompiledDeck, Localized } from "@/lib/core/deck/types";
import { catalogOf, samePlain } from "./catalog";
import { createRng } from "./rng";
import type { MatchTopic } from "./match-topics";
import type { Option } from "./types";

export { MATCH_TOPICS, type MatchTopic } from "./match-topics";

/** Pairs in a round, as in Quizlet's Match: enough to take a minute, few enough for a phone. */
export const MATCH_SIZE = 6;

/** What the learner sees: names on the left, what they do on the right, each column shuffled. */
export interface MatchBoard {
  left: Option[];
  right: Option[];
}

export interface MatchRoundSpec {
  board: MatchBoard;
  /** Right-column id for each left-column id: stays on the server. */
  answer: Record<string, string>;
}

// Ids by position after shuffling, from disjoint alphabets so a left id is never a right id.
const LEFT_IDS = "abcdefgh".split("");
const RIGHT_IDS = "pqrstuvw".split("");

/**
 * A round of up to MATCH_SIZE pairs for a topic: components with one of their duties, or
 * communication paths with their mechanism. No right-column text belongs to two left items.
 * Null when the topic has fewer than three pairs to offer.
 */
export function generateMatch(deck: CompiledDeck, topic: MatchTopic, seed: number): MatchRoundSpec | null {
  const rng = createRng(seed);
  const cat = catalogOf(deck);
  const pool: Array<{ name: Localized; what: Localized; owns: (t: Localized) => boolean }> =
    topic === "components"
      ? cat.components
          .filter((c) => c.duties.length > 0)
          .map((c) => ({ name: c.label, what: c.duties[rng.int(c.duties.length)].option, owns: (t) => c.owned.has(t.zh) || c.owned.has(t.en) }))
      : cat.paths.map((p) => ({ name: p.label, what: p.mechanismOption, owns: (t) => samePlain(t, p.mechanismOption) }));
  const chosen: typeof pool = [];
  for (const item of rng.shuffle(pool)) {
    if (chosen.length >= MATCH_SIZE) break;
    // A duty another chosen component also has (or the same text twice) would make two pairings right.
    if (chosen.some((c) => c.owns(item.what) || item.owns(c.what) || samePlain(c.what, item.what) || samePlain(c.name, item.name))) continue;
    chosen.push(item);
  }
  if (chosen.length < 3) return null;
  const leftOrder = rng.shuffle(chosen.map((_, i) => i));
  const rightOrder = rng.shuffle(chosen.map((_, i) => i));
  const left = leftOrder.map((i, pos) => ({ id: LEFT_IDS[pos], text: chosen[i].name }));
  const right = rightOrder.map((i, pos) => ({ id: RIGHT_IDS[pos], text: chosen[i].what }));
  const answer: Record<string, string> = {};
  leftOrder.forEach((i, pos) => (answer[LEFT_IDS[pos]] = RIGHT_IDS[rightOrder.indexOf(i)]));
  return { board: { left, right }, answer };
}

export type PairsVerdict = { ok: true; right: string[]; wrong: string[] } | { ok: false };

/**
 * Checks a full pairing: every left id paired once with a distinct right id of the board, or
 * refused as malformed. Right and wrong list left ids; the right partner of a wrong one is not
 * revealed.
 */
export function checkPairs(spec: MatchRoundSpec, pairs: Record<string, string>): PairsVerdict {
  const leftIds = spec.board.left.map((o) => o.id);
  const rightIds = new Set(spec.board.right.map((o) => o.id));
  const keys = Object.keys(pairs);
  const values = Object.values(pairs);
  if (keys.length !== leftIds.length || !leftIds.every((id) => Object.hasOwn(pairs, id))) return { ok: false };
  if (!values.every((v) => rightIds.has(v)) || new Set(values).size !== values.length) return { ok: false };
  const right = leftIds.filter((id) => spec.answer[id] === pairs[id]);
  return { ok: true, right, wrong: leftIds.filter((id) => !right.includes(id)) };
}
