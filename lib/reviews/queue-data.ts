import type { DbTx } from "@/lib/db/client";
import { dayBounds, sessionQueue, type Queue, type QueueCardState } from "@/lib/core/srs";
import type { Learner } from "./learner";
import { countIntroducedSince, readDueStates, readNewCardIds, readTodayGrades, type TodayGrade } from "./queue-reads";

/** What today's queue is built from, as read from the database. */
export interface QueueInputs {
  todayGrades: TodayGrade[];
  dueStates: QueueCardState[];
  newIntroducedToday: number;
  newCardIds: string[];
}

export interface QueueData extends QueueInputs {
  queue: Queue;
  day: { start: Date; end: Date; key: string };
}

function build(learner: Learner, now: Date, day: QueueData["day"], inputs: QueueInputs): QueueData {
  return { ...inputs, queue: sessionQueue(learner, now, { ...inputs, todayRows: inputs.todayGrades }), day };
}

/**
 * Reads what today's queue depends on, with indexed, bounded queries (due states by
 * (userId, dueAt), new cards in deck order up to the day's allowance), then builds it.
 */
export async function loadQueue(db: DbTx, learner: Learner, now: Date): Promise<QueueData> {
  const day = dayBounds(now, learner.timeZone, learner.rolloverHour);
  const todayGrades = await readTodayGrades(db, learner.id, day.start);
  // Cards graded today may still be due before the day ends; read past them.
  const dueStates = await readDueStates(db, learner.id, day.end, learner.maxReviewsPerDay + todayGrades.length);
  const newIntroducedToday = await countIntroducedSince(db, learner.id, day.start);
  const newCardIds = await readNewCardIds(db, learner.id, Math.max(0, learner.newPerDay - newIntroducedToday));
  return build(learner, now, day, { todayGrades, dueStates, newIntroducedToday, newCardIds });
}
