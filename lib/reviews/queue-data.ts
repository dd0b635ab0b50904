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

export interface AppliedGrade {
  log: TodayGrade;
  /** The card's state after the grade (what was written). */
  state: QueueCardState;
}

/**
 * The queue right after a grade, from what was read before it, without reading again. It equals
 * loadQueue after the commit (tests/integration/review-next-session.test.ts compares them): the
 * graded card's new state replaces its old one (a moved schedule is due on a later day, so it
 * leaves the due list), a new card stops being new, and the extra grade joins today's. The rows
 * read suffice: a grade never makes more states due today, and the caps only shrink.
 */
export function queueAfterGrade(learner: Learner, now: Date, before: QueueData, applied: AppliedGrade): QueueData {
  const { log, state } = applied;
  const wasNew = log.kind === "new";
  const dueStates = before.dueStates.some((s) => s.cardId === state.cardId)
    ? before.dueStates.map((s) => (s.cardId === state.cardId ? state : s))
    : state.dueAt < before.day.end
      ? [...before.dueStates, state]
      : before.dueStates;
  return build(learner, now, before.day, {
    todayGrades: [...before.todayGrades, log],
    dueStates,
    newIntroducedToday: before.newIntroducedToday + (wasNew ? 1 : 0),
    newCardIds: wasNew ? before.newCardIds.filter((id) => id !== state.cardId) : before.newCardIds,
  });
}
