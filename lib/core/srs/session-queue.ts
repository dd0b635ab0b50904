/**
 * Today's session queue from what the learner's log and states hold (pure). The server builds it
 * from database reads (lib/reviews/queue-data) and the browser from its day pack (./day-pack), so
 * both show the same cards in the same order.
 */
import { buildQueue, type Queue, type QueueCardState } from "./queue";
import { cardToday } from "./schedule";

/** The learner settings a queue depends on. */
export interface QueueLearner {
  timeZone: string;
  rolloverHour: number;
  newPerDay: number;
  maxReviewsPerDay: number;
}

/** A log row of today (not undone), as the queue reads it. */
export interface QueueRow {
  cardId: string;
  origin: string;
  kind: string;
  grade: number;
}

export interface SessionQueueInputs {
  /** Today's rows, oldest first. */
  todayRows: readonly QueueRow[];
  /** States due before the end of today (may hold more). */
  dueStates: QueueCardState[];
  /** Cards first answered today. */
  newIntroducedToday: number;
  /** Unseen cards in deck order (may hold more than the allowance). */
  newCardIds: string[];
}

export function sessionQueue(learner: QueueLearner, now: Date, inputs: SessionQueueInputs): Queue {
  // Owed same-day repeats, by the schedule model, in the order of each card's latest row today.
  const byCard = new Map<string, QueueRow[]>();
  for (const g of inputs.todayRows) {
    const rows = byCard.get(g.cardId) ?? [];
    byCard.delete(g.cardId); // re-insert so the map keeps the order of each card's latest row
    byCard.set(g.cardId, [...rows, g]);
  }
  const drillCardIds = [...byCard].filter(([, rows]) => cardToday(rows).owesRepeat).map(([id]) => id);
  const reviewedTodayCount = new Set(inputs.todayRows.filter((g) => g.kind === "review").map((g) => g.cardId)).size;
  return buildQueue({
    now,
    timeZone: learner.timeZone,
    rolloverHour: learner.rolloverHour,
    maxReviewsPerDay: learner.maxReviewsPerDay,
    newPerDay: learner.newPerDay,
    reviewedTodayCount,
    newIntroducedToday: inputs.newIntroducedToday,
    dueStates: inputs.dueStates,
    newCardIds: inputs.newCardIds,
    drillCardIds,
  });
}
