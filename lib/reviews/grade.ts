import { isUniqueViolation, lockLearner, type Db } from "@/lib/db/client";
import { dueAtFor, INITIAL_SM2, previewGrades, type Quality } from "@/lib/srs";
import type { Learner } from "./learner";
import { loadQueue } from "./queue-data";
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

function resultOf(log: { id: string; grade: number; kind: string; intervalAfter: number; dueAfter: Date }): GradeResult {
  return { logId: log.id, quality: log.grade, kind: log.kind, intervalDays: log.intervalAfter, dueAt: log.dueAfter.toISOString() };
}

async function replay(db: Db, learner: Learner, requestId: string, now: Date): Promise<GradeOutcome | null> {
  const log = await db.reviewLog.findUnique({ where: { userId_requestId: { userId: learner.id, requestId } } });
  if (!log) return null;
  return { ok: true, result: resultOf(log), session: await sessionView(db, learner, now) };
}

/**
 * Grades one card in one transaction: the card must be in today's queue and at the version the
 * screen showed; SM-2 moves the schedule on the day's first grade only (later ones are drills);
 * the log row carries the request id, so a repeated request is answered from it, not applied again.
 */
export async function gradeCard(db: Db, learner: Learner, input: GradeInput, now: Date): Promise<GradeOutcome> {
  const earlier = await replay(db, learner, input.requestId, now);
  if (earlier) return earlier;

  try {
    return await db.$transaction(async (tx) => {
      await lockLearner(tx, learner.id); // PostgreSQL: this learner's grades one at a time, as on SQLite
      // Checked again inside: the first copy of a double click may have committed meanwhile.
      const done = await tx.reviewLog.findUnique({ where: { userId_requestId: { userId: learner.id, requestId: input.requestId } } });
      if (done) return { ok: true as const, result: resultOf(done), session: await sessionView(tx, learner, now) };
      const card = await tx.card.findUnique({ where: { id: input.cardId }, select: { id: true } });
      if (!card) return { ok: false as const, error: "not-found" as const, session: null };
      const state = await tx.reviewState.findUnique({ where: { userId_cardId: { userId: learner.id, cardId: card.id } } });
      if ((state?.version ?? 0) !== input.expectedVersion) {
        return { ok: false as const, error: "conflict" as const, session: await sessionView(tx, learner, now) };
      }
      const data = await loadQueue(tx, learner, now);
      const item = data.queue.items.find((i) => i.cardId === card.id);
      if (!item) return { ok: false as const, error: "not-in-queue" as const, session: await sessionView(tx, learner, now, data) };

      const before = state ?? { ...INITIAL_SM2, dueAt: null, lapses: 0 };
      const moves = item.kind !== "drill";
      const next = moves ? previewGrades(before)[input.quality] : before;
      const dueAt = moves ? dueAtFor(now, next.intervalDays, learner.timeZone, learner.rolloverHour) : state!.dueAt;
      const lapses = before.lapses + (moves && input.quality < 3 && before.repetitions > 0 ? 1 : 0);
      // A drill leaves the schedule exactly as the day's first grade set it.
      const fields = moves
        ? { repetitions: next.repetitions, easiness: next.easiness, intervalDays: next.intervalDays, dueAt, lapses, lastReviewedAt: now }
        : {};

      if (!state) {
        await tx.reviewState.create({
          data: { userId: learner.id, cardId: card.id, repetitions: next.repetitions, easiness: next.easiness, intervalDays: next.intervalDays, dueAt, lapses, lastReviewedAt: now, introducedAt: now, version: 1 },
        });
      } else {
        const { count } = await tx.reviewState.updateMany({
          where: { id: state.id, version: input.expectedVersion },
          data: { ...fields, version: { increment: 1 } },
        });
        if (count !== 1) throw new Conflict();
      }
      const log = await tx.reviewLog.create({
        data: {
          userId: learner.id,
          cardId: card.id,
          grade: input.quality,
          origin: "review",
          kind: item.kind,
          repsBefore: before.repetitions,
          easeBefore: before.easiness,
          intervalBefore: before.intervalDays,
          dueBefore: before.dueAt,
          lapsesBefore: before.lapses,
          repsAfter: next.repetitions,
          easeAfter: next.easiness,
          intervalAfter: next.intervalDays,
          dueAfter: dueAt,
          lapsesAfter: lapses,
          reviewedAt: now,
          durationMs: input.durationMs,
          requestId: input.requestId,
        },
      });
      return { ok: true as const, result: resultOf(log), session: await sessionView(tx, learner, now) };
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
