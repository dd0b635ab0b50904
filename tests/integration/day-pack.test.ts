import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { readyDb, type Db } from "@/lib/db/client";
import { mulberry32 } from "@/lib/core/quiz/rng";
import { applyOps, checkSchedule, localSession, sameSchedule, type AnswerOp, type DayPack, type PackOp, type Quality } from "@/lib/core/srs";
import { loadDayPack } from "@/lib/reviews/day-pack";
import { applyQuizMiss } from "@/lib/reviews/quiz-miss";
import { sessionView } from "../helpers/server-session";
import { syncOps, type SyncOp } from "@/lib/reviews/sync";
import type { Learner } from "@/lib/reviews/learner";
import { seedDeck } from "../helpers/deck";
import { makeUser } from "../helpers/users";
import { storedSchedules } from "../helpers/stored-schedules";
import { ZONES } from "../helpers/schedule-sim";
import { packAlgorithm, shownByPack, shownByServer } from "../helpers/screen";

/**
 * The browser runs the learner's day from a pack (lib/core/srs/day-pack) and the server applies
 * the same answers later (lib/reviews/sync): both must agree, online (each answer sent at once) and
 * offline (answers kept, days passing, then sent together), and the log must replay to the states.
 */
let db: Db;
let keys: Map<string, string>;
beforeAll(async () => {
  db = await readyDb();
  await seedDeck(db);
  keys = new Map((await db.card.findMany({ select: { id: true, key: true } })).map((c) => [c.id, c.key]));
});

const MINUTE = 60_000;
const WAITS = [MINUTE, 9 * MINUTE, 2 * 60 * MINUTE, 9 * 60 * MINUTE, 26 * 60 * MINUTE, 4 * 24 * 60 * MINUTE];

async function newLearner(zone: { timeZone: string; rolloverHour: number }, start: Date, newPerDay = 6): Promise<Learner> {
  const u = await makeUser(db, { timeZone: zone.timeZone });
  await db.user.update({ where: { id: u.id }, data: { rolloverHour: zone.rolloverHour, newPerDay, createdAt: new Date(start.getTime() - 86_400_000) } });
  return { id: u.id, ...zone, newPerDay, maxReviewsPerDay: 200 };
}

const toSync = (op: PackOp): SyncOp => op;

async function replayProblems(learner: Learner): Promise<string[]> {
  const { rows, states } = await storedSchedules(db, learner.id);
  const out: string[] = [];
  for (const [cardId, list] of rows) for (const p of checkSchedule(list, states.get(cardId) ?? null, learner)) out.push(`${cardId}: ${p.problem}`);
  return out;
}

/** A random next op for the screen at `now`: mostly a grade of the card shown, sometimes an undo. */
function nextOp(rnd: () => number, pack: DayPack, ops: PackOp[], now: Date): PackOp | null {
  const s = localSession(applyOps(pack, ops, now, packAlgorithm(pack)), now, packAlgorithm(pack));
  if (s.undoTarget && rnd() < 0.15) return { type: "undo", requestId: randomUUID(), target: s.undoTarget, at: now };
  if (!s.card) return null;
  const grade = Math.floor(rnd() * 6) as Quality;
  return { type: "grade", requestId: randomUUID(), cardId: s.card.id, grade, answeredAt: now, durationMs: 1000 + Math.floor(rnd() * 5000), expected: s.card.expected };
}

