import type { Db } from "@/lib/db/client";

/** How much of a learner's data the account page says a deletion would remove. */
export async function accountDataSummary(db: Db, userId: string): Promise<{ states: number; logs: number; quizzes: number }> {
  const [states, logs, quizzes] = await Promise.all([
    db.reviewState.count({ where: { userId } }),
    db.reviewLog.count({ where: { userId } }),
    db.quizAttempt.count({ where: { userId } }),
  ]);
  return { states, logs, quizzes };
}
