import { lockLearner, type Db } from "@/lib/db/client";
import { checkAnswer } from "@/lib/core/quiz/check";
import { cardKeysForMiss } from "@/lib/core/quiz/confusion";
import type { DiffPart } from "@/lib/core/quiz/diff";
import type { QuizResponse } from "@/lib/core/quiz/types";
import type { Localized, SourceRef } from "@/lib/core/deck/types";
import { applyQuizMiss } from "@/lib/reviews/quiz-miss";
import type { Learner } from "@/lib/reviews/learner";
import { feedbackDetail, storedQuestion } from "./stored-question";

export interface Feedback {
  position: number;
  correct: boolean;
  /** The right answer, revealed once the learner has committed. */
  answer: unknown;
  response: QuizResponse;
  explanation: Localized;
  source: SourceRef;
  /** Typed answers: what was typed against the nearest accepted spelling, differences marked. */
  comparison?: { target: string; parts: DiffPart[] };
  finished: boolean;
  score: number | null;
}

export type AnswerOutcome = { ok: true; feedback: Feedback } | { ok: false; error: "not-found" | "closed" | "already-answered" };

type AnsweredRow = { position: number; correct: boolean | null; prompt: string; answer: string; cardKeys: string; response: string | null; explanation: string };

export function feedbackOf(q: AnsweredRow, attempt: { finishedAt: Date | null; score: number | null }): Feedback {
  const response = JSON.parse(q.response ?? "null") as QuizResponse;
  return {
    position: q.position,
    correct: q.correct ?? false,
    answer: JSON.parse(q.answer),
    response,
    ...feedbackDetail(q, response),
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

    const question = storedQuestion(q);
    const correct = checkAnswer(question, input.response);
    const stored = { correct, response: JSON.stringify(input.response), answeredAt: now, requestId: input.requestId };
    const { count } = await tx.quizQuestion.updateMany({ where: { id: q.id, answeredAt: null }, data: stored });
    if (count !== 1) return { ok: false as const, error: "already-answered" as const };
    // Issue 19: a confusion (the other component picked or typed) brings that fact's cards back too.
    if (!correct) await applyQuizMiss(tx, learner, q.id, cardKeysForMiss(question, input.response), now);

    const open = await tx.quizQuestion.count({ where: { attemptId: attempt.id, answeredAt: null } });
    let closed = attempt;
    if (open === 0) {
      const score = await tx.quizQuestion.count({ where: { attemptId: attempt.id, correct: true } });
      closed = await tx.quizAttempt.update({ where: { id: attempt.id }, data: { finishedAt: now, score } });
    }
    return { ok: true as const, feedback: feedbackOf({ ...q, ...stored }, closed) };
  });
}
