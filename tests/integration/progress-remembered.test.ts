/**
 * The Progress page remembers the year's per-day counts, the streak days and the schedule
 * prediction per learner (lib/progress/history-cache). These tests check that what it shows is,
 * visit after visit, exactly what the stored log says — computed here independently, day by day
 * with localDayKey — for a learner in America/New_York with a long, varied history (DST days in
 * both directions, grades at the rollover hour, undone grades, quiz misses), and that a grade,
 * an undo, a quiz miss and a change of time zone show up on the next visit.
 */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { readyDb, type Db } from "@/lib/db/client";
import type { Learner } from "@/lib/reviews/learner";
import { loadProgress, type ProgressData, type RangeDays } from "@/lib/progress/load";
import { computeSchedulePrediction, loadSchedulePrediction } from "@/lib/progress/prediction";
import { historyStamp } from "@/lib/progress/history-cache";
import { undoGrade } from "@/lib/reviews/undo";
import { syncOps } from "@/lib/reviews/sync";
import { sessionView } from "../helpers/server-session";
import { addLocalDays, dayStart, localDayKey } from "@/lib/core/srs/days";
import { calendarDayCount, calendarWeeks } from "@/lib/core/stats/calendar";
import { LOG_KINDS } from "@/lib/core/stats/daily";
import { streaks } from "@/lib/core/stats/streaks";
import { answerCard } from "../helpers/answer";
import { seedDeck } from "../helpers/deck";
import { makeUser } from "../helpers/users";

let db: Db;
let cards: { id: string }[];
const NY = "America/New_York";
const RH = 4;
// Monday 2026-03-09, 11:00 EDT: the day after the spring switch.
const NOW = new Date("2026-03-09T15:00:00Z");
const HOUR = 3_600_000;

beforeAll(async () => {
  db = await readyDb();
  await seedDeck(db);
  cards = await db.card.findMany({ where: { retiredAt: null }, orderBy: { position: "asc" }, select: { id: true } });
});

interface Spec {
  at: Date;
  kind: "review" | "new" | "drill" | "quiz";
  grade: number;
  card: string;
  undone?: boolean;
}

function row(userId: string, s: Spec) {
  return {
    userId, cardId: s.card, grade: s.grade, origin: s.kind === "quiz" ? "quiz" : "review", kind: s.kind,
    repsBefore: 2, easeBefore: 2.5, intervalBefore: 3, dueBefore: s.at, lapsesBefore: 0,
    repsAfter: 3, easeAfter: 2.5, intervalAfter: 4, dueAfter: new Date(s.at.getTime() + 86_400_000), lapsesAfter: 0,
    reviewedAt: s.at, durationMs: 2000, requestId: randomUUID(), undoneAt: s.undone ? new Date(s.at.getTime() + 1000) : null,
  };
}

/**
 * About 500 learner days back from yesterday (so streak days older than the calendar's year
 * exist), on two thirds of the days, 1–6 rows of every kind, 5 % of them undone; plus grades on
 * both sides of the day boundary around the DST switches of 2025 and 2026.
 */
function history(): Spec[] {
  let seed = 12345;
  const rnd = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const pool = cards.slice(0, 60).map((c) => c.id);
  const today = localDayKey(NOW, NY, RH);
  const specs: Spec[] = [];
  for (let back = 500; back >= 1; back--) {
    if (rnd() < 0.34) continue;
    const key = addLocalDays(today, -back);
    const start = dayStart(key, NY, RH).getTime();
    const length = dayStart(addLocalDays(key, 1), NY, RH).getTime() - start;
    for (let n = 1 + Math.floor(rnd() * 6); n > 0; n--) {
      const r = rnd();
      const kind = r < 0.6 ? "review" : r < 0.75 ? "new" : r < 0.9 ? "drill" : "quiz";
      specs.push({ at: new Date(start + Math.floor(rnd() * length)), kind, grade: kind === "quiz" ? 0 : Math.floor(rnd() * 6), card: pool[Math.floor(rnd() * pool.length)], undone: rnd() < 0.05 });
    }
  }
  const at = (iso: string) => new Date(iso);
  const c = (i: number) => pool[i];
  specs.push(
    // 2025-11-02, clocks back at 06:00Z: 08:30Z is 03:30 EST, still the 25-hour day of 11-01; 09:00Z is 04:00 EST, 11-02.
    { at: at("2025-11-02T08:30:00Z"), kind: "review", grade: 4, card: c(1) },
    { at: at("2025-11-02T09:00:00Z"), kind: "review", grade: 2, card: c(2) },
    { at: at("2025-11-01T07:59:00Z"), kind: "review", grade: 5, card: c(3) }, // 03:59 EDT: 10-31
    // 2026-03-08, clocks forward at 07:00Z: 07:30Z is 03:30 EDT, the 23-hour day of 03-07; 08:00Z is 04:00 EDT, 03-08.
    { at: at("2026-03-08T07:30:00Z"), kind: "review", grade: 3, card: c(4) },
    { at: at("2026-03-08T08:00:00Z"), kind: "drill", grade: 1, card: c(5) },
    { at: at("2026-03-08T08:10:00Z"), kind: "quiz", grade: 0, card: c(5) },
    // 2025-03-09, the year before: the same two sides.
    { at: at("2025-03-09T07:45:00Z"), kind: "review", grade: 4, card: c(6) },
    { at: at("2025-03-09T08:15:00Z"), kind: "review", grade: 0, card: c(7), undone: true },
    // Today before NOW: a grade and a quiz miss.
    { at: at("2026-03-09T13:00:00Z"), kind: "review", grade: 4, card: c(8) },
    { at: at("2026-03-09T13:05:00Z"), kind: "quiz", grade: 0, card: c(8) },
  );
  return specs;
}

