/**
 * The Progress page's reads: aggregates computed by the database over indexed ranges, never
 * every log row loaded into JavaScript. Every query is scoped to one learner by `userId` (an
 * argument, never user input). See ./sql.ts for how learner days become SQL.
 */
import type { DbTx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Topic } from "@/lib/core/deck/types";
import { chunkRange, type BucketRange } from "@/lib/core/stats/ranges";
import type { BucketKindCount } from "@/lib/core/stats/daily";
import { MATURE_DAYS, PASS_GRADE, type RetentionRow } from "@/lib/core/stats/retention";
import type { BucketCount } from "@/lib/core/stats/forecast";
import { stateCounts, type StateCounts } from "@/lib/core/stats/states";
import { EASINESS_BINS, histogram, type Bin } from "@/lib/core/stats/histogram";
import { MAX_BUCKETS_PER_QUERY, perBucket, toNumber, within } from "./sql";

export const TOPICS = ["components", "networking", "cni", "pod-network", "overview"] as const satisfies readonly Topic[];

const REVIEWED_AT = Prisma.sql`"reviewedAt"`;

export interface TodaySummary {
  /** Grades given on the review screen today (drills included), not undone. */
  reviewed: number;
  /** Cards seen for the first time today. */
  newIntroduced: number;
  /** Time spent on those grades. */
  timeMs: number;
}

/** Today's review-screen grades by kind, with their time: one grouped aggregate over today's index range. */
export async function todaySummary(db: DbTx, userId: string, day: { start: Date; end: Date }): Promise<TodaySummary> {
  const rows = await db.reviewLog.groupBy({
    by: ["kind"],
    where: { userId, origin: "review", undoneAt: null, reviewedAt: { gte: day.start, lt: day.end } },
    _count: { _all: true },
    _sum: { durationMs: true },
  });
  let reviewed = 0;
  let newIntroduced = 0;
  let timeMs = 0;
  for (const r of rows) {
    reviewed += r._count._all;
    timeMs += r._sum.durationMs ?? 0;
    if (r.kind === "new") newIntroduced += r._count._all;
  }
  return { reviewed, newIntroduced, timeMs };
}

/** SQL: non-undone log rows per (bucket, kind) within the boundaries (exported for EXPLAIN in the benchmark). */
export function sqlDailyByKind(userId: string, b: readonly Date[]): Prisma.Sql {
  return perBucket(
    b,
    (bucket, start, end) => Prisma.sql`
      SELECT ${bucket} AS bucket, "kind" AS kind, COUNT(*) AS n FROM "ReviewLog"
      WHERE "userId" = ${userId} ${within(REVIEWED_AT, start, end)} AND "undoneAt" IS NULL
      GROUP BY "kind"`,
  );
}

/** Non-undone log rows per (learner day, kind) over the range; quiz-triggered rows included. */
export async function dailyByKind(db: DbTx, userId: string, range: BucketRange): Promise<BucketKindCount[]> {
  const out: BucketKindCount[] = [];
  let offset = 0;
  for (const chunk of chunkRange(range, MAX_BUCKETS_PER_QUERY)) {
    const rows = await db.$queryRaw<{ bucket: unknown; kind: string; n: unknown }[]>(sqlDailyByKind(userId, chunk.boundaries));
    for (const r of rows) out.push({ bucket: offset + toNumber(r.bucket), kind: r.kind, count: toNumber(r.n) });
    offset += chunk.keys.length;
  }
  return out.sort((a, b) => a.bucket - b.bucket || (a.kind < b.kind ? -1 : 1));
}

/** SQL: review-screen grades (not undone) per bucket, one count each (exported for EXPLAIN in the benchmark). */
export function sqlStudiedPerDay(userId: string, b: readonly Date[]): Prisma.Sql {
  // The equality columns first, as in the (userId, origin, undoneAt, reviewedAt) index: each bucket
  // is then counted inside that index alone, never reading a log row.
  return perBucket(
    b,
    (bucket, start, end) => Prisma.sql`
      SELECT ${bucket} AS bucket, COUNT(*) AS n FROM "ReviewLog"
      WHERE "userId" = ${userId} AND "origin" = 'review' AND "undoneAt" IS NULL ${within(REVIEWED_AT, start, end)}`,
  );
}

/**
 * Review-screen grades (not undone) per learner day: what the year's calendar and the streaks are
 * made of. Cheaper than dailyByKind for a year: no grouping, and an index covers it.
 */
export async function studiedPerDay(db: DbTx, userId: string, range: BucketRange): Promise<BucketCount[]> {
  const out: BucketCount[] = [];
  let offset = 0;
  for (const chunk of chunkRange(range, MAX_BUCKETS_PER_QUERY)) {
    const rows = await db.$queryRaw<{ bucket: unknown; n: unknown }[]>(sqlStudiedPerDay(userId, chunk.boundaries));
    for (const r of rows) {
      const count = toNumber(r.n);
      if (count > 0) out.push({ bucket: offset + toNumber(r.bucket), count });
    }
    offset += chunk.keys.length;
  }
  return out.sort((a, b) => a.bucket - b.bucket);
}

