import Database from "better-sqlite3";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { readyDb, type Db } from "@/lib/db/client";
import type { Learner } from "@/lib/reviews/learner";
import { reviewHistoryCsv, REVIEW_CSV_COLUMNS } from "@/lib/progress/export";
import { loadProgress } from "@/lib/progress/load";
import { loadQueue } from "@/lib/reviews/queue-data";
import { activeDays, dailyByKind, dueByBucket, retentionByBucket } from "@/lib/progress/queries";
import { localDayKey } from "@/lib/core/srs/days";
import { csvCell } from "@/lib/core/stats/csv";
import { countByBucket } from "@/lib/core/stats/daily";
import { forecastRows } from "@/lib/core/stats/forecast";
import { daysBetween, lastDays, lastWeeks, nextDays } from "@/lib/core/stats/ranges";
import { retentionRows } from "@/lib/core/stats/retention";
import { seedDeck } from "../helpers/deck";
import { makeUser } from "../helpers/users";
import { testDbProvider } from "../helpers/test-db";

let db: Db;
const d = (iso: string) => new Date(iso);
const LA = "America/Los_Angeles";
const SHA = "Asia/Shanghai";
// Monday 2026-03-09, 11:00 PDT: the day after the spring switch.
const NOW = d("2026-03-09T18:00:00Z");

type CardRef = { id: string; key: string; topic: string };
let byTopic: Record<string, CardRef[]>;

beforeAll(async () => {
  db = await readyDb();
  await seedDeck(db);
  const cards = await db.card.findMany({ where: { retiredAt: null }, orderBy: { position: "asc" }, select: { id: true, key: true, topic: true } });
  byTopic = {};
  for (const c of cards) (byTopic[c.topic] ??= []).push(c);
});

async function learner(timeZone: string): Promise<Learner> {
  const u = await makeUser(db, { timeZone });
  return { id: u.id, timeZone, rolloverHour: u.rolloverHour, newPerDay: u.newPerDay, maxReviewsPerDay: u.maxReviewsPerDay };
}

interface LogSpec {
  at: string;
  kind: "review" | "new" | "drill" | "quiz";
  grade?: number;
  ib?: number;
  ms?: number;
  undone?: boolean;
  card?: CardRef;
}

function logRow(userId: string, s: LogSpec, fallback: CardRef) {
  const at = d(s.at);
  return {
    userId,
    cardId: (s.card ?? fallback).id,
    grade: s.grade ?? (s.kind === "quiz" ? 0 : 4),
    origin: s.kind === "quiz" ? "quiz" : "review",
    kind: s.kind,
    repsBefore: 2,
    easeBefore: 2.5,
    intervalBefore: s.ib ?? 0,
    dueBefore: s.kind === "new" ? null : at,
    lapsesBefore: 0,
    repsAfter: 3,
    easeAfter: 2.5,
    intervalAfter: (s.ib ?? 0) + 1,
    dueAfter: new Date(at.getTime() + 86_400_000),
    lapsesAfter: 0,
    reviewedAt: at,
    durationMs: s.ms ?? 1000,
    requestId: randomUUID(),
    undoneAt: s.undone ? new Date(at.getTime() + 1000) : null,
  };
}

async function insertLogs(userId: string, specs: LogSpec[], fallback: CardRef) {
  await db.reviewLog.createMany({ data: specs.map((s) => logRow(userId, s, fallback)) });
}

async function quizAttempt(userId: string, a: { topic: string; at: string; finished: boolean; answers: Array<{ topic: string; correct: boolean | null }> }) {
  const at = d(a.at);
  const answered = a.answers.filter((x) => x.correct !== null);
  return db.quizAttempt.create({
    data: {
      userId,
      topic: a.topic,
      length: a.answers.length,
      seed: 1,
      createdAt: at,
      finishedAt: a.finished ? new Date(at.getTime() + 300_000) : null,
      score: a.finished ? answered.filter((x) => x.correct).length : null,
      questions: {
        create: a.answers.map((x, position) => ({
          position, kind: "k", topic: x.topic, prompt: "{}", answer: "{}", explanation: "{}", cardKeys: "[]",
          correct: x.correct, answeredAt: x.correct === null ? null : new Date(at.getTime() + 10_000 * (position + 1)),
        })),
      },
    },
  });
}