/** What the page must show, from every stored row, bucketed day by day with localDayKey. */
async function expected(me: Learner, now: Date, range: RangeDays) {
  const rows = await db.reviewLog.findMany({ where: { userId: me.id }, select: { reviewedAt: true, origin: true, kind: true, undoneAt: true } });
  const dayOf = (d: Date) => localDayKey(d, me.timeZone, me.rolloverHour);
  const todayKey = dayOf(now);
  const studied = new Map<string, number>();
  const byKind = new Map<string, Record<string, number>>();
  for (const r of rows) {
    if (r.undoneAt) continue;
    const key = dayOf(r.reviewedAt);
    if (r.origin === "review") studied.set(key, (studied.get(key) ?? 0) + 1);
    const k = (byKind.get(key) ?? byKind.set(key, {}).get(key))!;
    k[r.kind] = (k[r.kind] ?? 0) + 1;
  }
  const keys = (n: number) => Array.from({ length: n }, (_, i) => addLocalDays(todayKey, i + 1 - n));
  const year = keys(calendarDayCount(todayKey)).map((key) => ({ key, count: studied.get(key) ?? 0 }));
  const days = keys(range).map((key) => {
    const k = byKind.get(key) ?? {};
    const d = { key, review: 0, new: 0, drill: 0, quiz: 0, total: 0, studied: 0 };
    for (const kind of LOG_KINDS) {
      d[kind] = k[kind] ?? 0;
      d.total += d[kind];
      if (kind !== "quiz") d.studied += d[kind];
    }
    return d;
  });
  return {
    todayKey,
    calendar: calendarWeeks(year),
    calendarSummary: { total: year.reduce((s, d) => s + d.count, 0), activeDays: year.filter((d) => d.count > 0).length },
    streaks: streaks([...studied.keys()], todayKey),
    days,
    reviewedToday: studied.get(todayKey) ?? 0,
  };
}

const shown = (p: ProgressData) => ({
  todayKey: p.todayKey,
  calendar: p.calendar,
  calendarSummary: p.calendarSummary,
  streaks: p.streaks,
  days: p.days,
  reviewedToday: p.today.reviewed,
});

/** Two visits (the second served from what the first remembered) both show the stored log's figures. */
async function visitTwice(me: Learner, now: Date, range: RangeDays = 30) {
  const want = await expected(me, now, range);
  const first = await loadProgress(db, me, now, range);
  const second = await loadProgress(db, me, now, range);
  expect(shown(first)).toEqual(want);
  expect(shown(second)).toEqual(want);
  const prediction = await loadSchedulePrediction(db, me);
  expect(await loadSchedulePrediction(db, me)).toEqual(prediction);
  expect(prediction).toEqual(await computeSchedulePrediction(db, me));
  return { page: second, prediction };
}