/** SQL: the buckets holding at least one review-screen grade (not undone); each probe stops at the first row. */
export function sqlActiveDays(userId: string, b: readonly Date[]): Prisma.Sql {
  return perBucket(
    b,
    (bucket, start, end) => Prisma.sql`
      SELECT ${bucket} AS bucket WHERE EXISTS (
        SELECT 1 FROM "ReviewLog"
        WHERE "userId" = ${userId} ${within(REVIEWED_AT, start, end)} AND "origin" = 'review' AND "undoneAt" IS NULL)`,
  );
}

/** Day keys of the range with at least one review-screen grade (not undone): what streaks are made of. */
export async function activeDays(db: DbTx, userId: string, range: BucketRange): Promise<string[]> {
  const keys: string[] = [];
  for (const chunk of chunkRange(range, MAX_BUCKETS_PER_QUERY)) {
    const rows = await db.$queryRaw<{ bucket: unknown }[]>(sqlActiveDays(userId, chunk.boundaries));
    for (const r of rows) keys.push(chunk.keys[toNumber(r.bucket)]);
  }
  return keys.sort();
}

/**
 * The learner's first review-screen grade (not undone), or null. The first row in index order,
 * not MIN() with filters, which would visit every row of the learner.
 */
export async function firstReviewAt(db: DbTx, userId: string): Promise<Date | null> {
  const r = await db.reviewLog.findFirst({
    where: { userId, origin: "review", undoneAt: null },
    orderBy: { reviewedAt: "asc" },
    select: { reviewedAt: true },
  });
  return r?.reviewedAt ?? null;
}

/** SQL: reviews (kind "review") per bucket and young/mature, with how many passed. */
export function sqlRetention(userId: string, b: readonly Date[]): Prisma.Sql {
  // Literal thresholds (constants, not parameters): PostgreSQL matches the GROUP BY expression to
  // the selected one only when they are identical, and $1 and $2 would not be.
  const mature = Prisma.sql`CASE WHEN "intervalBefore" >= ${Prisma.raw(String(MATURE_DAYS))} THEN 1 ELSE 0 END`;
  return perBucket(
    b,
    (bucket, start, end) => Prisma.sql`
      SELECT ${bucket} AS bucket, ${mature} AS mature, SUM(CASE WHEN "grade" >= ${Prisma.raw(String(PASS_GRADE))} THEN 1 ELSE 0 END) AS passed, COUNT(*) AS total
      FROM "ReviewLog"
      WHERE "userId" = ${userId} ${within(REVIEWED_AT, start, end)} AND "undoneAt" IS NULL AND "kind" = 'review'
      GROUP BY ${mature}`,
  );
}

/** Reviews (kind "review" only) per bucket, split young/mature by the interval before, with how many passed. */
export async function retentionByBucket(db: DbTx, userId: string, range: BucketRange): Promise<RetentionRow[]> {
  const rows = await db.$queryRaw<{ bucket: unknown; mature: unknown; passed: unknown; total: unknown }[]>(sqlRetention(userId, range.boundaries));
  return rows
    .map((r) => ({ bucket: toNumber(r.bucket), mature: toNumber(r.mature) === 1, passed: toNumber(r.passed), total: toNumber(r.total) }))
    .filter((r) => r.total > 0)
    .sort((x, y) => x.bucket - y.bucket || Number(x.mature) - Number(y.mature));
}

/** SQL: active cards due per bucket; anything before the first boundary counts for bucket 0. */
export function sqlDue(userId: string, b: readonly Date[]): Prisma.Sql {
  return perBucket(
    b,
    (bucket, start, end) => Prisma.sql`
      SELECT ${bucket} AS bucket, COUNT(*) AS n
      FROM "ReviewState" s JOIN "Card" c ON c."id" = s."cardId"
      WHERE s."userId" = ${userId} ${within(Prisma.sql`s."dueAt"`, start, end)} AND c."retiredAt" IS NULL`,
    true,
  );
}

/** Active cards due per learner day of the range; anything overdue counts for the first day. */
export async function dueByBucket(db: DbTx, userId: string, range: BucketRange): Promise<BucketCount[]> {
  const rows = await db.$queryRaw<{ bucket: unknown; n: unknown }[]>(sqlDue(userId, range.boundaries));
  return rows
    .map((r) => ({ bucket: toNumber(r.bucket), count: toNumber(r.n) }))
    .filter((r) => r.count > 0)
    .sort((x, y) => x.bucket - y.bucket);
}

