import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { readyDb, type Db } from "@/lib/db/client";
import { gradeCard, type GradeInput } from "@/lib/reviews/grade";
import { undoGrade } from "@/lib/reviews/undo";
import { sessionView } from "@/lib/reviews/view";
import { gradeInputSchema } from "@/lib/reviews/schemas";
import type { Learner } from "@/lib/reviews/learner";
import { seedDeck } from "../helpers/deck";
import { makeUser } from "../helpers/users";
import { databaseChecksum } from "../helpers/checksum";

let db: Db;
// 10:00 in Shanghai on 2026-03-02.
const NOW = new Date("2026-03-02T02:00:00Z");
const later = (min: number) => new Date(NOW.getTime() + min * 60_000);
const checksum = () => databaseChecksum(process.env.DATABASE_URL!);

beforeAll(async () => {
  db = await readyDb();
  await seedDeck(db);
});

async function learner(over: Partial<Learner> = {}): Promise<Learner> {
  const u = await makeUser(db, { timeZone: "Asia/Shanghai" });
  return { id: u.id, timeZone: "Asia/Shanghai", rolloverHour: 4, newPerDay: 5, maxReviewsPerDay: 200, ...over };
}

function answer(view: Awaited<ReturnType<typeof sessionView>>, quality: GradeInput["quality"], extra: Partial<GradeInput> = {}): GradeInput {
  if (!view.card) throw new Error("no card");
  return { cardId: view.card.id, quality, expectedVersion: view.card.version, requestId: randomUUID(), durationMs: 4000, ...extra };
}

