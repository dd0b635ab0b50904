/**
 * The judge of a typed answer on a review card: the quiz's typed checker and the grade the
 * comparison suggests. The learner still chooses the grade; the suggestion only marks a button.
 * The browser runs it (loaded when a card asks for typing, see app/(app)/review/type-in.tsx),
 * online or offline, so it imports nothing but the checker; which cards ask is ./type-in-offer.
 */
import { judgeTyped, normalizeTyped, typedComparison } from "./typed";
import type { DiffPart } from "./diff";
import type { TypedAnswer } from "./types";

export interface TypeInResult {
  correct: boolean;
  /** Typed exactly as an accepted name (after normalising), not just within the typo allowance. */
  exact: boolean;
  /** 5 for an exact answer, 4 for one with a forgiven typo, 1 for a wrong one. */
  suggested: 1 | 4 | 5;
  target: string;
  parts: DiffPart[];
}

export function judgeTypeIn(answer: TypedAnswer, text: string): TypeInResult {
  const verdict = judgeTyped(answer, text);
  const exact = verdict.correct && answer.accepted.some((a) => normalizeTyped(a) === normalizeTyped(text));
  const { target, parts } = typedComparison(answer, text);
  return { correct: verdict.correct, exact, suggested: !verdict.correct ? 1 : exact ? 5 : 4, target, parts };
}
