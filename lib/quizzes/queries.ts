import type { DbTx } from "@/lib/db/client";
import type { PublicQuestion } from "@/lib/core/quiz/types";
import { feedbackOf, type Feedback } from "./answer";

export interface AttemptView {
  id: string;
  topic: string;
  length: number;
  createdAt: string;
  finishedAt: string | null;
  score: number | null;
  retryOfId: string | null;
  questions: Array<{ position: number; question: PublicQuestion; feedback: Feedback | null }>;
}

/**
 * An attempt as its owner may see it: every question's public part, and the answer and
 * explanation only for questions already answered. Another learner's attempt is "not found".
 */
export async function attemptView(db: DbTx, userId: string, attemptId: string): Promise<AttemptView | null> {
  const attempt = await db.quizAttempt.findFirst({
    where: { id: attemptId, userId },
    include: { questions: { orderBy: { position: "asc" } } },
  });
  if (!attempt) return null;
  return {
    id: attempt.id,
    topic: attempt.topic,
    length: attempt.length,
    createdAt: attempt.createdAt.toISOString(),
    finishedAt: attempt.finishedAt?.toISOString() ?? null,
    score: attempt.score,
    retryOfId: attempt.retryOfId,
    questions: attempt.questions.map((q) => ({
      position: q.position,
      question: JSON.parse(q.prompt) as PublicQuestion,
      feedback: q.answeredAt ? feedbackOf(q, attempt) : null,
    })),
  };
}

export interface AttemptSummary {
  id: string;
  topic: string;
  length: number;
  answered: number;
  score: number | null;
  createdAt: string;
  finishedAt: string | null;
}

/** The learner's recent attempts, newest first (open ones can be continued). */
export async function recentAttempts(db: DbTx, userId: string, take = 20): Promise<AttemptSummary[]> {
  const rows = await db.quizAttempt.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    take,
    include: { _count: { select: { questions: { where: { answeredAt: { not: null } } } } } },
  });
  return rows.map((a) => ({
    id: a.id,
    topic: a.topic,
    length: a.length,
    answered: a._count.questions,
    score: a.score,
    createdAt: a.createdAt.toISOString(),
    finishedAt: a.finishedAt?.toISOString() ?? null,
  }));
}
