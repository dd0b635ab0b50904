import type { CompiledDeck } from "@/lib/core/deck/types";
import { catalogOf } from "./catalog";
import { cniCandidates } from "./kinds/cni";
import { componentCandidates } from "./kinds/components";
import { networkCandidates } from "./kinds/network";
import { orderingCandidates } from "./kinds/ordering";
import { selectAllCandidates } from "./kinds/select-all";
import { trueFalseCandidates } from "./kinds/true-false";
import { typedCandidates } from "./kinds/typed";
import { createRng } from "./rng";
import { select } from "./select";
import { QUIZ_TOPICS, type Question, type QuizTopic } from "./types";

export interface QuizOptions {
  topic: QuizTopic;
  /** Questions wanted; a small topic may yield fewer rather than repeat itself. */
  length: number;
  /** Same deck, topic, length and seed → the same quiz, so a quiz can be re-derived, not stored. */
  seed: number;
}

export function generateQuiz(deck: CompiledDeck, opts: QuizOptions): Question[] {
  const { topic, length, seed } = opts;
  if (!QUIZ_TOPICS.includes(topic)) throw new RangeError(`unknown quiz topic: ${String(topic)}`);
  if (!Number.isInteger(length) || length < 0) throw new RangeError(`quiz length must be a whole number ≥ 0, got ${length}`);
  if (!Number.isFinite(seed)) throw new RangeError(`quiz seed must be a finite number, got ${seed}`);

  const rng = createRng(seed);
  const catalog = catalogOf(deck);
  const candidates = [
    ...componentCandidates(catalog, rng),
    ...networkCandidates(catalog, rng),
    ...cniCandidates(catalog, rng),
    ...orderingCandidates(catalog, rng),
    ...trueFalseCandidates(catalog),
    ...typedCandidates(catalog),
    ...selectAllCandidates(catalog, rng),
  ];
  // A question no card teaches (its cards retired) could not bring anything back after a miss.
  const teachable = candidates.filter((c) => c.question.cardKeys.length > 0);
  const pool = topic === "mixed" ? teachable : teachable.filter((c) => c.question.topic === topic);
  // Candidates reuse the cached catalog's objects; each quiz gets its own so callers may mutate it.
  return select(pool, length, rng, topic === "mixed").map((c) => structuredClone(c.question));
}