/** The LA learner's history, across the 2026-03-08 switch (comments give the local time and learner day). */
const LA_LOGS: LogSpec[] = [
  { at: "2026-03-06T20:00:00Z", kind: "review", grade: 4, ib: 3 }, // Fri 12:00 PST → 03-06
  { at: "2026-03-07T09:30:00Z", kind: "review", grade: 2, ib: 25 }, // Sat 01:30 PST → 03-06 (before the rollover)
  { at: "2026-03-07T12:00:00Z", kind: "new", grade: 5 }, // Sat 04:00 PST → 03-07
  { at: "2026-03-08T09:00:00Z", kind: "quiz" }, // Sun 01:00 PST → 03-07
  { at: "2026-03-08T10:30:00Z", kind: "review", grade: 3, ib: 10 }, // Sun 03:30 PDT, after the jump → 03-07 (a 23-hour day)
  { at: "2026-03-08T11:00:00Z", kind: "review", grade: 5, ib: 30 }, // Sun 04:00 PDT → 03-08
  { at: "2026-03-09T08:30:00Z", kind: "drill", grade: 4 }, // Mon 01:30 PDT → 03-08
  { at: "2026-03-09T16:00:00Z", kind: "new", grade: 4, ms: 7000 }, // today
  { at: "2026-03-09T16:05:00Z", kind: "review", grade: 1, ib: 2, ms: 8000 }, // today
  { at: "2026-03-09T16:06:00Z", kind: "review", grade: 5, ib: 40, ms: 9000, undone: true }, // today, undone: nowhere
  { at: "2026-03-09T16:10:00Z", kind: "drill", grade: 5, ms: 3000 }, // today
  { at: "2026-03-09T17:00:00Z", kind: "quiz" }, // today, quiz-triggered: not "reviewed"
  // An old run of five days, older than the year the charts cover: only the longest streak sees it.
  ...[1, 2, 3, 4, 5].map((n) => ({ at: `2024-12-0${n}T20:00:00Z`, kind: "review" as const, grade: 4, ib: 5 })),
];

async function seedLosAngeles(me: Learner) {
  const [netA, netB] = byTopic.networking;
  const [compC, compD] = byTopic.components;
  const [cniE] = byTopic.cni;
  await insertLogs(me.id, LA_LOGS, compC);
  const state = (card: CardRef, s: { reps: number; interval: number; due: string; ease: number; lapses: number }) => ({
    userId: me.id, cardId: card.id, repetitions: s.reps, intervalDays: s.interval, dueAt: d(s.due), easiness: s.ease, lapses: s.lapses,
    lastReviewedAt: d("2026-03-08T11:00:00Z"), introducedAt: d("2026-02-01T00:00:00Z"), version: 1,
  });
  await db.reviewState.createMany({
    data: [
      state(netA, { reps: 0, interval: 1, due: "2026-03-01T00:00:00Z", ease: 1.7, lapses: 2 }), // learning, overdue → due today
      state(netB, { reps: 3, interval: 10, due: "2026-03-10T10:59:00Z", ease: 2.36, lapses: 0 }), // young, 03:59 PDT tomorrow: still today's learner day
      state(compC, { reps: 3, interval: 25, due: "2026-03-10T11:00:00Z", ease: 2.5, lapses: 0 }), // mature, tomorrow
      state(compD, { reps: 5, interval: 40, due: "2026-04-20T11:00:00Z", ease: 2.9, lapses: 1 }), // mature, beyond 30 days
      state(cniE, { reps: 2, interval: 6, due: "2026-03-15T11:00:00Z", ease: 1.3, lapses: 3 }), // young, in six days
    ],
  });
  await quizAttempt(me.id, { topic: "mixed", at: "2026-01-01T18:00:00Z", finished: true, answers: [{ topic: "components", correct: true }, { topic: "cni", correct: false }] });
  await quizAttempt(me.id, {
    topic: "pod-network", at: "2026-03-05T18:00:00Z", finished: true,
    answers: [{ topic: "pod-network", correct: true }, { topic: "pod-network", correct: true }, { topic: "pod-network", correct: false }],
  });
  await quizAttempt(me.id, { topic: "cni", at: "2026-03-09T17:10:00Z", finished: false, answers: [{ topic: "cni", correct: true }, { topic: "cni", correct: null }] });
  return { netA, netB, compC, compD, cniE };
}