describe("Progress figures remembered between visits stay those of the stored log", () => {
  let me: Learner;

  beforeAll(async () => {
    const u = await makeUser(db, { timeZone: NY });
    me = { id: u.id, timeZone: NY, rolloverHour: RH, newPerDay: 20, maxReviewsPerDay: 200 };
    await db.reviewLog.createMany({ data: history().map((s) => row(me.id, s)) });
  });

  it("shows the same figures as the log, DST days and older streak days included, on every visit and range", async () => {
    const { page, prediction } = await visitTwice(me, NOW);
    // The history reaches past the calendar's year and has the expected variety.
    expect(page.streaks.longest).toBeGreaterThan(1);
    expect(page.calendarSummary.activeDays).toBeGreaterThan(150);
    expect(prediction.enough).toBe(true);
    const dst = page.days.find((d) => d.key === "2026-03-08")!;
    expect(dst.drill).toBeGreaterThanOrEqual(1);
    expect(dst.quiz).toBeGreaterThanOrEqual(1);
    await visitTwice(me, NOW, 365);
    await visitTwice(me, NOW, 90);
  });

  it("shows a grade, then its undo, on the next visit", async () => {
    const before = await visitTwice(me, NOW);
    const view = await sessionView(db, me, NOW);
    const at = new Date(NOW.getTime() + 60_000);
    const graded = await answerCard(db, me, view.card!.id, 4, at, { durationMs: 3000 });
    if (!graded.logId) throw new Error(`grade failed: ${JSON.stringify(graded)}`);

    const after = await visitTwice(me, at);
    expect(after.page.calendarSummary.total).toBe(before.page.calendarSummary.total + 1);
    expect(after.page.today.reviewed).toBe(before.page.today.reviewed + 1);

    const undone = await undoGrade(db, me, graded.logId, new Date(at.getTime() + 60_000));
    expect(undone.ok).toBe(true);
    const back = await visitTwice(me, new Date(at.getTime() + 120_000));
    expect(back.page.calendar).toEqual(before.page.calendar);
    expect(back.page.streaks).toEqual(before.page.streaks);
    expect(back.prediction).toEqual(before.prediction);
  });

  it("shows an answer delivered late from an offline outbox, dated before the latest grade, on the next visit", async () => {
    await db.user.update({ where: { id: me.id }, data: { createdAt: new Date("2024-01-01T00:00:00Z") } }); // answers may be dated back to then
    const at = new Date(NOW.getTime() + 10 * 60_000);
    const view = await sessionView(db, me, at);
    const online = await answerCard(db, me, view.card!.id, 5, at, { durationMs: 3000 });
    if (online.status !== "applied") throw new Error(`grade failed: ${JSON.stringify(online)}`);
    const before = await visitTwice(me, at);
    const next = await sessionView(db, me, at);
    // Given offline five minutes before the online grade, delivered now.
    const [late] = await syncOps(db, me, [{ type: "grade", requestId: randomUUID(), cardId: next.card!.id, grade: 4, answeredAt: new Date(at.getTime() - 5 * 60_000), durationMs: 2000 }], new Date(at.getTime() + 60_000));
    expect(late).toMatchObject({ status: "applied", at: new Date(at.getTime() - 5 * 60_000) });
    const after = await visitTwice(me, new Date(at.getTime() + 60_000));
    expect(after.page.calendarSummary.total).toBe(before.page.calendarSummary.total + 1);
  });

  it("shows a quiz miss at once: it is not a review-screen grade, so it is read live", async () => {
    const before = await visitTwice(me, NOW);
    const stamp = await historyStamp(db, me.id);
    await db.reviewLog.createMany({ data: [row(me.id, { at: new Date(NOW.getTime() - HOUR), kind: "quiz", grade: 0, card: cards[9].id })] });
    expect(await historyStamp(db, me.id)).toBe(stamp);
    const after = await visitTwice(me, NOW);
    expect(after.page.days.at(-1)!.quiz).toBe(before.page.days.at(-1)!.quiz + 1);
    expect(after.page.calendar).toEqual(before.page.calendar);
  });

  it("counts by the new zone's days after the learner changes time zone, and by the old one's after changing back", async () => {
    const ny = await visitTwice(me, NOW);
    const tokyo = await visitTwice({ ...me, timeZone: "Asia/Tokyo" }, NOW);
    expect(tokyo.page.calendar).not.toEqual(ny.page.calendar);
    await visitTwice(me, NOW);
  });

  it("moves the calendar's year when the learner's day changes", async () => {
    const tomorrow = new Date(NOW.getTime() + 24 * HOUR);
    const { page } = await visitTwice(me, tomorrow);
    expect(page.todayKey).toBe("2026-03-10");
  });
});
