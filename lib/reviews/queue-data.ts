import type { DbTx } from "@/lib/db/client";
import { buildQueue, dayBounds, needsDrill, type Queue } from "@/lib/srs";
import type { Learner } from "./learner";

export interface TodayGrade {
  id: string;
  cardId: string;
  grade: number;
  kind: string;
  durationMs: number;
  reviewedAt: Date;
}

export interface QueueData {
  queue: Queue;
  day: { start: Date; end: Date; key: string };
  todayGrades: TodayGrade[];
}

/** Today's review-screen grades (not undone), oldest first. */
export function todayGrades(db: DbTx, userId: string, start: Date): Promise<TodayGrade[]> {
  return db.reviewLog.findMany({
    where: { userId, origin: "review", undoneAt: null, reviewedAt: { gte: start } },
    orderBy: [{ reviewedAt: "asc" }, { id: "asc" }],
    select: { id: true, cardId: true, grade: true, kind: true, durationMs: true, reviewedAt: true },
  });
}

/**
 * Reads what today's queue depends on, with indexed, bounded queries (due states by
 * (userId, dueAt), new cards in deck order up to the day's allowance), then builds it.
 */
export async function loadQueue(db: DbTx, learner: Learner, now: Date): Promise<QueueData> {
  const day = dayBounds(now, learner.timeZone, learner.rolloverHour);
  const grades = await todayGrades(db, learner.id, day.start);
  const [dueStates, newIntroducedToday] = await Promise.all([
    db.reviewState.findMany({
      where: { userId: learner.id, dueAt: { lt: day.end }, card: { retiredAt: null } },
      orderBy: [{ dueAt: "asc" }, { cardId: "asc" }],
      take: learner.maxReviewsPerDay + grades.length,
      select: { cardId: true, dueAt: true, repetitions: true, easiness: true, intervalDays: true, version: true, lastReviewedAt: true },
    }),
    db.reviewState.count({ where: { userId: learner.id, introducedAt: { gte: day.start } } }),
  ]);
  const newAllowance = Math.max(0, learner.newPerDay - newIntroducedToday);
  const newCards = newAllowance
    ? await db.card.findMany({
        where: { retiredAt: null, reviewStates: { none: { userId: learner.id } } },
        orderBy: { position: "asc" },
        take: newAllowance,
        select: { id: true },
      })
    : [];

  // SM-2 step 7: a card whose latest grade today is below 4 comes back until it scores 4 or 5.
  const lastGrade = new Map<string, number>();
  for (const g of grades) {
    lastGrade.delete(g.cardId); // re-insert so the map keeps the order of each card's latest grade
    lastGrade.set(g.cardId, g.grade);
  }
  const drillCardIds = [...lastGrade].filter(([, grade]) => needsDrill(grade)).map(([id]) => id);
  const reviewedTodayCount = new Set(grades.filter((g) => g.kind === "review").map((g) => g.cardId)).size;

  const queue = buildQueue({
    now,
    timeZone: learner.timeZone,
    rolloverHour: learner.rolloverHour,
    maxReviewsPerDay: learner.maxReviewsPerDay,
    newPerDay: learner.newPerDay,
    reviewedTodayCount,
    newIntroducedToday,
    dueStates,
    newCardIds: newCards.map((c) => c.id),
    drillCardIds,
  });
  return { queue, day, todayGrades: grades };
}