/** Another learner with a lot of everything, on the same cards and days. */
async function seedNoisyOther() {
  const other = await learner(LA);
  const cards = Object.values(byTopic).flat();
  const specs: LogSpec[] = [];
  const kinds = ["review", "new", "drill", "quiz"] as const;
  for (let i = 0; i < 3000; i++) {
    const at = new Date(d("2024-06-01T00:00:00Z").getTime() + i * 18_000_000 + 17_000);
    specs.push({ at: at.toISOString(), kind: kinds[i % 4], grade: i % 6, ib: (i * 7) % 60, ms: 1234, card: cards[i % cards.length], undone: i % 50 === 0 });
  }
  // And a burst on the very days the first learner was busy.
  for (let i = 0; i < 200; i++) specs.push({ at: new Date(d("2026-03-06T00:00:00Z").getTime() + i * 1_900_000).toISOString(), kind: "review", grade: 5, ib: 30, card: cards[i % cards.length] });
  await insertLogs(other.id, specs, cards[0]);
  await db.reviewState.createMany({
    data: cards.map((c, i) => ({
      userId: other.id, cardId: c.id, repetitions: 5, intervalDays: 30 + i, dueAt: new Date(NOW.getTime() + (i % 20) * 86_400_000 - 7_200_000),
      easiness: 1.3 + (i % 10) / 10, lapses: i % 4, lastReviewedAt: NOW, introducedAt: d("2025-01-01T00:00:00Z"),
    })),
  });
  for (const topic of ["components", "networking", "cni", "pod-network", "overview", "mixed"]) {
    await quizAttempt(other.id, { topic, at: "2026-03-08T18:00:00Z", finished: true, answers: Array.from({ length: 10 }, (_, i) => ({ topic: topic === "mixed" ? "cni" : topic, correct: i % 3 !== 0 })) });
  }
  return other;
}

async function csvText(userId: string, batch?: number): Promise<string> {
  let out = "";
  for await (const chunk of reviewHistoryCsv(db, userId, batch)) out += chunk;
  return out;
}

describe("how the database stores instants (what the raw SQL relies on)", () => {
  const pg = testDbProvider() === "postgresql";
  // SQLite only: reads the file itself. PostgreSQL's twin is below.
  it.skipIf(pg)("keeps DateTime as fixed-width ISO-8601 text in UTC, so text comparison is time order", async () => {
    const me = await learner("UTC");
    await insertLogs(me.id, [{ at: "2026-03-08T10:00:00Z", kind: "review" }], byTopic.components[0]);
    const sqlite = new Database(process.env.DATABASE_URL!.slice("file:".length), { readonly: true });
    const row = sqlite.prepare("select reviewedAt, typeof(reviewedAt) t from ReviewLog where userId = ?").get(me.id) as { reviewedAt: string; t: string };
    sqlite.close();
    expect(row).toEqual({ reviewedAt: "2026-03-08T10:00:00.000+00:00", t: "text" });
  });

  it.runIf(pg)("keeps DateTime as timestamp(3) holding UTC whatever the server's time zone, so comparisons are time order", async () => {
    const me = await learner("UTC");
    await insertLogs(me.id, [{ at: "2026-03-08T10:00:00Z", kind: "review" }], byTopic.components[0]);
    const [row] = await db.$queryRaw<{ t: string; text: string }[]>`
      select format_type(a.atttypid, a.atttypmod) t, (select "reviewedAt"::text from "ReviewLog" where "userId" = ${me.id}) text
      from pg_attribute a where a.attrelid = '"ReviewLog"'::regclass and a.attname = 'reviewedAt'`;
    expect(row).toEqual({ t: "timestamp(3) without time zone", text: "2026-03-08 10:00:00" });
  });
});