describe("the review session", () => {
  it("introduces new cards in deck order, capped per day, and shows the intervals each grade would give", async () => {
    const me = await learner({ newPerDay: 3 });
    const view = await sessionView(db, me, NOW);
    expect(view.left).toEqual({ review: 0, new: 3, drill: 0 });
    const first = await db.card.findFirstOrThrow({ where: { retiredAt: null }, orderBy: { position: "asc" } });
    expect(view.card).toMatchObject({ id: first.id, kind: "new", version: 0, labels: [0, 1, 2, 3].map(() => ({ againToday: true, intervalDays: 1 })).concat([4, 5].map(() => ({ againToday: false, intervalDays: 1 }))) });
  });

  it("schedules by SM-2 at the learner's rollover hour, logs the grade, and moves on", async () => {
    const me = await learner();
    const view = await sessionView(db, me, NOW);
    const out = await gradeCard(db, me, answer(view, 5), NOW);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    // Due one learner day later at 04:00 Shanghai time = 20:00 UTC the day before.
    expect(out.result).toMatchObject({ quality: 5, kind: "new", intervalDays: 1, dueAt: "2026-03-02T20:00:00.000Z" });
    const state = await db.reviewState.findUniqueOrThrow({ where: { userId_cardId: { userId: me.id, cardId: view.card!.id } } });
    expect(state).toMatchObject({ repetitions: 1, easiness: 2.6, intervalDays: 1, lapses: 0, version: 1 });
    const log = await db.reviewLog.findFirstOrThrow({ where: { userId: me.id } });
    expect(log).toMatchObject({ grade: 5, origin: "review", kind: "new", repsBefore: 0, easeBefore: 2.5, repsAfter: 1, easeAfter: 2.6, durationMs: 4000 });
    expect(out.session.card?.id).not.toBe(view.card!.id);
    expect(out.session.left.new).toBe(4);
    expect(out.session.today.reviewed).toBe(1);
  });

  it("brings a card graded below 4 back as a drill that is logged but does not move the schedule", async () => {
    const me = await learner({ newPerDay: 1 });
    const v1 = await sessionView(db, me, NOW);
    const cardId = v1.card!.id;
    const r1 = await gradeCard(db, me, answer(v1, 2), NOW);
    if (!r1.ok) throw new Error("grade failed");
    expect(r1.session.card).toMatchObject({ id: cardId, kind: "drill" });
    // A repeat does not move the schedule: below 4 it comes back again, 4 and 5 end it for today.
    expect(r1.session.card!.labels).toEqual([0, 1, 2, 3, 4, 5].map((q) => ({ againToday: q < 4, intervalDays: null })));
    const scheduled = await db.reviewState.findUniqueOrThrow({ where: { userId_cardId: { userId: me.id, cardId } } });

    const r2 = await gradeCard(db, me, answer(r1.session, 3), later(1));
    if (!r2.ok) throw new Error("drill failed");
    expect(r2.result.kind).toBe("drill");
    expect(r2.session.card?.id).toBe(cardId); // still below 4: again
    const r3 = await gradeCard(db, me, answer(r2.session, 4), later(2));
    if (!r3.ok) throw new Error("drill failed");
    expect(r3.session.card).toBeNull();
    const after = await db.reviewState.findUniqueOrThrow({ where: { userId_cardId: { userId: me.id, cardId } } });
    expect({ ...after, version: 0 }).toEqual({ ...scheduled, version: 0 });
    expect(await db.reviewLog.count({ where: { userId: me.id, kind: "drill" } })).toBe(2);
    expect(r3.session.nextDueAt).toBe("2026-03-02T20:00:00.000Z");
  });

  it("refuses a grade for a version the screen did not show: the card was reviewed in another tab", async () => {
    const me = await learner();
    const view = await sessionView(db, me, NOW);
    const tabA = answer(view, 4);
    const tabB = answer(view, 1);
    expect((await gradeCard(db, me, tabA, NOW)).ok).toBe(true);
    const b = await gradeCard(db, me, tabB, NOW);
    expect(b).toMatchObject({ ok: false, error: "conflict" });
    if (!b.ok) expect(b.session?.card?.id).not.toBe(view.card!.id);
    expect(await db.reviewLog.count({ where: { userId: me.id } })).toBe(1);
  });

  it("applies a double-clicked or retried grade once and answers both the same", async () => {
    const me = await learner();
    const view = await sessionView(db, me, NOW);
    const input = answer(view, 5);
    const [a, b] = await Promise.all([gradeCard(db, me, input, NOW), gradeCard(db, me, input, NOW)]);
    const retry = await gradeCard(db, me, input, later(1));
    expect(a.ok && b.ok && retry.ok).toBe(true);
    if (a.ok && b.ok && retry.ok) {
      expect(b.result).toEqual(a.result);
      expect(retry.result).toEqual(a.result);
    }
    expect(await db.reviewLog.count({ where: { userId: me.id } })).toBe(1);
    expect((await db.reviewState.findFirstOrThrow({ where: { userId: me.id } })).version).toBe(1);
  });

  it("refuses cards that are not in the learner's queue today, and unknown cards, writing nothing", async () => {
    const me = await learner({ newPerDay: 1 });
    const view = await sessionView(db, me, NOW);
    const notQueued = await db.card.findFirstOrThrow({ where: { id: { not: view.card!.id } }, orderBy: { position: "desc" } });
    const before = checksum();
    expect(await gradeCard(db, me, { ...answer(view, 5), cardId: notQueued.id }, NOW)).toMatchObject({ ok: false, error: "not-in-queue" });
    expect(await gradeCard(db, me, { ...answer(view, 5), cardId: "nope" }, NOW)).toMatchObject({ ok: false, error: "not-found" });
    expect(checksum()).toBe(before);
  });

  it("another learner's grade id cannot be undone", async () => {
    const me = await learner();
    const other = await learner();
    const view = await sessionView(db, me, NOW);
    const out = await gradeCard(db, me, answer(view, 5), NOW);
    if (!out.ok) throw new Error();
    const before = checksum();
    expect(await undoGrade(db, other, out.result.logId, NOW)).toMatchObject({ ok: false, error: "not-found" });
    expect(checksum()).toBe(before);
  });

  it("undoes the last grade exactly, once, and only the last", async () => {
    const me = await learner();
    const v0 = await sessionView(db, me, NOW);
    const g1 = await gradeCard(db, me, answer(v0, 5), NOW);
    if (!g1.ok) throw new Error();
    const g2 = await gradeCard(db, me, answer(g1.session, 4), later(1));
    if (!g2.ok) throw new Error();
    expect(await undoGrade(db, me, g1.result.logId, later(2))).toMatchObject({ ok: false, error: "not-last" });

    const u = await undoGrade(db, me, g2.result.logId, later(2));
    expect(u).toMatchObject({ ok: true, cardId: g1.session.card!.id });
    expect((await sessionView(db, me, later(2))).card?.id).toBe(g1.session.card!.id);
    // A new card's first grade undone: it is new again.
    expect(await db.reviewState.count({ where: { userId: me.id, cardId: g1.session.card!.id } })).toBe(0);
    expect(await undoGrade(db, me, g2.result.logId, later(3))).toMatchObject({ ok: true });
    expect(await db.reviewLog.count({ where: { userId: me.id, undoneAt: { not: null } } })).toBe(1);
  });

  it("undo of a review restores the exact state from the log", async () => {
    const me = await learner({ newPerDay: 0 });
    const card = await db.card.findFirstOrThrow({ orderBy: { position: "asc" } });
    const lastReview = new Date("2026-02-20T03:00:00Z");
    await db.reviewState.create({
      data: { userId: me.id, cardId: card.id, repetitions: 4, easiness: 1.96, intervalDays: 12, dueAt: new Date("2026-03-01T20:00:00Z"), lapses: 2, lastReviewedAt: lastReview, version: 7 },
    });
    await db.reviewLog.create({
      data: {
        userId: me.id, cardId: card.id, grade: 4, origin: "review", kind: "review", repsBefore: 3, easeBefore: 1.96, intervalBefore: 5, lapsesBefore: 2,
        repsAfter: 4, easeAfter: 1.96, intervalAfter: 12, dueAfter: new Date("2026-03-01T20:00:00Z"), lapsesAfter: 2, reviewedAt: lastReview, durationMs: 1, requestId: randomUUID(),
      },
    });
    const view = await sessionView(db, me, NOW);
    expect(view.card).toMatchObject({ id: card.id, kind: "review", version: 7 });
    const lapse = await gradeCard(db, me, answer(view, 1), NOW);
    if (!lapse.ok) throw new Error();
    expect(await db.reviewState.findFirstOrThrow({ where: { userId: me.id } })).toMatchObject({ repetitions: 0, intervalDays: 1, lapses: 3 });
    await undoGrade(db, me, lapse.result.logId, later(1));
    expect(await db.reviewState.findFirstOrThrow({ where: { userId: me.id } })).toMatchObject({
      repetitions: 4, easiness: 1.96, intervalDays: 12, dueAt: new Date("2026-03-01T20:00:00Z"), lapses: 2, lastReviewedAt: lastReview, version: 9,
    });
  });

  it("caps reviews per day and counts a session after midnight for the evening before", async () => {
    const me = await learner({ newPerDay: 0, maxReviewsPerDay: 2 });
    const cards = await db.card.findMany({ orderBy: { position: "asc" }, take: 3 });
    for (const [i, c] of cards.entries()) {
      await db.reviewState.create({ data: { userId: me.id, cardId: c.id, repetitions: 2, easiness: 2.5, intervalDays: 6, dueAt: new Date(Date.UTC(2026, 1, 20 + i)), lastReviewedAt: new Date("2026-02-10T00:00:00Z") } });
    }
    const view = await sessionView(db, me, NOW);
    expect(view.left.review).toBe(2);
    expect(view.card?.id).toBe(cards[0].id); // oldest due first
    // 01:30 Shanghai on 03-03 still belongs to the learner day of 03-02 (rollover 04:00).
    const g = await gradeCard(db, me, answer(view, 5), new Date("2026-03-02T17:30:00Z"));
    if (!g.ok) throw new Error();
    expect(g.session.left.review).toBe(1);
    // Interval round(6 × 2.5) = 15 learner days after 03-02: 03-17 04:00 in Shanghai.
    expect(g.result.dueAt).toBe("2026-03-16T20:00:00.000Z");
  });
});

describe("grade input validation", () => {
  it("accepts a well-formed grade and refuses malformed ones", () => {
    const good = { cardId: "c1", quality: 3, expectedVersion: 0, requestId: randomUUID(), durationMs: 1200 };
    expect(gradeInputSchema.safeParse(good).success).toBe(true);
    for (const bad of [
      { ...good, quality: 6 },
      { ...good, quality: -1 },
      { ...good, quality: 2.5 },
      { ...good, quality: "5" },
      { ...good, expectedVersion: -1 },
      { ...good, requestId: "not-a-uuid" },
      { ...good, cardId: "x".repeat(65) },
      { ...good, userId: "someone-else" },
      { ...good, durationMs: Number.NaN },
      {},
    ]) {
      expect(gradeInputSchema.safeParse(bad).success).toBe(false);
    }
  });
});
