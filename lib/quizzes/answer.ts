import { lockLearner, type Db } from "@/lib/db/client";
import { checkAnswer } from "@/lib/core/quiz/check";
import type { Question, QuizResponse } from "@/lib/core/quiz/types";
import type { Localized, SourceRef } from "@/lib/core/deck/types";
import { applyQuizMiss } from "@/lib/reviews/quiz-miss";
import type { Learner } from "@/lib/reviews/learner";

export interface Feedback {
  position: number;
  correct: boolean;
  /** The right answer, revealed once the learner has committed. */
  answer: unknown;
  response: QuizResponse;
  explanation: Localized;
  source: SourceRef;
  finished: boolean;
  score: number | null;
}

export type AnswerOutcome = { ok: true; feedback: Feedback } | { ok: false; error: "not-found" | "closed" | "already-answered" };

export function explanationOf(stored: string): { explanation: Localized; source: SourceRef } {
  const { explanation, source } = JSON.parse(stored) as { explanation: Localized; source: SourceRef };
  return { explanation, source };
}

function feedbackOf(q: { position: number; correct: boolean | null; answer: string; response: string | null; explanation: string }, attempt: { finishedAt: Date | null; score: number | null }): Feedback {
  return {
    position: q.position,
    correct: q.correct ?? false,
    answer: JSON.parse(q.answer),
    response: JSON.parse(q.response ?? "null") as QuizResponse,
    ...explanationOf(q.explanation),
    finished: attempt.finishedAt !== null,
    score: attempt.score,
  };
}

/**
 * Checks and stores one answer in one transaction: only the attempt's owner, only while it is
 * open, only once per question. The same request sent again gets the same feedback.
 */
export async function answerQuestion(
  db: Db,
  learner: Learner,
  input: { attemptId: string; position: number; response: QuizResponse; requestId: string },
  now: Date,
): Promise<AnswerOutcome> {
  return db.$transaction(async (tx) => {
    await lockLearner(tx, learner.id); // PostgreSQL: two answers of one attempt never both miss closing it
    const attempt = await tx.quizAttempt.findFirst({ where: { id: input.attemptId, userId: learner.id } });
    if (!attempt) return { ok: false as const, error: "not-found" as const };
    const q = await tx.quizQuestion.findUnique({ where: { attemptId_position: { attemptId: attempt.id, position: input.position } } });
    if (!q) return { ok: false as const, error: "not-found" as const };
    if (q.answeredAt) {
      if (q.requestId === input.requestId) return { ok: true as const, feedback: feedbackOf(q, attempt) };
      return { ok: false as const, error: "already-answered" as const };
    }
    if (attempt.finishedAt) return { ok: false as const, error: "closed" as const };

    const question = { ...JSON.parse(q.prompt), answer: JSON.parse(q.answer) } as Question;
    const correct = checkAnswer(question, input.response);
    const stored = { correct, response: JSON.stringify(input.response), answeredAt: now, requestId: input.requestId };
    const { count } = await tx.quizQuestion.updateMany({ where: { id: q.id, answeredAt: null }, data: stored });
    if (count !== 1) return { ok: false as const, error: "already-answered" as const };
    if (!correct) await applyQuizMiss(tx, learner, q.id, JSON.parse(q.cardKeys) as string[], now);

    const open = await tx.quizQuestion.count({ where: { attemptId: attempt.id, answeredAt: null } });
    let closed = attempt;
    if (open === 0) {
      const score = await tx.quizQuestion.count({ where: { attemptId: attempt.id, correct: true } });
      closed = await tx.quizAttempt.update({ where: { id: attempt.id }, data: { finishedAt: now, score } });
    }
    return { ok: true as const, feedback: feedbackOf({ ...q, ...stored }, closed) };
  });
}
