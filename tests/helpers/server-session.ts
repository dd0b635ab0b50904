import type { DbTx } from "@/lib/db/client";
import type { Localized, SourceRef } from "@/lib/core/deck/types";
import { cardToday, gradeLabel, outcomes, QUALITIES, sessionSummary, type AlgorithmName, type GradeLabel, type QueueItemKind, type Schedule } from "@/lib/core/srs";
import type { Learner } from "@/lib/reviews/learner";
import { loadQueue, type QueueData } from "@/lib/reviews/queue-data";
import { learnerAlgorithm } from "@/lib/reviews/algorithm";
import { typeInOffers } from "@/lib/reviews/type-in";
import { cardText, type CardTextRow } from "@/lib/reviews/card-text";
import { scheduleOfState } from "@/lib/reviews/schedule-store";

/**
 * The review screen as the server would show it at a moment, read from the database with the
 * server's queue (lib/reviews/queue-data, which Home and the deck pages also count by). The app's
 * screen computes the same in the browser from the day pack (lib/core/srs/day-pack localSession);
 * tests hold the two equal, so this is their reference, not a second screen.
 */

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

interface CardWithState extends CardTextRow {
  id: string;
  key: string;
  topic: string;
  /** The learner's state of the card; null fields when it is new to them. */
  repetitions: number | null;
  easiness: number | null;
  intervalDays: number | null;
  lapses: number | null;
  dueAt: Date | null;
  lastReviewedAt: Date | null;
  stability: number | null;
  difficulty: number | null;
  version: number | null;
}

/** A card's content and this learner's state of it, in one statement. */
async function readCardWithState(db: DbTx, userId: string, cardId: string): Promise<CardWithState | null> {
  const [row] = await db.$queryRaw<CardWithState[]>`
    SELECT c."id", c."key", c."topic", c."frontZh", c."frontEn", c."backZh", c."backEn", c."noteZh", c."noteEn", c."source",
           s."repetitions", s."easiness", s."intervalDays", s."lapses", s."dueAt", s."lastReviewedAt", s."stability", s."difficulty", s."version"
    FROM "Card" c LEFT JOIN "ReviewState" s ON s."cardId" = c."id" AND s."userId" = ${userId}
    WHERE c."id" = ${cardId}`;
  if (!row) return null;
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return { ...row, repetitions: num(row.repetitions), easiness: num(row.easiness), intervalDays: num(row.intervalDays), lapses: num(row.lapses), stability: num(row.stability), difficulty: num(row.difficulty), version: num(row.version) };
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
    typeIn: !!learner.typeAnswers && (await typeInOffers(db, [card.key])).componentOf.has(card.key),
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

/** What the review screen shows at `now`, read from the database. */
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
