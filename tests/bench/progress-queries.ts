/**
 * Times the Progress page's queries on a big history:
 *
 *   npx tsx tests/bench/progress-queries.ts [logs=100000]
 *
 * (KEEP_DB=1 keeps the database file for a closer look.)
 *
 * A temporary SQLite database (the committed migrations, the real deck) gets 100,000 review-log
 * rows over two years for one learner (America/Los_Angeles) plus matching states, quiz attempts,
 * and as many rows again for four other learners (./big-history.ts, also used by `npm run bench`
 * for GET /progress on the same history). Each query
 * runs once to warm up, then RUNS times; the table shows the median (and min/max) in ms, then
 * SQLite's plan for the raw queries (to see the (userId, reviewedAt) / (userId, dueAt) indexes used).
 */
import Database from "better-sqlite3";
import { rmSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { configureSqlite, createDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { reviewHistoryCsv } from "@/lib/progress/export";
import { loadProgress } from "@/lib/progress/load";
import { computeSchedulePrediction, loadSchedulePrediction } from "@/lib/progress/prediction";
import {
  activeDays, cardStates, dailyByKind, dueByBucket, easinessHistogram, firstReviewAt, hardestCards, quizHistory, retentionByBucket,
  sqlActiveDays, sqlDailyByKind, sqlDue, sqlRetention, studiedPerDay, todaySummary, topicMastery,
} from "@/lib/progress/queries";
import type { Learner } from "@/lib/reviews/learner";
import { loadQueue } from "@/lib/reviews/queue-data";
import { addLocalDays, dayBounds, dayStart, localDayKey } from "@/lib/core/srs/days";
import { calendarDayCount } from "@/lib/core/stats/calendar";
import { daysBetween, lastDays, lastWeeks, nextDays } from "@/lib/core/stats/ranges";
import { seedDeck } from "../helpers/deck";
import { writeBigHistory } from "./big-history";
import { freshDatabaseFile } from "../helpers/test-db";

const LOGS = Number(process.argv[2] ?? 100_000);
const OTHERS = 4;
const RUNS = 7;
const TZ = "America/Los_Angeles";
const NOW = new Date("2026-03-09T18:00:00Z");
const SPAN_DAYS = 730;

function fill(file: string, userIds: string[], cards: { id: string; topic: string }[]) {
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  userIds.forEach((userId, i) => writeBigHistory(sqlite, userId, cards, { logs: LOGS, now: NOW.getTime(), spanDays: SPAN_DAYS, seed: 7 + i }));
  sqlite.close();
}

async function time(fn: () => Promise<unknown>): Promise<{ median: number; min: number; max: number }> {
  await fn();
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return { median: ms[Math.floor(ms.length / 2)], min: ms[0], max: ms[ms.length - 1] };
}

async function main() {
  const file = freshDatabaseFile("bench-progress");
  const db = createDb(`file:${file}`);
  try {
    await configureSqlite(db);
    await seedDeck(db);
    const cards = await db.card.findMany({ where: { retiredAt: null }, select: { id: true, topic: true } });
    const users = await Promise.all(
      Array.from({ length: OTHERS + 1 }, (_, i) => db.user.create({ data: { email: `bench-${i}@example.com`, name: `Bench ${i}`, passwordHash: "x", timeZone: TZ } })),
    );
    const t0 = performance.now();
    fill(file, users.map((u) => u.id), cards);
    console.log(`seeded ${LOGS.toLocaleString("en")} logs × ${users.length} learners in ${((performance.now() - t0) / 1000).toFixed(1)} s (${file})\n`);

    const me: Learner = { id: users[0].id, timeZone: TZ, rolloverHour: 4, newPerDay: 20, maxReviewsPerDay: 200 };
    const today = dayBounds(NOW, TZ, 4);
    const year = lastDays(NOW, calendarDayCount(today.key), TZ, 4);
    const weeks = lastWeeks(NOW, 12, TZ, 4);
    const ahead = nextDays(NOW, 30, TZ, 4);
    const first = (await firstReviewAt(db, me.id))!;
    const older = daysBetween(localDayKey(first, TZ, 4), addLocalDays(year.keys[0], -1), TZ, 4);
    const since = dayStart(addLocalDays(today.key, -29), TZ, 4);

    const cases: [string, () => Promise<unknown>][] = [
      ["today: groupBy kind over today's range", () => todaySummary(db, me.id, today)],
      ["what's left: loadQueue", () => loadQueue(db, me, NOW)],
      [`reviews per day by kind, ${year.keys.length} days`, () => dailyByKind(db, me.id, year)],
      ["first review: first row in index order", () => firstReviewAt(db, me.id)],
      [`streak days older than the year, ${older.keys.length} days`, () => activeDays(db, me.id, older)],
      ["retention, 12 weeks", () => retentionByBucket(db, me.id, weeks)],
      ["forecast, 30 days", () => dueByBucket(db, me.id, ahead)],
      ["card states: count + groupBy", () => cardStates(db, me.id)],
      ["easiness: groupBy value", () => easinessHistogram(db, me.id)],
      ["mastery + quiz accuracy, 30 days", () => topicMastery(db, me.id, since)],
      ["quiz history, last 50", () => quizHistory(db, me.id)],
      ["hardest cards, top 10", () => hardestCards(db, me.id)],
      [`calendar year per day (computed on a first visit only), ${year.keys.length} days`, () => studiedPerDay(db, me.id, year)],
      ["schedule prediction, computed (first visit after a grade)", () => computeSchedulePrediction(db, me)],
      // A revisit: the year's counts, streak days and the prediction are remembered (lib/progress/history-cache).
      ["whole page: loadProgress(range 30), revisit", () => loadProgress(db, me, NOW, 30)],
      ["whole page: loadProgress(range 365), revisit", () => loadProgress(db, me, NOW, 365)],
      ["schedule prediction, revisit", () => loadSchedulePrediction(db, me)],
      [`CSV export, all ${LOGS.toLocaleString("en")} rows (batches of 2000)`, async () => {
        let bytes = 0;
        for await (const chunk of reviewHistoryCsv(db, me.id)) bytes += chunk.length;
        return bytes;
      }],
    ];
    console.log(`| query | median ms | min | max |\n| --- | ---: | ---: | ---: |`);
    for (const [name, fn] of cases) {
      const r = await time(fn);
      console.log(`| ${name} | ${r.median.toFixed(1)} | ${r.min.toFixed(1)} | ${r.max.toFixed(1)} |`);
    }

    console.log("\nSQLite query plans of the raw queries:");
    for (const [name, sql] of [
      ["reviews per day", sqlDailyByKind(me.id, year.boundaries)],
      ["streak days", sqlActiveDays(me.id, older.boundaries.slice(0, 401))],
      ["retention", sqlRetention(me.id, weeks.boundaries)],
      ["forecast", sqlDue(me.id, ahead.boundaries)],
    ] as const) {
      const plan = await db.$queryRaw<{ detail: string }[]>(Prisma.sql`EXPLAIN QUERY PLAN ${sql}`);
      // One line per distinct step (the per-bucket SELECTs repeat the same plan).
      const steps = new Map<string, number>();
      for (const p of plan) if (!/^(COMPOUND QUERY|LEFT-MOST SUBQUERY|UNION ALL)$/.test(p.detail)) steps.set(p.detail, (steps.get(p.detail) ?? 0) + 1);
      console.log(`- ${name}: ${[...steps].map(([detail, n]) => `${n} × ${detail}`).join("; ")}`);
    }
  } finally {
    await db.$disconnect();
    if (!process.env.KEEP_DB) for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
  }
}

await main();
