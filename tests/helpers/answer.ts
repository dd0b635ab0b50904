import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import type { Quality } from "@/lib/core/srs";
import type { Learner } from "@/lib/reviews/learner";
import { syncOps, type OpResult } from "@/lib/reviews/sync";

/**
 * One answer through the app's only way to apply one: the review screen's outbox (syncAction calls
 * syncOps). Given at `at` and delivered at once, unless `deliveredAt` says when it reached the
 * server. Returns what the server said, and the log row it wrote (what Undo names; null if refused).
 */
export async function answerCard(
  db: Db,
  learner: Learner,
  cardId: string,
  grade: Quality,
  at: Date,
  opts: { requestId?: string; durationMs?: number; deliveredAt?: Date } = {},
): Promise<OpResult & { logId: string | null }> {
  const requestId = opts.requestId ?? randomUUID();
  const op = { type: "grade" as const, requestId, cardId, grade, answeredAt: at, durationMs: opts.durationMs ?? 1000 };
  const [result] = await syncOps(db, learner, [op], opts.deliveredAt ?? at);
  const log = await db.reviewLog.findFirst({ where: { userId: learner.id, requestId, origin: "review" }, select: { id: true } });
  return { ...result, logId: log?.id ?? null };
}
