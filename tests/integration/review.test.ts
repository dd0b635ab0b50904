import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { readyDb, type Db } from "@/lib/db/client";
import { undoGrade } from "@/lib/reviews/undo";
import { sessionView, type SessionView } from "../helpers/server-session";
import { syncOps, type SyncOp } from "@/lib/reviews/sync";
import { syncInputSchema } from "@/lib/reviews/schemas";
import type { Learner } from "@/lib/reviews/learner";
import type { Quality } from "@/lib/core/srs";
import { answerCard } from "../helpers/answer";
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

/** The learner answers the card on screen (through the review screen's outbox, lib/reviews/sync). */
function answer(me: Learner, view: SessionView, quality: Quality, at: Date) {
  if (!view.card) throw new Error("no card");
  return answerCard(db, me, view.card.id, quality, at, { durationMs: 4000 });
}

const stateOf = (me: Learner, cardId: string) => db.reviewState.findUniqueOrThrow({ where: { userId_cardId: { userId: me.id, cardId } } });

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
    const out = await answer(me, view, 5, NOW);
    expect(out).toMatchObject({ status: "applied", kind: "new", at: NOW });
    // Due one learner day later at 04:00 Shanghai time = 20:00 UTC the day before.
    const state = await stateOf(me, view.card!.id);
    expect(state).toMatchObject({ repetitions: 1, easiness: 2.6, intervalDays: 1, lapses: 0, version: 1, dueAt: new Date("2026-03-02T20:00:00.000Z") });
    const log = await db.reviewLog.findFirstOrThrow({ where: { userId: me.id } });
    expect(log).toMatchObject({ id: out.logId, grade: 5, origin: "review", kind: "new", repsBefore: 0, easeBefore: 2.5, repsAfter: 1, easeAfter: 2.6, durationMs: 4000, reviewedAt: NOW });
    const next = await sessionView(db, me, NOW);
    expect(next.card?.id).not.toBe(view.card!.id);
    expect(next.left.new).toBe(4);
    expect(next.today.reviewed).toBe(1);
  });

  it("brings a card graded below 4 back as a drill that is logged but does not move the schedule", async () => {
    const me = await learner({ newPerDay: 1 });
    const v1 = await sessionView(db, me, NOW);
    const cardId = v1.card!.id;
    expect(await answer(me, v1, 2, NOW)).toMatchObject({ status: "applied", kind: "new" });
    const v2 = await sessionView(db, me, NOW);
    expect(v2.card).toMatchObject({ id: cardId, kind: "drill" });
    // A repeat does not move the schedule: below 4 it comes back again, 4 and 5 end it for today.
    expect(v2.card!.labels).toEqual([0, 1, 2, 3, 4, 5].map((q) => ({ againToday: q < 4, intervalDays: null })));
    const scheduled = await stateOf(me, cardId);

    expect(await answer(me, v2, 3, later(1))).toMatchObject({ status: "applied", kind: "drill" });
    const v3 = await sessionView(db, me, later(1));
    expect(v3.card?.id).toBe(cardId); // still below 4: again
    expect(await answer(me, v3, 4, later(2))).toMatchObject({ status: "applied", kind: "drill" });
    const v4 = await sessionView(db, me, later(2));
    expect(v4.card).toBeNull();
    const after = await stateOf(me, cardId);
    expect({ ...after, version: 0 }).toEqual({ ...scheduled, version: 0 });
    expect(await db.reviewLog.count({ where: { userId: me.id, kind: "drill" } })).toBe(2);
    expect(v4.nextDueAt).toBe("2026-03-02T20:00:00.000Z");
  });

  it("a card answered in two tabs: the first answer to arrive sets the schedule, the other is a repeat that leaves it", async () => {
    const me = await learner();
    const view = await sessionView(db, me, NOW);
    expect(await answer(me, view, 4, NOW)).toMatchObject({ status: "applied", kind: "new" });
    const scheduled = await stateOf(me, view.card!.id);
    // The other tab still showed the card, and answered it a minute later.
    expect(await answer(me, view, 1, later(1))).toMatchObject({ status: "applied", kind: "drill", at: later(1) });
    const after = await stateOf(me, view.card!.id);
    expect({ ...after, version: 0 }).toEqual({ ...scheduled, version: 0 });
    expect(await db.reviewLog.count({ where: { userId: me.id } })).toBe(2);
    // Its grade 1 brings the card back today.
    expect((await sessionView(db, me, later(1))).left.drill).toBe(1);
  });

  it("applies a double-clicked or retried grade once and answers both the same", async () => {
    const me = await learner();
    const view = await sessionView(db, me, NOW);
    const op: SyncOp = { type: "grade", requestId: randomUUID(), cardId: view.card!.id, grade: 5, answeredAt: NOW, durationMs: 4000 };
    const [[a], [b]] = await Promise.all([syncOps(db, me, [op], NOW), syncOps(db, me, [op], NOW)]);
    const [retry] = await syncOps(db, me, [op], later(1));
    expect(a).toMatchObject({ status: "applied", kind: "new", at: NOW });
    expect(b).toEqual(a);
    expect(retry).toEqual(a);
    expect(await db.reviewLog.count({ where: { userId: me.id } })).toBe(1);
    expect((await db.reviewState.findFirstOrThrow({ where: { userId: me.id } })).version).toBe(1);
  });

  it("refuses a card that is not due until a later day, and unknown cards, writing nothing", async () => {
    const me = await learner({ newPerDay: 1 });
    const card = await db.card.findFirstOrThrow({ orderBy: { position: "desc" } });
    // Answered well on an earlier day: due in ten days, not part of today.
    await db.reviewState.create({ data: { userId: me.id, cardId: card.id, repetitions: 3, easiness: 2.6, intervalDays: 15, dueAt: later(10 * 24 * 60), lastReviewedAt: later(-5 * 24 * 60) } });
    expect((await sessionView(db, me, NOW)).card?.id).not.toBe(card.id);
    const before = checksum();
    expect(await answerCard(db, me, card.id, 5, NOW)).toMatchObject({ status: "refused", error: "not-due", logId: null });
    expect(await answerCard(db, me, "nope", 5, NOW)).toMatchObject({ status: "refused", error: "not-found", logId: null });
    expect(checksum()).toBe(before);
  });

  it("another learner's grade id cannot be undone", async () => {
    const me = await learner();
    const other = await learner();
    const view = await sessionView(db, me, NOW);
    const out = await answer(me, view, 5, NOW);
    if (!out.logId) throw new Error(JSON.stringify(out));
    const before = checksum();
    expect(await undoGrade(db, other, out.logId, NOW)).toMatchObject({ ok: false, error: "not-found" });
    expect(checksum()).toBe(before);
  });

  it("undoes the last grade exactly, once, and only the last", async () => {
    const me = await learner();
    const v0 = await sessionView(db, me, NOW);
    const g1 = await answer(me, v0, 5, NOW);
    const v1 = await sessionView(db, me, NOW);
    const g2 = await answer(me, v1, 4, later(1));
    if (!g1.logId || !g2.logId) throw new Error(JSON.stringify([g1, g2]));
    expect(await undoGrade(db, me, g1.logId, later(2))).toMatchObject({ ok: false, error: "not-last" });

    const u = await undoGrade(db, me, g2.logId, later(2));
    expect(u).toMatchObject({ ok: true, cardId: v1.card!.id });
    expect((await sessionView(db, me, later(2))).card?.id).toBe(v1.card!.id);
    // A new card's first grade undone: it is new again.
    expect(await db.reviewState.count({ where: { userId: me.id, cardId: v1.card!.id } })).toBe(0);
    expect(await undoGrade(db, me, g2.logId, later(3))).toMatchObject({ ok: true });
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
    const lapse = await answer(me, view, 1, NOW);
    if (!lapse.logId) throw new Error(JSON.stringify(lapse));
    expect(await db.reviewState.findFirstOrThrow({ where: { userId: me.id } })).toMatchObject({ repetitions: 0, intervalDays: 1, lapses: 3 });
    await undoGrade(db, me, lapse.logId, later(1));
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
    const at = new Date("2026-03-02T17:30:00Z");
    expect(await answer(me, view, 5, at)).toMatchObject({ status: "applied", kind: "review", at });
    expect((await sessionView(db, me, at)).left.review).toBe(1);
    // Interval round(6 × 2.5) = 15 learner days after 03-02: 03-17 04:00 in Shanghai.
    expect(await stateOf(me, cards[0].id)).toMatchObject({ intervalDays: 15, dueAt: new Date("2026-03-16T20:00:00.000Z") });
  });
});

describe("answer input validation", () => {
  it("accepts a well-formed answer and refuses malformed ones", () => {
    const good = { type: "grade", cardId: "c1", grade: 3, requestId: randomUUID(), answeredAt: NOW.getTime(), durationMs: 1200 };
    expect(syncInputSchema.safeParse({ userId: "u1", ops: [good] }).success).toBe(true);
    // The outbox's learner is named; its ops cannot name anyone.
    expect(syncInputSchema.safeParse({ ops: [good] }).success).toBe(false);
    for (const bad of [
      { ...good, grade: 6 },
      { ...good, grade: -1 },
      { ...good, grade: 2.5 },
      { ...good, grade: "5" },
      { ...good, answeredAt: -1 },
      { ...good, answeredAt: "2026-03-02" },
      { ...good, requestId: "not-a-uuid" },
      { ...good, cardId: "x".repeat(65) },
      { ...good, userId: "someone-else" },
      { ...good, durationMs: Number.NaN },
      { ...good, type: "drill" },
      {},
    ]) {
      expect(syncInputSchema.safeParse({ userId: "u1", ops: [bad] }).success).toBe(false);
    }
  });
});