describe("Progress for a learner in America/Los_Angeles across the 2026-03-08 switch", () => {
  let me: Learner;
  let cards: Awaited<ReturnType<typeof seedLosAngeles>>;
  let before: Awaited<ReturnType<typeof loadProgress>>;

  beforeAll(async () => {
    me = await learner(LA);
    cards = await seedLosAngeles(me);
    before = await loadProgress(db, me, NOW, 30);
  });

  it("counts today's reviews, new cards and time by the learner's day; undone and quiz rows are left out", async () => {
    expect(before.todayKey).toBe("2026-03-09");
    expect(before.today).toMatchObject({ reviewed: 3, newIntroduced: 1, timeMs: 18_000 });
    // What is left comes from the review queue: two states due today (one overdue, one due at 03:59
    // tomorrow morning, still today's learner day), and the day's new cards.
    const { queue } = await loadQueue(db, me, NOW);
    expect(before.today.left).toEqual({ ...queue.counts, total: queue.counts.review + queue.counts.new + queue.counts.drill });
    expect(before.today.left.review).toBe(2);
    expect(before.empty).toBe(false);
  });

  it("buckets reviews per learner day, the 23-hour day included, stacked by kind", () => {
    expect(before.days).toHaveLength(30);
    expect(before.days.slice(-4)).toEqual([
      { key: "2026-03-06", review: 2, new: 0, drill: 0, quiz: 0, total: 2, studied: 2 },
      { key: "2026-03-07", review: 1, new: 1, drill: 0, quiz: 1, total: 3, studied: 2 },
      { key: "2026-03-08", review: 1, new: 0, drill: 1, quiz: 0, total: 2, studied: 2 },
      { key: "2026-03-09", review: 1, new: 1, drill: 1, quiz: 1, total: 4, studied: 3 },
    ]);
    expect(before.days.slice(0, -4).every((x) => x.total === 0)).toBe(true);
    // The summary counts reviews (as the Today tile and the calendar do); quiz misses apart.
    expect(before.daysSummary).toMatchObject({ total: 9, activeDays: 4, busiest: { key: "2026-03-09", count: 3 }, quizMisses: 2 });
  });

  it("agrees with the in-memory twins of each query (bucketIndex over the same boundaries)", async () => {
    const rows = LA_LOGS.map((s) => ({ reviewedAt: d(s.at), kind: s.kind, grade: s.grade ?? 0, intervalBefore: s.ib ?? 0, undoneAt: s.undone ? d(s.at) : null }));
    for (const range of [lastDays(NOW, 10, LA, 4), daysBetween("2024-11-01", "2026-03-09", LA, 4) /* 494 days: two chunks */]) {
      expect(await dailyByKind(db, me.id, range)).toEqual(countByBucket(rows, range.boundaries));
    }
    const weeks = lastWeeks(NOW, 12, LA, 4);
    expect(await retentionByBucket(db, me.id, weeks)).toEqual(retentionRows(rows, weeks.boundaries));
    const ahead = nextDays(NOW, 30, LA, 4);
    const states = await db.reviewState.findMany({ where: { userId: me.id }, select: { dueAt: true } });
    expect(await dueByBucket(db, me.id, ahead)).toEqual(forecastRows(states.map((s) => s.dueAt), ahead.boundaries));
  });

  it("finds streaks of learner days, the history older than a year included", async () => {
    expect(before.streaks).toEqual({ current: 4, longest: 5, today: true });
    expect(await activeDays(db, me.id, daysBetween("2024-11-30", "2024-12-06", LA, 4))).toEqual(["2024-12-01", "2024-12-02", "2024-12-03", "2024-12-04", "2024-12-05"]);
  });

  it("fills the one-year calendar", () => {
    expect(before.calendar).toHaveLength(53);
    const cells = before.calendar.flatMap((w) => w.days).filter((c) => c !== null);
    expect(cells.at(-1)).toMatchObject({ key: "2026-03-09", count: 3 });
    expect(cells.filter((c) => c.count > 0).map((c) => [c.key, c.count])).toEqual([["2026-03-06", 2], ["2026-03-07", 2], ["2026-03-08", 2], ["2026-03-09", 3]]);
    expect(before.calendarSummary).toEqual({ total: 9, activeDays: 4 });
  });

  it("measures retention per learner week, young and mature, on kind 'review' only", () => {
    const weeks = before.retention.buckets;
    expect(weeks).toHaveLength(12);
    expect(weeks.at(-2)).toEqual({ key: "2026-03-02", young: { passed: 2, total: 2, share: 1 }, mature: { passed: 1, total: 2, share: 0.5 } });
    expect(weeks.at(-1)).toEqual({ key: "2026-03-09", young: { passed: 0, total: 1, share: 0 }, mature: { passed: 0, total: 0, share: null } });
    expect(before.retention.young).toEqual({ passed: 2, total: 3, share: 2 / 3 });
    expect(before.retention.mature).toEqual({ passed: 1, total: 2, share: 0.5 });
  });

  it("forecasts cards due per learner day, overdue ones today", async () => {
    expect(before.forecast).toHaveLength(30);
    // Today is "due today" by its one definition: the two due states and the repeat owed today
    // (the same cards the queue offers without caps: review + repeat).
    const { queue } = await loadQueue(db, me, NOW);
    expect(before.forecast[0]).toEqual({ key: "2026-03-09", due: queue.counts.review + queue.counts.drill });
    expect(before.forecast.filter((f) => f.due > 0)).toEqual([
      { key: "2026-03-09", due: 3 },
      { key: "2026-03-10", due: 1 },
      { key: "2026-03-15", due: 1 },
    ]);
  });

  it("classifies card states and bins easiness", async () => {
    const active = await db.card.count({ where: { retiredAt: null } });
    expect(before.states).toEqual({ new: active - 5, learning: 1, young: 2, mature: 2, retired: 0, total: active });
    expect(before.easiness.map((b) => b.count)).toEqual([1, 0, 1, 0, 0, 1, 1, 0, 1]);
  });

  it("gives mastery per topic and quiz accuracy over the last 30 learner days", async () => {
    const m = Object.fromEntries(before.mastery.map((x) => [x.topic, x]));
    expect(m.components).toMatchObject({ cards: byTopic.components.length, mature: 2, quiz: { answered: 0, correct: 0 } });
    expect(m.networking).toMatchObject({ cards: byTopic.networking.length, mature: 0, quiz: { answered: 0, correct: 0 } });
    expect(m["pod-network"]).toMatchObject({ mature: 0, quiz: { answered: 3, correct: 2 } });
    expect(m.cni).toMatchObject({ mature: 0, quiz: { answered: 1, correct: 1 } }); // the open attempt's answer counts; January's does not
    expect(before.mastery.map((x) => x.topic)).toEqual(["components", "networking", "cni", "pod-network", "overview"]);
  });

  it("lists finished quizzes oldest first, and the hardest cards", () => {
    expect(before.quizzes.map((q) => [q.topic, q.score, q.length, q.finishedAt.toISOString()])).toEqual([
      ["mixed", 1, 2, "2026-01-01T18:05:00.000Z"],
      ["pod-network", 2, 3, "2026-03-05T18:05:00.000Z"],
    ]);
    expect(before.hardest.map((h) => [h.id, h.easiness, h.lapses])).toEqual([
      [cards.cniE.id, 1.3, 3],
      [cards.netA.id, 1.7, 2],
      [cards.netB.id, 2.36, 0],
      [cards.compD.id, 2.9, 1],
    ]);
  });

  it("a second learner's rows never show up in the first learner's numbers", async () => {
    const other = await seedNoisyOther();
    const after = await loadProgress(db, me, NOW, 30);
    expect(after).toEqual(before);
    for (const range of [90, 365] as const) {
      const r = await loadProgress(db, me, NOW, range);
      expect(r.daysSummary.total).toBe(9);
      expect(r.days.filter((x) => x.total > 0).map((x) => x.key)).toEqual(["2026-03-06", "2026-03-07", "2026-03-08", "2026-03-09"]);
    }
    // And the other learner does see their own.
    const theirs = await loadProgress(db, { ...me, id: other.id }, NOW, 365);
    expect(theirs.daysSummary.total).toBeGreaterThan(1000);
    expect(theirs.states.mature).toBeGreaterThan(0);
  });

  it("exports only this learner's log rows as CSV, every one once, across batches", async () => {
    const text = await csvText(me.id, 4); // small batches: keyset paging over equal and distinct timestamps
    const lines = text.split("\r\n");
    expect(lines.at(-1)).toBe("");
    expect(lines[0]).toBe(REVIEW_CSV_COLUMNS.join(","));
    const rows = lines.slice(1, -1).map((l) => l.split(","));
    expect(rows).toHaveLength(LA_LOGS.length);
    expect(rows.map((r) => r[0])).toEqual(LA_LOGS.map((s) => d(s.at).toISOString()).sort());
    const undone = rows.filter((r) => r[12] === "true");
    expect(undone).toHaveLength(1);
    expect(undone[0].slice(0, 6)).toEqual(["2026-03-09T16:06:00.000Z", cards.compC.key, "components", "5", "review", "review"]);
    const quiz = rows.find((r) => r[5] === "quiz")!;
    expect(quiz[4]).toBe("quiz");
    expect(rows.every((r) => r.length === REVIEW_CSV_COLUMNS.length)).toBe(true);
    // Same answer in one batch.
    expect(await csvText(me.id)).toBe(text);
  });
});

