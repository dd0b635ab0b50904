import { isUniqueViolation, lockLearner, type Db, type DbTx } from "@/lib/db/client";
import { cardToday, outcome, type Quality } from "@/lib/core/srs";
import { readSchedule, writeOutcome } from "./schedule-store";
import type { Learner } from "./learner";
import { loadQueue, queueAfterGrade } from "./queue-data";
import { sessionView, type SessionView } from "./view";

export interface GradeInput {
  cardId: string;
  quality: Quality;
  /** The review-state version the screen showed (0 for a new card). */
  expectedVersion: number;
  /** Chosen by the client per answer: a retry or a double click carries the same id. */
  requestId: string;
  durationMs: number;
}

export interface GradeResult {
  logId: string;
  quality: number;
  kind: string;
  intervalDays: number;
  dueAt: string;
}

export type GradeOutcome =
  | { ok: true; result: GradeResult; session: SessionView }
  | { ok: false; error: "not-found" | "not-in-queue" | "conflict"; session: SessionView | null };

class Conflict extends Error {}

interface LogRow {
  id: string;
  grade: number;
  kind: string;
  intervalAfter: number;
  dueAfter: Date;
}

function resultOf(log: LogRow): GradeResult {
  return { logId: log.id, quality: Number(log.grade), kind: log.kind, intervalDays: Number(log.intervalAfter), dueAt: log.dueAfter.toISOString() };
}

async function loggedGrade(db: DbTx, userId: string, requestId: string): Promise<LogRow | null> {
  const [row] = await db.$queryRaw<LogRow[]>`
    SELECT "id", "grade", "kind", "intervalAfter", "dueAfter" FROM "ReviewLog" WHERE "userId" = ${userId} AND "requestId" = ${requestId}`;
  return row ?? null;
}

async function replay(db: Db, learner: Learner, requestId: string, now: Date): Promise<GradeOutcome | null> {
  const log = await loggedGrade(db, learner.id, requestId);
  if (!log) return null;
  return { ok: true, result: resultOf(log), session: await sessionView(db, learner, now) };
}

/**
 * Grades one card in one transaction: the card must be in today's queue and at the version the
 * screen showed; the schedule model (lib/core/srs/schedule) gives the outcome, committed as it says;
 * the log row carries the request id, so a repeated request is answered from it, not applied again.
 * Hot path (issue 8): plain SQL statements, today's queue read once and the next card's queue
 * derived from it in memory.
 */
export async function gradeCard(db: Db, learner: Learner, input: GradeInput, now: Date): Promise<GradeOutcome> {
  try {
    return await db.$transaction(async (tx) => {
      await lockLearner(tx, learner.id); // PostgreSQL: this learner's grades one at a time, as on SQLite
      // Inside the transaction: the first copy of a double click may have committed just before.
      const done = await loggedGrade(tx, learner.id, input.requestId);
      if (done) return { ok: true as const, result: resultOf(done), session: await sessionView(tx, learner, now) };
      const stored = await readSchedule(tx, learner.id, input.cardId);
      if ((stored?.version ?? 0) !== input.expectedVersion) {
        const card = stored ?? (await tx.card.findUnique({ where: { id: input.cardId }, select: { id: true } }));
        if (!card) return { ok: false as const, error: "not-found" as const, session: null };
        return { ok: false as const, error: "conflict" as const, session: await sessionView(tx, learner, now) };
      }
      const data = await loadQueue(tx, learner, now);
      const item = data.queue.items.find((i) => i.cardId === input.cardId);
      if (!item) {
        const card = await tx.card.findUnique({ where: { id: input.cardId }, select: { id: true } });
        if (!card) return { ok: false as const, error: "not-found" as const, session: null };
        return { ok: false as const, error: "not-in-queue" as const, session: await sessionView(tx, learner, now, data) };
      }

      // The schedule model decides everything: first answer or repeat, interval, lapses, due moment.
      const today = cardToday(data.todayGrades.filter((g) => g.cardId === input.cardId));
      const ctx = { now, timeZone: learner.timeZone, rolloverHour: learner.rolloverHour };
      const o = outcome({ schedule: stored?.schedule ?? null, today }, { type: "grade", grade: input.quality }, ctx);
      const next = o.schedule!;
      const log = o.log!;
      const written = await writeOutcome(tx, learner.id, input.cardId, stored, next, log, input);
      if (!written?.logId) throw new Conflict();
      const { logId, version } = written;

      const after = queueAfterGrade(learner, now, data, {
        log: { id: logId, cardId: input.cardId, origin: "review", grade: input.quality, kind: log.kind, durationMs: input.durationMs, reviewedAt: now },
        state: { cardId: input.cardId, dueAt: next.dueAt, repetitions: next.repetitions, easiness: next.easiness, intervalDays: next.intervalDays, version, lastReviewedAt: next.lastReviewedAt },
      });
      const result = { logId, quality: input.quality, kind: log.kind, intervalDays: next.intervalDays, dueAt: next.dueAt.toISOString() };
      return { ok: true as const, result, session: await sessionView(tx, learner, now, after) };
    });
  } catch (e) {
    // The same request racing itself: the unique request id lets exactly one through.
    if (isUniqueViolation(e)) {
      const again = await replay(db, learner, input.requestId, now);
      if (again) return again;
    }
    if (e instanceof Conflict || isUniqueViolation(e)) {
      return { ok: false, error: "conflict", session: await sessionView(db, learner, now) };
    }
    throw e;
  }
}
