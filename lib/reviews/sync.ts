import { isUniqueViolation, lockLearner, type Db } from "@/lib/db/client";
import { answerable, answerMoment, cardToday, dayBounds, outcome, type Quality } from "@/lib/core/srs";
import { learnerAlgorithm, readLearnerAlgorithm } from "./algorithm";
import type { Learner } from "./learner";
import { latestRowAt, readCardRowsSince, readSchedule, writeOutcome } from "./schedule-store";
import { undoGrade } from "./undo";

/**
 * Answers given in the browser, delivered in the order they were given (an outbox that may have
 * waited offline, or a second device). Each is applied exactly once (its request id is unique in
 * the log) and scheduled by the schedule model as of the moment it was given, clamped by
 * lib/core/srs/answer-rules: after the card's previous row, never before the learner's last switch of
 * algorithm or the account's creation; never in the future.
 *
 * Two devices: answers reach the server one at a time, so the first to arrive is the day's first
 * answer of the card and sets its schedule; one that arrives later the same learner day is a
 * repeat (logged, schedule unchanged, a grade below 4 brings the card back today). An answer to a
 * card that has since moved to a later day (answered elsewhere on an earlier day) is refused.
 */

export type SyncOp =
  | { type: "grade"; requestId: string; cardId: string; grade: Quality; answeredAt: Date; durationMs: number }
  | { type: "undo"; requestId: string; target: string; at: Date };

export type OpResult =
  | { requestId: string; status: "applied"; kind: string; at: Date }
  | { requestId: string; status: "undone" }
  | { requestId: string; status: "refused"; error: "not-found" | "not-due" | "not-last" };

async function loggedRow(db: Pick<Db, "$queryRaw">, userId: string, requestId: string) {
  const [row] = await db.$queryRaw<{ id: string; kind: string; reviewedAt: Date }[]>`
    SELECT "id", "kind", "reviewedAt" FROM "ReviewLog" WHERE "userId" = ${userId} AND "requestId" = ${requestId} AND "origin" = 'review'`;
  return row ?? null;
}

class Moved extends Error {}

async function applyGrade(db: Db, sessionLearner: Learner, op: Extract<SyncOp, { type: "grade" }>, now: Date): Promise<OpResult> {
  const { requestId } = op;
  return db.$transaction(async (tx) => {
    await lockLearner(tx, sessionLearner.id);
    const done = await loggedRow(tx, sessionLearner.id, requestId);
    if (done) return { requestId, status: "applied" as const, kind: done.kind, at: done.reviewedAt };
    const learner = await readLearnerAlgorithm(tx, sessionLearner);
    const card = await tx.card.findUnique({ where: { id: op.cardId }, select: { retiredAt: true } });
    if (!card || card.retiredAt) return { requestId, status: "refused" as const, error: "not-found" as const };
    const stored = await readSchedule(tx, learner.id, op.cardId);
    const previous = await latestRowAt(tx, learner.id, op.cardId);
    const at = answerMoment(op.answeredAt, { after: [previous, stored?.schedule.lastReviewedAt], notBefore: [learner.createdAt, learner.switchedAt] }, now);
    const ctx = { now: at, timeZone: learner.timeZone, rolloverHour: learner.rolloverHour };
    const rows = await readCardRowsSince(tx, learner.id, op.cardId, dayBounds(at, learner.timeZone, learner.rolloverHour).start);
    const today = cardToday(rows);
    if (!answerable(stored?.schedule ?? null, today, ctx)) return { requestId, status: "refused" as const, error: "not-due" as const };
    const o = outcome({ schedule: stored?.schedule ?? null, today }, { type: "grade", grade: op.grade }, ctx, learnerAlgorithm(learner));
    const written = await writeOutcome(tx, learner.id, op.cardId, stored, o.schedule, o.log, { requestId, durationMs: op.durationMs });
    if (!written?.logId) throw new Moved();
    return { requestId, status: "applied" as const, kind: o.log!.kind, at };
  });
}

async function applyOne(db: Db, learner: Learner, op: SyncOp, now: Date): Promise<OpResult> {
  if (op.type === "undo") {
    const target = await loggedRow(db, learner.id, op.target);
    if (!target) return { requestId: op.requestId, status: "refused", error: "not-found" };
    // As of the moment it was given (the answer it takes back must still be the latest then).
    const out = await undoGrade(db, learner, target.id, answerMoment(op.at, { after: [], notBefore: [target.reviewedAt] }, now));
    return out.ok ? { requestId: op.requestId, status: "undone" } : { requestId: op.requestId, status: "refused", error: out.error };
  }
  for (let attempt = 0; ; attempt++) {
    try {
      return await applyGrade(db, learner, op, now);
    } catch (e) {
      // The same answer racing itself (two tabs sending one outbox): the unique request id lets
      // one through and the other reads it back. A state moved underneath is read again.
      if ((isUniqueViolation(e) || e instanceof Moved) && attempt < 3) continue;
      throw e;
    }
  }
}

/** Applies the ops in order; each is its own transaction, so an acknowledged answer is durable. */
export async function syncOps(db: Db, learner: Learner, ops: readonly SyncOp[], now: Date): Promise<OpResult[]> {
  const results: OpResult[] = [];
  for (const op of ops) results.push(await applyOne(db, learner, op, now));
  return results;
}