describe("Progress for a learner in Asia/Shanghai", () => {
  it("uses Shanghai days from 04:00", async () => {
    const me = await learner(SHA);
    const now = d("2026-03-02T02:00:00Z"); // 10:00 on 03-02
    const card = byTopic.overview[0];
    await insertLogs(me.id, [
      { at: "2026-02-28T10:00:00Z", kind: "new", ms: 2000 }, // 18:00 → 02-28
      { at: "2026-03-01T19:30:00Z", kind: "review", ms: 3000 }, // 03:30 on 03-02 → 03-01
      { at: "2026-03-01T20:00:00Z", kind: "review", ms: 4000 }, // 04:00 on 03-02 → 03-02
      { at: "2026-03-02T01:59:00Z", kind: "drill", ms: 5000 },
    ], card);
    const p = await loadProgress(db, me, now, 30);
    expect(p.todayKey).toBe("2026-03-02");
    expect(p.today).toMatchObject({ reviewed: 2, newIntroduced: 0, timeMs: 9000 });
    expect(p.days.slice(-4).map((x) => [x.key, x.review, x.new, x.drill])).toEqual([
      ["2026-02-27", 0, 0, 0],
      ["2026-02-28", 0, 1, 0],
      ["2026-03-01", 1, 0, 0],
      ["2026-03-02", 1, 0, 1],
    ]);
    expect(p.streaks).toEqual({ current: 3, longest: 3, today: true });
    expect(localDayKey(d("2026-03-01T19:30:00Z"), SHA, 4)).toBe("2026-03-01");
  });

  it("a new learner gets the friendly empty state", async () => {
    const me = await learner(SHA);
    const p = await loadProgress(db, me, NOW, 30);
    expect(p.empty).toBe(true);
    expect(p.today).toMatchObject({ reviewed: 0, newIntroduced: 0, timeMs: 0 });
    expect(p.streaks).toEqual({ current: 0, longest: 0, today: false });
    expect(p.days.every((x) => x.total === 0)).toBe(true);
  });
});

