/**
 * Type-in on review cards: which cards can be answered by typing (their answer is a component's
 * name), the quiz's typed checker for them, and the grade the comparison suggests. The learner
 * still chooses the grade; the suggestion only marks a button.
 */
import type { CompiledCard } from "@/lib/core/deck/types";
import type { Catalog } from "./catalog";
import { componentTypedAnswer } from "./kinds/typed";
import { judgeTyped, normalizeTyped, typedComparison } from "./typed";
import type { DiffPart } from "./diff";
import type { TypedAnswer } from "./types";

/** The typed answer for a card whose back is a component's name (duty cards), else null. */
export function typeInAnswerFor(cat: Catalog, card: Pick<CompiledCard, "back" | "fact">): TypedAnswer | null {
  if (card.fact?.kind !== "component") return null;
  const component = cat.components.find((c) => c.fact.id === card.fact?.id);
  if (!component) return null;
  const answer = componentTypedAnswer(cat, component);
  const accepted = new Set(answer.accepted.map(normalizeTyped));
  const back = [card.back.en, card.back.zh].map((s) => normalizeTyped(s.replace(/^the\s+/i, "")));
  return back.some((b) => accepted.has(b)) ? answer : null;
}

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