/** Card states from three small aggregates (groups by repetitions and interval are few). */
export async function cardStates(db: DbTx, userId: string): Promise<StateCounts> {
  const [activeCards, groups, retiredStudied] = await Promise.all([
    db.card.count({ where: { retiredAt: null } }),
    db.reviewState.groupBy({ by: ["repetitions", "intervalDays"], where: { userId, card: { retiredAt: null } }, _count: { _all: true } }),
    db.reviewState.count({ where: { userId, card: { retiredAt: { not: null } } } }),
  ]);
  return stateCounts({
    activeCards,
    activeStates: groups.map((g) => ({ repetitions: g.repetitions, intervalDays: g.intervalDays, count: g._count._all })),
    retiredStudied,
  });
}

/** Easiness of the learner's active cards, grouped by value in the database, binned here. */
export async function easinessHistogram(db: DbTx, userId: string): Promise<Bin[]> {
  const groups = await db.reviewState.groupBy({ by: ["easiness"], where: { userId, card: { retiredAt: null } }, _count: { _all: true } });
  return histogram(groups.map((g) => ({ value: g.easiness, count: g._count._all })), EASINESS_BINS);
}

export interface TopicMastery {
  topic: Topic;
  /** Active cards of the topic. */
  cards: number;
  /** Of those, mature for this learner. */
  mature: number;
  /** Quiz questions on the topic answered since `since` (the learner's attempts only). */
  quiz: { answered: number; correct: number };
}

export async function topicMastery(db: DbTx, userId: string, since: Date): Promise<TopicMastery[]> {
  const [cards, mature, answers] = await Promise.all([
    db.card.groupBy({ by: ["topic"], where: { retiredAt: null }, _count: { _all: true } }),
    db.card.groupBy({
      by: ["topic"],
      where: { retiredAt: null, reviewStates: { some: { userId, repetitions: { gte: 2 }, intervalDays: { gte: MATURE_DAYS } } } },
      _count: { _all: true },
    }),
    db.quizQuestion.groupBy({
      by: ["topic", "correct"],
      where: { attempt: { userId }, answeredAt: { gte: since } },
      _count: { _all: true },
    }),
  ]);
  const total = new Map(cards.map((r) => [r.topic, r._count._all]));
  const ripe = new Map(mature.map((r) => [r.topic, r._count._all]));
  return TOPICS.map((topic) => {
    const mine = answers.filter((a) => a.topic === topic);
    return {
      topic,
      cards: total.get(topic) ?? 0,
      mature: ripe.get(topic) ?? 0,
      quiz: {
        answered: mine.reduce((s, a) => s + a._count._all, 0),
        correct: mine.filter((a) => a.correct === true).reduce((s, a) => s + a._count._all, 0),
      },
    };
  });
}

export interface QuizPoint {
  id: string;
  topic: string;
  finishedAt: Date;
  score: number;
  length: number;
  retry: boolean;
}

/** The learner's latest finished attempts, oldest first (bounded: the (userId, createdAt) index, newest `take`). */
export async function quizHistory(db: DbTx, userId: string, take = 50): Promise<QuizPoint[]> {
  const rows = await db.quizAttempt.findMany({
    where: { userId, finishedAt: { not: null } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: { id: true, topic: true, finishedAt: true, score: true, length: true, retryOfId: true },
  });
  return rows
    .map((r) => ({ id: r.id, topic: r.topic, finishedAt: r.finishedAt!, score: r.score ?? 0, length: r.length, retry: r.retryOfId !== null }))
    .sort((a, b) => a.finishedAt.getTime() - b.finishedAt.getTime() || (a.id < b.id ? -1 : 1));
}

export interface HardCard {
  id: string;
  key: string;
  topic: string;
  front: { en: string; zh: string };
  easiness: number;
  lapses: number;
  repetitions: number;
}

/** Active cards with the lowest easiness, then the most lapses (only cards that were ever hard). */
export async function hardestCards(db: DbTx, userId: string, take = 10): Promise<HardCard[]> {
  const rows = await db.reviewState.findMany({
    where: { userId, card: { retiredAt: null }, OR: [{ easiness: { lt: 2.5 } }, { lapses: { gt: 0 } }] },
    orderBy: [{ easiness: "asc" }, { lapses: "desc" }, { cardId: "asc" }],
    take,
    select: { easiness: true, lapses: true, repetitions: true, card: { select: { id: true, key: true, topic: true, frontEn: true, frontZh: true } } },
  });
  return rows.map((r) => ({
    id: r.card.id,
    key: r.card.key,
    topic: r.card.topic,
    front: { en: r.card.frontEn, zh: r.card.frontZh },
    easiness: r.easiness,
    lapses: r.lapses,
    repetitions: r.repetitions,
  }));
}
