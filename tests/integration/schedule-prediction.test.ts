import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { readyDb, type Db } from "@/lib/db/client";
import { exportLearnerData } from "@/lib/accounts/export";
import type { Learner } from "@/lib/reviews/learner";
import { loadSchedulePrediction, MIN_SCORED_REVIEWS } from "@/lib/progress/prediction";
import { addLocalDays, dayStart } from "@/lib/core/srs/days";
import { evaluateSchedules, type MemoryEvent } from "@/lib/core/stats/prediction";
import { seedDeck } from "../helpers/deck";
import { makeUser } from "../helpers/users";
import { syntheticHistory } from "../unit/stats/synthetic-learner";

let db: Db;
let cards: { id: string; key: string }[];
const TZ = "Asia/Shanghai";
const HOUR = 3_600_000;

beforeAll(async () => {
  db = await readyDb();
  await seedDeck(db);
  cards = await db.card.findMany({ where: { retiredAt: null }, orderBy: { position: "asc" }, select: { id: true, key: true } });
});

async function learner(): Promise<Learner> {
  const u = await makeUser(db, { timeZone: TZ });
  await db.user.update({ where: { id: u.id }, data: { rolloverHour: 4 } });
  return { id: u.id, timeZone: TZ, rolloverHour: 4, newPerDay: u.newPerDay, maxReviewsPerDay: u.maxReviewsPerDay };
}

type Row = { card: string; at: Date; grade: number; origin?: "review" | "quiz"; kind?: string; undone?: boolean };

async function insert(userId: string, rows: Row[]) {
  await db.reviewLog.createMany({
    data: rows.map((r) => ({
      userId, cardId: r.card, grade: r.grade, origin: r.origin ?? "review", kind: r.kind ?? "review",
      repsBefore: 0, easeBefore: 2.5, intervalBefore: 0, dueBefore: null, lapsesBefore: 0,
      repsAfter: 1, easeAfter: 2.5, intervalAfter: 1, dueAfter: r.at, lapsesAfter: 0,
      reviewedAt: r.at, durationMs: 1000, requestId: randomUUID(), undoneAt: r.undone ? new Date(r.at.getTime() + 1000) : null,
    })),
  });
}

/** The memory events as rows on the learner's days, with the noise a real log has around them. */
function rowsFor(events: MemoryEvent[]): Row[] {
  const rows: Row[] = [];
  events.forEach((e, i) => {
    const card = cards[Number(e.cardKey.slice(5))].id;
    const start = dayStart(e.day, TZ, 4).getTime();
    if (i % 7 === 0) rows.push({ card, at: new Date(start + 5 * HOUR), grade: (e.grade + 3) % 6, undone: true }); // graded, then undone
    rows.push({ card, at: new Date(start + 6 * HOUR), grade: e.grade, kind: i % 11 === 0 ? "new" : "review" });
    if (i % 5 === 0) rows.push({ card, at: new Date(start + 8 * HOUR), grade: 5 - e.grade, kind: "drill" }); // same-day repeat
    if (i % 9 === 0) rows.push({ card, at: new Date(start + 22 * HOUR), grade: 0, kind: "drill" }); // 02:00 next morning: still that learner day
    if (i % 13 === 0) rows.push({ card, at: new Date(start + 7 * HOUR), grade: 0, origin: "quiz", kind: "quiz" });
  });
  return rows;
}

describe("loadSchedulePrediction", () => {
  it("scores exactly the learner's memory events on their own days, and the export evaluates the same", async () => {
    const me = await learner();
    const other = await learner();
    const history = syntheticHistory({ model: "fsrs", cards: 40, reviewsPerCard: 6, seed: 5, start: "2026-01-10" });
    await insert(me.id, rowsFor(history));
    // Someone else's grades on the same cards and days must not count.
    await insert(other.id, rowsFor(syntheticHistory({ model: "sm2", cards: 40, reviewsPerCard: 3, seed: 9, start: "2026-01-10" })));

    const got = await loadSchedulePrediction(db, me);
    const byId = history.map((e) => ({ ...e, cardKey: cards[Number(e.cardKey.slice(5))].id }));
    const want = evaluateSchedules(byId);
    expect(got.reviews).toBe(40 * 5);
    expect(got.cards).toBe(40);
    expect(got.enough).toBe(true);
    expect({ ...got, enough: undefined, minimum: undefined }).toEqual({ ...want, enough: undefined, minimum: undefined });
    // The learner's memory follows FSRS here: the page's verdict must say so.
    expect(got.fsrs!.logLoss).toBeLessThan(got.sm2!.logLoss);

    // The same history through an account export and the operator command.
    const exported = await exportLearnerData(db, me.id);
    const dir = mkdtempSync(path.join(os.tmpdir(), "kubecards-srs-eval-"));
    const file = path.join(dir, "export.json");
    writeFileSync(file, JSON.stringify(exported));
    const tsx = path.resolve("node_modules/.bin/tsx");
    const { stdout } = await promisify(execFile)(tsx, ["lib/cli/srs-evaluate.ts", "--", file], { cwd: process.cwd() });
    const cli = JSON.parse(stdout);
    expect(cli.reviews).toBe(got.reviews);
    expect(cli.cards).toBe(got.cards);
    expect(cli.sm2).toEqual(got.sm2);
    expect(cli.fsrs).toEqual(got.fsrs);
  }, 60_000);

  it("shows the empty state until enough reviews of seen cards exist", async () => {
    const me = await learner();
    const day0 = "2026-02-01";
    const rows: Row[] = [];
    // Ten cards seen once, three of them reviewed again: 3 scored reviews.
    for (let c = 0; c < 10; c++) rows.push({ card: cards[c].id, at: new Date(dayStart(day0, TZ, 4).getTime() + HOUR), grade: 4 });
    for (let c = 0; c < 3; c++) rows.push({ card: cards[c].id, at: new Date(dayStart(addLocalDays(day0, 2), TZ, 4).getTime() + HOUR), grade: 3 });
    await insert(me.id, rows);
    const got = await loadSchedulePrediction(db, me);
    expect(got).toMatchObject({ enough: false, reviews: 3, cards: 10, minimum: MIN_SCORED_REVIEWS });

    const fresh = await loadSchedulePrediction(db, await learner());
    expect(fresh).toMatchObject({ enough: false, reviews: 0, cards: 0, sm2: null, fsrs: null, recallRate: null });
  });
});

describe("npm run srs:evaluate", () => {
  it("refuses a file that is not an account export, with exit code 2", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "kubecards-srs-eval-"));
    const file = path.join(dir, "not-export.json");
    writeFileSync(file, JSON.stringify({ format: "something-else", reviewLog: [] }));
    const tsx = path.resolve("node_modules/.bin/tsx");
    const run = promisify(execFile)(tsx, ["lib/cli/srs-evaluate.ts", file], { cwd: process.cwd() });
    await expect(run).rejects.toMatchObject({ code: 2 });
  }, 30_000);
});
