import type { DbTx } from "@/lib/db/client";
import { dayBounds, DAY_PACK_FORMAT, parseWeights, type DayPack, type PackState } from "@/lib/core/srs";
import { readLearnerAlgorithm } from "./algorithm";
import type { Learner } from "./learner";
import { readNewCardIds } from "./queue-reads";
import { cardText } from "./card-text";
import { readRowsSince, scheduleOfState } from "./schedule-store";
import { typeInOffers, type TypeInOffers } from "./type-in";

/**
 * What the browser needs to run the learner's review session on its own for today and tomorrow
 * (lib/core/srs/day-pack): the states due before the end of tomorrow, today's rows, the next new
 * cards, and the text of every card among them. Bounded by the deck and the learner's allowances.
 */

type StateSql = Parameters<typeof scheduleOfState>[0] & { cardId: string; version: number; introducedAt: Date };

function toPackState(r: StateSql): PackState {
  return { cardId: r.cardId, version: Number(r.version), introducedAt: r.introducedAt, schedule: scheduleOfState(r) };
}

async function readPackStates(db: DbTx, userId: string, horizon: Date, limit: number): Promise<PackState[]> {
  const rows = await db.$queryRaw<StateSql[]>`
    SELECT s."cardId", s."version", s."introducedAt", s."repetitions", s."easiness", s."intervalDays", s."lapses", s."dueAt", s."lastReviewedAt", s."stability", s."difficulty"
    FROM "ReviewState" s JOIN "Card" c ON c."id" = s."cardId"
    WHERE s."userId" = ${userId} AND s."dueAt" < ${horizon} AND c."retiredAt" IS NULL
    ORDER BY s."dueAt" ASC, s."cardId" ASC
    LIMIT ${limit}`;
  return rows.map(toPackState);
}

async function readStatesOf(db: DbTx, userId: string, cardIds: string[]): Promise<PackState[]> {
  if (!cardIds.length) return [];
  const rows = await db.reviewState.findMany({
    where: { userId, cardId: { in: cardIds } },
    select: { cardId: true, version: true, introducedAt: true, repetitions: true, easiness: true, intervalDays: true, lapses: true, dueAt: true, lastReviewedAt: true, stability: true, difficulty: true },
  });
  return rows.map(toPackState);
}

export async function loadDayPack(db: DbTx, sessionLearner: Learner, now: Date): Promise<DayPack> {
  const learner = await readLearnerAlgorithm(db, sessionLearner);
  const { timeZone, rolloverHour } = learner;
  const today = dayBounds(now, timeZone, rolloverHour);
  const horizon = dayBounds(today.end, timeZone, rolloverHour).end;
  const rows = await readRowsSince(db, learner.id, today.start);
  const touched = [...new Set(rows.map((r) => r.cardId))];
  // Two days of reviews, plus the cards answered today that are still due (as the server's queue reads).
  const due = await readPackStates(db, learner.id, horizon, 2 * Math.min(learner.maxReviewsPerDay, 100_000) + rows.length);
  const dueIds = new Set(due.map((s) => s.cardId));
  const states = [...due, ...(await readStatesOf(db, learner.id, touched.filter((id) => !dueIds.has(id))))];
  const newCardIds = await readNewCardIds(db, learner.id, 2 * learner.newPerDay);
  const later = await db.reviewState.findFirst({ where: { userId: learner.id, dueAt: { gte: horizon }, card: { retiredAt: null } }, orderBy: { dueAt: "asc" }, select: { dueAt: true } });
  return {
    format: DAY_PACK_FORMAT,
    userId: learner.id,
    builtAt: now,
    learner: {
      timeZone, rolloverHour, newPerDay: learner.newPerDay, maxReviewsPerDay: learner.maxReviewsPerDay,
      algorithm: learner.algorithm === "fsrs" ? "fsrs" : "sm2", desiredRetention: learner.desiredRetention, fsrsWeights: parseWeights(learner.fsrsWeights),
      createdAt: learner.createdAt ?? new Date(0), switchedAt: learner.switchedAt,
    },
    horizon,
    states,
    rows: rows.map((r) => ({ id: r.id, requestId: r.requestId, cardId: r.cardId, origin: r.origin, kind: r.kind, grade: r.grade, durationMs: r.durationMs, reviewedAt: r.reviewedAt, before: r.before, after: r.after })),
    newCardIds,
    laterDueAt: later?.dueAt ?? null,
  };
}

/**
 * A card's text as the review screen shows it, and, when the learner types its answer, the
 * component whose name it is (judged in the browser against `components` of the same reply).
 */
export type CardContent = { id: string; topic: string; typeIn: string | null } & ReturnType<typeof cardText>;

export interface CardContents {
  cards: CardContent[];
  /** Every component's names, once for all the cards (empty when none of them is typed). */
  components: TypeInOffers["components"];
}

export async function loadCardContents(db: DbTx, learner: Learner, ids: string[]): Promise<CardContents> {
  if (!ids.length) return { cards: [], components: [] };
  const cards = await db.card.findMany({
    where: { id: { in: ids } },
    select: { id: true, key: true, topic: true, frontZh: true, frontEn: true, backZh: true, backEn: true, noteZh: true, noteEn: true, source: true },
  });
  const typing = learner.typeAnswers ? await typeInOffers(db, cards.map((c) => c.key)) : { componentOf: new Map<string, string>(), components: [] };
  return {
    cards: cards.map((c) => ({ id: c.id, topic: c.topic, ...cardText(c), typeIn: typing.componentOf.get(c.key) ?? null })),
    components: typing.components,
  };
}