describe("the CSV is safe to open in a spreadsheet", () => {
  it("neutralises cells that would start a formula", () => {
    expect(["=cmd|' /C calc'!A0", "+1", "-1+2", "@SUM(A1)", "ok"].map(csvCell)).toEqual(["'=cmd|' /C calc'!A0", "'+1", "'-1+2", "'@SUM(A1)", "ok"]);
  });

  it("even when the deck itself held such text (a card key and topic made up for this test)", async () => {
    const me = await learner("UTC");
    const deck = await db.deck.findFirstOrThrow();
    const evil = await db.card.create({
      data: {
        deckId: deck.id, key: `=HYPERLINK("http://x","y")-${randomUUID()}`, topic: "@evil", position: 9999, frontZh: "x", frontEn: "x", backZh: "x", backEn: "x",
        source: "{}", contentHash: "x", retiredAt: d("2026-01-01T00:00:00Z"),
      },
    });
    await insertLogs(me.id, [{ at: "2026-03-01T10:00:00Z", kind: "review" }], { id: evil.id, key: evil.key, topic: evil.topic });
    const [, line] = (await csvText(me.id)).split("\r\n");
    expect(line.startsWith(`2026-03-01T10:00:00.000Z,"'=HYPERLINK(""http://x"",""y"")-`)).toBe(true);
    expect(line).toContain(",'@evil,");
  });
});
