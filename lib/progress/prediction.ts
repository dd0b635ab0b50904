/**
 * "How well does your schedule predict your memory?" for one learner: their review-screen grades
 * (not undone) in time order, turned into memory events on their learner days, and the
 * predictions of SM-2 and of FSRS with its default weights scored against what happened
 * (lib/core/stats/prediction.ts). One narrow read of three columns per grade.
 */
import type { DbTx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Learner } from "@/lib/reviews/learner";
import { learnerDays } from "@/lib/core/stats/prediction";
import { evaluateSchedules, memoryEvents, type Evaluation, type LogRow, type MemoryEvent } from "@/lib/core/stats/prediction";
import { HistoryMemo } from "./history-cache";

/**
 * Below this many scored reviews (a card's second review onwards) the page shows how many more
 * are needed instead of metrics: with ten calibration bins, fewer than ~50 reviews leave most
 * bins with one or two reviews, and one lucky guess swings the figures.
 */
export const MIN_SCORED_REVIEWS = 50;

/**
 * The evaluation reads at most this many of the latest grades, so a long history costs the page a
 * bounded time (100,000 grades took over a second of CPU per visit in the bench). A card whose
 * earlier grades fall outside the window is scored from its first grade inside it.
 */
export const MAX_GRADES_EVALUATED = 20_000;

export interface SchedulePrediction extends Evaluation {
  enough: boolean;
  minimum: number;
}

/** The learner's memory events (first standing grade of each card per learner day) within the latest grades, oldest first. */
export async function loadMemoryEvents(db: DbTx, learner: Learner): Promise<MemoryEvent[]> {
  // Plain SQL: half the time of the same read through findMany (measured on 20,000 rows), which
  // builds a model object per row. A DateTime comes back as a Date (text is parsed, to be sure).
  const latest = await db.$queryRaw<{ cardId: string; grade: unknown; reviewedAt: Date | string }[]>(Prisma.sql`
    SELECT "cardId", "grade", "reviewedAt" FROM "ReviewLog"
    WHERE "userId" = ${learner.id} AND "origin" = 'review' AND "undoneAt" IS NULL
    ORDER BY "reviewedAt" DESC, "id" DESC
    LIMIT ${Prisma.raw(String(MAX_GRADES_EVALUATED))}`);
  const dayOf = learnerDays(learner.timeZone, learner.rolloverHour);
  const rows: LogRow[] = [];
  for (let i = latest.length - 1; i >= 0; i--) {
    const r = latest[i];
    const at = r.reviewedAt instanceof Date ? r.reviewedAt : new Date(r.reviewedAt);
    rows.push({ cardKey: r.cardId, grade: Number(r.grade), origin: "review", day: dayOf(at), undone: false });
  }
  return memoryEvents(rows);
}

const remembered = new HistoryMemo<SchedulePrediction>();

/**
 * The evaluation, remembered per learner while their grades are unchanged (./history-cache):
 * reading and replaying 20,000 grades was over half of the page's server time for a long history.
 */
export async function loadSchedulePrediction(db: DbTx, learner: Learner): Promise<SchedulePrediction> {
  return remembered.get(db, learner.id, `${learner.timeZone}|${learner.rolloverHour}`, () => computeSchedulePrediction(db, learner));
}

/** The evaluation from the stored grades, never remembered. */
export async function computeSchedulePrediction(db: DbTx, learner: Learner): Promise<SchedulePrediction> {
  const events = await loadMemoryEvents(db, learner);
  const evaluation = evaluateSchedules(events);
  return { ...evaluation, enough: evaluation.reviews >= MIN_SCORED_REVIEWS, minimum: MIN_SCORED_REVIEWS };
}
