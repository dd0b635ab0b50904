import { judgeTyped } from "./typed";
import type { Localized } from "@/lib/core/deck/types";
import type { Confusion, Question, QuizResponse } from "./types";

/**
 * The confusions a wrong response shows: the option picked (choice), the distractors picked
 * (select all), or the other component named (typed). A right response shows none.
 */
export function confusionsIn(q: Question, response: QuizResponse, confusions: Confusion[] = q.confusions ?? []): Confusion[] {
  if (!confusions.length) return [];
  let on: string[] = [];
  if (q.type === "choice" && response.type === "choice" && response.optionId !== q.answer) on = [response.optionId];
  else if (q.type === "multi" && response.type === "multi") on = response.optionIds.filter((id) => !q.answer.includes(id));
  else if (q.type === "typed" && response.type === "typed") {
    const verdict = judgeTyped(q.answer, response.text);
    if (!verdict.correct && verdict.rival) on = [verdict.rival];
  }
  return confusions.filter((c) => on.includes(c.on));
}

/** Cards a miss brings back: the question's own, and those of every fact it was confused with. */
export function cardKeysForMiss(q: Question, response: QuizResponse, confusions?: Confusion[]): string[] {
  return [...new Set([...q.cardKeys, ...confusionsIn(q, response, confusions).flatMap((c) => c.cardKeys)])];
}

/** The explanation, with the contrast for each confusion the response shows appended. */
export function explanationFor(q: Question, response: QuizResponse | null, explanation: Localized, confusions?: Confusion[]): Localized {
  const found = response ? confusionsIn(q, response, confusions) : [];
  if (!found.length) return explanation;
  return {
    zh: [explanation.zh, ...found.map((c) => c.contrast.zh)].join("\n\n"),
    en: [explanation.en, ...found.map((c) => c.contrast.en)].join("\n\n"),
  };
}
