import type { DbTx } from "@/lib/db/client";
import type { Localized, SourceRef } from "@/lib/core/deck/types";
import { cardToday, gradeLabel, outcomes, QUALITIES, sessionSummary, type AlgorithmName, type GradeLabel, type QueueItemKind, type Schedule } from "@/lib/core/srs";
import type { Learner } from "./learner";
import { loadQueue, type QueueData } from "./queue-data";
import { readCardWithState } from "./queue-reads";
import { learnerAlgorithm } from "./algorithm";
import { offersTypeIn } from "./type-in";
import { cardText } from "./card-text";
import { scheduleOfState } from "./schedule-store";

export interface CardView {
  id: string;
  key: string;
  topic: string;
  kind: QueueItemKind;
  front: Localized;
  back: Localized;
  note: Localized | null;
  source: SourceRef;
  /** The card's review-state version (0: no stored state, a new card). */
  version: number;
  /** What each grade 0–5 does today, from the schedule model that commits the grade. */
  labels: GradeLabel[];
  /** The learner's algorithm: SM-2 shows the six grades, FSRS four buttons (FSRS_BUTTON_GRADES). */
  algorithm: AlgorithmName;
  /** The learner types the answer first (Settings, and a card whose answer is a component's name). */
  typeIn: boolean;
}

export interface SessionView {
  card: CardView | null;
  left: { review: number; new: number; drill: number };
  today: { reviewed: number; shareAtLeast3: number; timeMs: number };
  /** Shown when nothing is left: when the next card comes due (ISO), or null when none ever will. */
  nextDueAt: string | null;
  /** The grade that Undo would take back. */
  undoLogId: string | null;
}

async function cardView(db: DbTx, learner: Learner, now: Date, data: QueueData, item: { cardId: string; kind: QueueItemKind }): Promise<CardView> {
  const card = await readCardWithState(db, learner.id, item.cardId);
  if (!card) throw new Error(`card ${item.cardId} of the queue is gone`);
  const schedule: Schedule | null =
    card.version === null
      ? null
      : scheduleOfState({ ...card, repetitions: card.repetitions!, easiness: card.easiness!, intervalDays: card.intervalDays!, lapses: card.lapses!, dueAt: card.dueAt! });
  const today = cardToday(data.todayGrades.filter((g) => g.cardId === card.id));
  const algorithm = learnerAlgorithm(learner);
  const all = outcomes({ schedule, today }, { now, timeZone: learner.timeZone, rolloverHour: learner.rolloverHour }, algorithm);
  const labels = QUALITIES.map((q) => gradeLabel(all.grades[q]));
  return {
    id: card.id,
    key: card.key,
    topic: card.topic,
    kind: item.kind,
    ...cardText(card),
    version: card.version ?? 0,
    labels,
    algorithm: algorithm.name,
    typeIn: learner.typeAnswers ? await offersTypeIn(db, card.key) : false,
  };
}

async function nextDueAt(db: DbTx, learner: Learner, data: QueueData): Promise<string | null> {
  const [state, unseen] = await Promise.all([
    db.reviewState.findFirst({
      where: { userId: learner.id, dueAt: { gte: data.day.end }, card: { retiredAt: null } },
      orderBy: { dueAt: "asc" },
      select: { dueAt: true },
    }),
    learner.newPerDay > 0
      ? db.card.findFirst({ where: { retiredAt: null, reviewStates: { none: { userId: learner.id } } }, select: { id: true } })
      : null,
  ]);
  // Unseen cards become available when the next learner day starts.
  const candidates = [state?.dueAt, unseen ? data.day.end : undefined].filter((d): d is Date => !!d);
  if (!candidates.length) return null;
  return new Date(Math.min(...candidates.map((d) => d.getTime()))).toISOString();
}

/**
 * What the review screen shows at `now`, read from the database. The screen itself computes it in
 * the browser from the day pack (lib/core/srs/day-pack localSession); tests hold the two equal.
 */
export async function sessionView(db: DbTx, learner: Learner, now: Date): Promise<SessionView> {
  const q = await loadQueue(db, learner, now);
  const first = q.queue.items[0];
  const grades = q.todayGrades.filter((g) => g.origin === "review");
  const summary = sessionSummary(grades);
  return {
    card: first ? await cardView(db, learner, now, q, first) : null,
    left: q.queue.counts,
    today: summary,
    nextDueAt: first ? null : await nextDueAt(db, learner, q),
    undoLogId: grades.at(-1)?.id ?? null,
  };
}
