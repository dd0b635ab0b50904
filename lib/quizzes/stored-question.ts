import { explanationFor } from "@/lib/core/quiz/confusion";
import type { DiffPart } from "@/lib/core/quiz/diff";
import { typedComparison } from "@/lib/core/quiz/typed";
import type { Confusion, Question, QuizResponse } from "@/lib/core/quiz/types";
import type { Localized, SourceRef } from "@/lib/core/deck/types";

interface Row {
  prompt: string;
  answer: string;
  cardKeys: string;
  explanation: string;
}

interface Hidden {
  explanation: Localized;
  source: SourceRef;
  confusions?: Confusion[];
}

/** A stored question whole again, as the checker sees it (confusions ride in the hidden explanation blob). */
export function storedQuestion(row: Row): Question {
  const hidden = JSON.parse(row.explanation) as Hidden;
  return {
    ...JSON.parse(row.prompt),
    answer: JSON.parse(row.answer),
    cardKeys: JSON.parse(row.cardKeys),
    explanation: hidden.explanation,
    source: hidden.source,
    confusions: hidden.confusions ?? [],
  } as Question;
}

/** What the feedback shows beyond right or wrong: the explanation (with a contrast after a confusion) and, for typed answers, the comparison. */
export function feedbackDetail(row: Row, response: QuizResponse | null): { explanation: Localized; source: SourceRef; comparison?: { target: string; parts: DiffPart[] } } {
  const q = storedQuestion(row);
  const comparison = q.type === "typed" && response?.type === "typed" ? typedComparison(q.answer, response.text) : undefined;
  return { explanation: explanationFor(q, response, q.explanation), source: q.source, ...(comparison ? { comparison } : {}) };
}
