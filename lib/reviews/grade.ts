import { v7 as uuidv7 } from "uuid";
import { isUniqueViolation, lockLearner, type Db, type DbTx } from "@/lib/db/client";
import { dueAtFor, INITIAL_SM2, previewGrades, type Quality } from "@/lib/core/srs";
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

interface StateRow {
  id: string;
  repetitions: number;
  easiness: number;
  intervalDays: number;
  dueAt: Date;
  lapses: number;
  lastReviewedAt: Date | null;
  version: number;
}

async function readState(db: DbTx, userId: string, cardId: string): Promise<StateRow | null> {
  const [row] = await db.$queryRaw<StateRow[]>`
    SELECT "id", "repetitions", "easiness", "intervalDays", "dueAt", "lapses", "lastReviewedAt", "version"
    FROM "ReviewState" WHERE "userId" = ${userId} AND "cardId" = ${cardId}`;
  if (!row) return null;
  return { ...row, repetitions: Number(row.repetitions), easiness: Number(row.easiness), intervalDays: Number(row.intervalDays), lapses: Number(row.lapses), version: Number(row.version) };
}

async function replay(db: Db, learner: Learner, requestId: string, now: Date): Promise<GradeOutcome | null> {
  const log = await loggedGrade(db, learner.id, requestId);
  if (!log) return null;
  return { ok: true, result: resultOf(log), session: await sessionView(db, learner, now) };
}

/**
 * Grades one card in one transaction: the card must be in today's queue and at the version the
 * screen showed; SM-2 moves the schedule on the day's first grade only (later ones are drills);
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
      const state = await readState(tx, learner.id, input.cardId);
      if ((state?.version ?? 0) !== input.expectedVersion) {
        const card = state ?? (await tx.card.findUnique({ where: { id: input.cardId }, select: { id: true } }));
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

      const before = state ?? { ...INITIAL_SM2, dueAt: null, lapses: 0, lastReviewedAt: null };
      const moves = item.kind !== "drill";
      const next = moves ? previewGrades(before)[input.quality] : before;
      const dueAt = moves ? dueAtFor(now, next.intervalDays, learner.timeZone, learner.rolloverHour) : state!.dueAt;
      const lapses = before.lapses + (moves && input.quality < 3 && before.repetitions > 0 ? 1 : 0);
      const lastReviewedAt = moves ? now : before.lastReviewedAt;
      const version = input.expectedVersion + 1;

      if (!state) {
        await tx.$executeRaw`
          INSERT INTO "ReviewState" ("id", "userId", "cardId", "repetitions", "easiness", "intervalDays", "dueAt", "lapses", "lastReviewedAt", "introducedAt", "version")
          VALUES (${uuidv7()}, ${learner.id}, ${input.cardId}, ${next.repetitions}, ${next.easiness}, ${next.intervalDays}, ${dueAt}, ${lapses}, ${now}, ${now}, ${version})`;
      } else {
        // A drill leaves the schedule exactly as the day's first grade set it.
        const count = moves
          ? await tx.$executeRaw`
              UPDATE "ReviewState" SET "repetitions" = ${next.repetitions}, "easiness" = ${next.easiness}, "intervalDays" = ${next.intervalDays},
                "dueAt" = ${dueAt}, "lapses" = ${lapses}, "lastReviewedAt" = ${now}, "version" = ${version}
              WHERE "id" = ${state.id} AND "version" = ${input.expectedVersion}`
          : await tx.$executeRaw`UPDATE "ReviewState" SET "version" = ${version} WHERE "id" = ${state.id} AND "version" = ${input.expectedVersion}`;
        if (count !== 1) throw new Conflict();
      }
      const logId = uuidv7(); // time-ordered: undo takes the latest grade by (reviewedAt, id)
      await tx.$executeRaw`
        INSERT INTO "ReviewLog" ("id", "userId", "cardId", "grade", "origin", "kind", "repsBefore", "easeBefore", "intervalBefore", "dueBefore", "lapsesBefore",
          "repsAfter", "easeAfter", "intervalAfter", "dueAfter", "lapsesAfter", "reviewedAt", "durationMs", "requestId")
        VALUES (${logId}, ${learner.id}, ${input.cardId}, ${input.quality}, 'review', ${item.kind}, ${before.repetitions}, ${before.easiness}, ${before.intervalDays},
          ${before.dueAt}, ${before.lapses}, ${next.repetitions}, ${next.easiness}, ${next.intervalDays}, ${dueAt}, ${lapses}, ${now}, ${input.durationMs}, ${input.requestId})`;

      const after = queueAfterGrade(learner, now, data, {
        log: { id: logId, cardId: input.cardId, grade: input.quality, kind: item.kind, durationMs: input.durationMs, reviewedAt: now },
        state: { cardId: input.cardId, dueAt, repetitions: next.repetitions, easiness: next.easiness, intervalDays: next.intervalDays, version, lastReviewedAt },
      });
      const result = { logId, quality: input.quality, kind: item.kind, intervalDays: next.intervalDays, dueAt: dueAt.toISOString() };
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