describe("the browser's day and the server agree", () => {
  it("online: after every answer the screen's prediction equals the server's session and pack", async () => {
    let steps = 0;
    for (let n = 0; n < 10; n++) {
      const { zone, start } = ZONES[n % ZONES.length];
      const rnd = mulberry32(500 + n);
      let now = new Date(start);
      const learner = await newLearner(zone, now);
      for (let i = 0; i < 40; i++) {
        now = new Date(now.getTime() + (rnd() < 0.12 ? WAITS[Math.floor(rnd() * WAITS.length)] : 4000));
        const pack = await loadDayPack(db, learner, now);
        expect(shownByPack(pack, [], now), `seq ${n} step ${i}: pack vs server`).toEqual(await shownByServer(db, learner, now));
        if (rnd() < 0.08) {
          // Another device missed a quiz question about a card: the server moves it, the pack follows.
          const cardId = pack.states[Math.floor(rnd() * pack.states.length)]?.cardId;
          if (cardId) await db.$transaction((tx) => applyQuizMiss(tx, learner, `q-${n}-${i}`, [keys.get(cardId)!], now));
          continue;
        }
        const op = nextOp(rnd, pack, [], now);
        if (!op) continue;
        const predicted = shownByPack(pack, [op], now);
        const [result] = await syncOps(db, learner, [toSync(op)], now);
        expect(result.status, `seq ${n} step ${i}`).not.toBe("refused");
        expect(shownByPack(await loadDayPack(db, learner, now), [], now), `seq ${n} step ${i}: prediction vs server`).toEqual(predicted);
        steps++;
      }
      expect(await replayProblems(learner)).toEqual([]);
    }
    expect(steps).toBeGreaterThan(250);
  });

  it("offline: answers kept across days, then sent together, give the states the browser predicted, each applied once", async () => {
    const seen = { grades: 0, undos: 0, days: 0 };
    for (let n = 0; n < 10; n++) {
      const { zone, start } = ZONES[(n + 2) % ZONES.length];
      const rnd = mulberry32(900 + n);
      let now = new Date(start);
      const learner = await newLearner(zone, now);
      for (let round = 0; round < 3; round++) {
        const pack = await loadDayPack(db, learner, now);
        const ops: PackOp[] = [];
        // Offline for up to two learner days: the pack holds today's and tomorrow's cards.
        const until = pack.horizon.getTime() - 60_000;
        for (let i = 0; i < 30 && now.getTime() < until; i++) {
          const op = nextOp(rnd, pack, ops, now);
          if (op) ops.push(op);
          now = new Date(Math.min(until, now.getTime() + (rnd() < 0.1 ? WAITS[Math.floor(rnd() * WAITS.length)] : 5000)));
        }
        const local = applyOps(pack, ops, now, packAlgorithm(pack));
        seen.grades += ops.filter((o) => o.type === "grade").length;
        seen.undos += ops.filter((o) => o.type === "undo").length;
        if (now.getTime() >= pack.horizon.getTime() - 86_400_000 - 3_600_000) seen.days++;
        expect(local.refused.size).toBe(0);
        const syncAt = new Date(now.getTime() + 30 * MINUTE); // back online a little later
        const results = await syncOps(db, learner, ops.map(toSync), syncAt);
        expect(results.filter((r) => r.status === "refused")).toEqual([]);
        // Sent again (a retry after a lost reply): nothing changes.
        const before = await db.reviewLog.count({ where: { userId: learner.id } });
        await syncOps(db, learner, ops.map(toSync), new Date(syncAt.getTime() + MINUTE));
        expect(await db.reviewLog.count({ where: { userId: learner.id } })).toBe(before);
        const grades = ops.filter((o): o is AnswerOp => o.type === "grade");
        const logged = await db.reviewLog.findMany({ where: { userId: learner.id, requestId: { in: grades.map((g) => g.requestId) } }, select: { requestId: true, reviewedAt: true } });
        expect(logged.length).toBe(grades.length);
        // Each answer scheduled as of the moment it was given.
        for (const g of grades) expect(logged.find((l) => l.requestId === g.requestId)!.reviewedAt.getTime()).toBe(g.answeredAt.getTime());
        const { states } = await storedSchedules(db, learner.id);
        for (const [cardId, s] of local.states) expect(sameSchedule(states.get(cardId) ?? null, s.schedule), `seq ${n} round ${round} card ${cardId}`).toBe(true);
        expect(await replayProblems(learner)).toEqual([]);
        now = syncAt;
      }
    }
    // The sequences reach what they test: many answers, undos, and sessions that crossed into tomorrow.
    expect(seen.grades).toBeGreaterThan(300);
    expect(seen.undos).toBeGreaterThan(20);
    expect(seen.days).toBeGreaterThan(3);
  });
});

describe("answers from two devices and hostile timestamps", () => {
  const zone = { timeZone: "Europe/Berlin", rolloverHour: 4 };
  const NOW = new Date("2026-06-10T09:00:00Z");
  const grade = (cardId: string, g: Quality, answeredAt: Date): SyncOp => ({ type: "grade", requestId: randomUUID(), cardId, grade: g, answeredAt, durationMs: 2000 });

  it("the first answer to arrive sets the schedule; the other device's answer that day is a repeat", async () => {
    const learner = await newLearner(zone, NOW);
    const phone = await loadDayPack(db, learner, NOW);
    const card = phone.newCardIds[0];
    const laptopAt = new Date(NOW.getTime() + 10 * MINUTE);
    const phoneAt = new Date(NOW.getTime() + 5 * MINUTE); // earlier, but offline until later
    const [laptop] = await syncOps(db, learner, [grade(card, 4, laptopAt)], laptopAt);
    expect(laptop).toMatchObject({ status: "applied", kind: "new" });
    const after = await db.reviewState.findUniqueOrThrow({ where: { userId_cardId: { userId: learner.id, cardId: card } } });
    const [late] = await syncOps(db, learner, [grade(card, 1, phoneAt)], new Date(NOW.getTime() + 60 * MINUTE));
    // Not before the card's previous answer: dated just after the laptop's moment, and a repeat.
    expect(late).toMatchObject({ status: "applied", kind: "drill", at: new Date(laptopAt.getTime() + 1) });
    const now = await db.reviewState.findUniqueOrThrow({ where: { userId_cardId: { userId: learner.id, cardId: card } } });
    expect(now.dueAt).toEqual(after.dueAt);
    // Its grade 1 brings the card back today on every device.
    const v = await sessionView(db, learner, new Date(NOW.getTime() + 61 * MINUTE));
    expect(v.left.drill).toBe(1);
    expect(await replayProblems(learner)).toEqual([]);
  });

  it("an answer to a card another device moved to a later day is refused, and nothing is written", async () => {
    const learner = await newLearner(zone, NOW);
    const card = (await loadDayPack(db, learner, NOW)).newCardIds[0];
    await syncOps(db, learner, [grade(card, 5, NOW)], NOW); // due tomorrow
    const tomorrow = new Date(NOW.getTime() + 24 * 60 * MINUTE);
    // The laptop answers it tomorrow (6 days more); the phone, offline with yesterday's pack, the day after.
    expect((await syncOps(db, learner, [grade(card, 5, tomorrow)], tomorrow))[0]).toMatchObject({ status: "applied", kind: "review" });
    const dayAfter = new Date(NOW.getTime() + 48 * 60 * MINUTE);
    const rows = await db.reviewLog.count({ where: { userId: learner.id } });
    expect((await syncOps(db, learner, [grade(card, 3, dayAfter)], dayAfter))[0]).toMatchObject({ status: "refused", error: "not-due" });
    expect(await db.reviewLog.count({ where: { userId: learner.id } })).toBe(rows);
  });

  it("clamps answers from the future to now and before the card's previous answer to it", async () => {
    const learner = await newLearner(zone, NOW);
    const [a, b] = (await loadDayPack(db, learner, NOW)).newCardIds;
    const [future] = await syncOps(db, learner, [grade(a, 4, new Date(NOW.getTime() + 365 * 86_400_000))], NOW);
    expect(future).toMatchObject({ status: "applied", at: NOW });
    const [first] = await syncOps(db, learner, [grade(b, 2, NOW)], NOW);
    expect(first).toMatchObject({ status: "applied" });
    const [past] = await syncOps(db, learner, [grade(b, 5, new Date("2020-01-01T00:00:00Z"))], new Date(NOW.getTime() + MINUTE));
    expect(past).toMatchObject({ status: "applied", kind: "drill", at: new Date(NOW.getTime() + 1) });
    expect(await replayProblems(learner)).toEqual([]);
  });

  it("never undoes another learner's answer", async () => {
    const me = await newLearner(zone, NOW);
    const other = await newLearner(zone, NOW);
    const card = (await loadDayPack(db, other, NOW)).newCardIds[0];
    const theirs = grade(card, 4, NOW);
    await syncOps(db, other, [theirs], NOW);
    const [undo] = await syncOps(db, me, [{ type: "undo", requestId: randomUUID(), target: theirs.requestId, at: NOW }], NOW);
    expect(undo).toMatchObject({ status: "refused", error: "not-found" });
    expect(await db.reviewLog.count({ where: { userId: other.id, undoneAt: null } })).toBe(1);
  });
});
