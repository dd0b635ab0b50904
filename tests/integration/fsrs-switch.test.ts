import { randomUUID } from "node:crypto";
import { storedSchedules } from "../helpers/stored-schedules";
import { beforeAll, describe, expect, it } from "vitest";
import { readyDb, type Db } from "@/lib/db/client";
import { algorithmFor, checkSchedule, fsrsAlgorithm, parseWeights, rescheduleUnder, sameSchedule, SM2_ALGORITHM } from "@/lib/core/srs";
import { undoGrade } from "@/lib/reviews/undo";
import { applyQuizMiss } from "@/lib/reviews/quiz-miss";
import { loadQueue } from "@/lib/reviews/queue-data";
import { sessionView } from "../helpers/server-session";
import { setAlgorithm } from "@/lib/reviews/switch-algorithm";
import { claimFit, runFit } from "@/lib/reviews/fsrs-fit";
import type { Learner } from "@/lib/reviews/learner";
import { exportLearnerData } from "@/lib/accounts/export";
import { replayExport, type ExportForReplay } from "@/lib/accounts/export-replay";
import { mulberry32 } from "@/lib/core/quiz/rng";
import { answerCard } from "../helpers/answer";
import { seedDeck } from "../helpers/deck";
import { makeUser } from "../helpers/users";
import { randomOps, SimLearner, ZONES } from "../helpers/schedule-sim";

let db: Db;
let cards: { id: string; key: string }[];
beforeAll(async () => {
  db = await readyDb();
  await seedDeck(db);
  cards = await db.card.findMany({ where: { retiredAt: null }, orderBy: { position: "asc" }, take: 3, select: { id: true, key: true } });
});

const SEQUENCES = 16;
/** What Settings can choose, and the same algorithms for the in-memory learner. */
const CHOICES = [
  { form: { algorithm: "sm2", desiredRetention: "0.9" }, algorithm: SM2_ALGORITHM },
  { form: { algorithm: "fsrs", desiredRetention: "0.9" }, algorithm: fsrsAlgorithm({ desiredRetention: 0.9 }) },
  { form: { algorithm: "fsrs", desiredRetention: "0.75" }, algorithm: fsrsAlgorithm({ desiredRetention: 0.75 }) },
];

async function storedOf(userId: string) {
  const { rows, states } = await storedSchedules(db, userId);
  const switches = (await db.algorithmSwitch.findMany({ where: { userId }, orderBy: [{ at: "asc" }, { id: "asc" }] })).map((s) => ({
    at: s.at,
    algorithm: algorithmFor({ algorithm: s.algorithm, desiredRetention: s.desiredRetention, weights: parseWeights(s.weights) }),
  }));
  return { rows, states, switches };
}

/**
 * Switching algorithm through the real use cases on a real database: random grades, repeats,
 * quiz misses, undos, day rollovers and switches among SM-2 and FSRS (two retentions), and after
 * every step each card's stored schedule equals the replay of its stored log (told of the switches
 * the AlgorithmSwitch table keeps), the in-memory learner's, and its whole history under the
 * algorithm in force — switching back to SM-2 restores exactly the SM-2 schedule.
 */
describe("switching between SM-2 and FSRS through the use cases", () => {
  it(`keeps every schedule equal to the replay of its log (${SEQUENCES} sequences)`, async () => {
    const problems: string[] = [];
    const seen = { switches: 0, fsrsGrades: 0, undoRefused: 0, previews: 0 };
    for (let n = 0; n < SEQUENCES && problems.length < 3; n++) {
      const { zone, start } = ZONES[n % ZONES.length];
      const u = await makeUser(db, { timeZone: zone.timeZone });
      await db.user.update({ where: { id: u.id }, data: { rolloverHour: zone.rolloverHour } });
      const learner: Learner = { id: u.id, ...zone, newPerDay: 200, maxReviewsPerDay: 500 };
      const sim = new SimLearner(zone, new Date(start), cards.length);
      for (const op of randomOps(5000 + n, cards.length, 20, CHOICES.length)) {
        sim.tick();
        const now = sim.now;
        if (op.type === "wait") {
          sim.wait(op.ms);
          continue;
        }
        if (op.type === "switch") {
          const out = await setAlgorithm(db, u.id, CHOICES[op.to].form, now);
          expect(out.ok).toBe(true);
          if (out.ok && out.switched) {
            sim.switchTo(CHOICES[op.to].algorithm);
            seen.switches++;
          }
          // The learner's committed settings are what a fresh page load reads.
          const stored = await db.user.findUniqueOrThrow({ where: { id: u.id }, select: { algorithm: true, desiredRetention: true } });
          expect(stored.algorithm).toBe(sim.algorithm.name);
          learner.algorithm = stored.algorithm;
          learner.desiredRetention = stored.desiredRetention;
        } else if (op.type === "grade") {
          const card = cards[op.card];
          const queue = await loadQueue(db, learner, now);
          const offered = queue.queue.items.some((i) => i.cardId === card.id);
          expect(offered).toBe(sim.offers(op.card));
          if (!offered) continue;
          const view = await sessionView(db, learner, now);
          const out = await answerCard(db, learner, card.id, op.grade, now);
          const kind = sim.apply(op.card, { type: "grade", grade: op.grade });
          expect(out).toMatchObject({ status: "applied", kind, at: now });
          if (sim.algorithm.name === "fsrs" && kind !== "drill") seen.fsrsGrades++;
          // Preview = commit: the card on screen showed the interval the answer stored.
          if (view.card?.id === card.id && kind !== "drill") {
            expect(view.card.algorithm).toBe(sim.algorithm.name);
            const stored = await db.reviewState.findUniqueOrThrow({ where: { userId_cardId: { userId: u.id, cardId: card.id } } });
            expect(view.card.labels[op.grade].intervalDays).toBe(stored.intervalDays);
            seen.previews++;
          }
        } else if (op.type === "quiz-miss") {
          await db.$transaction((tx) => applyQuizMiss(tx, learner, `q-${n}-${randomUUID()}`, [cards[op.card].key], now));
          sim.apply(op.card, { type: "quiz-miss" });
        } else if (op.type === "undo") {
          const view = await sessionView(db, learner, now);
          if (!view.undoLogId) {
            expect(sim.undo()).toBe(false);
            continue;
          }
          const out = await undoGrade(db, learner, view.undoLogId, now);
          const undone = sim.undo();
          expect(out.ok).toBe(undone);
          if (!undone) seen.undoRefused++;
        } else {
          continue;
        }
        const { rows, states, switches } = await storedOf(u.id);
        for (const [i, card] of cards.entries()) {
          const stored = states.get(card.id) ?? null;
          const cardRows = rows.get(card.id) ?? [];
          for (const p of checkSchedule(cardRows, stored, zone, switches)) problems.push(`seq ${n} ${op.type} card ${i}: ${p.problem}`);
          if (!sameSchedule(sim.schedules[i], stored)) problems.push(`seq ${n} ${op.type} card ${i}: stored ${JSON.stringify(stored)} model ${JSON.stringify(sim.schedules[i])}`);
          if (stored && !sameSchedule(rescheduleUnder(cardRows, sim.algorithm, zone), stored)) problems.push(`seq ${n} ${op.type} card ${i}: not its history under ${sim.algorithm.name}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(seen.switches).toBeGreaterThan(SEQUENCES);
    expect(seen.fsrsGrades).toBeGreaterThan(SEQUENCES);
    expect(seen.previews).toBeGreaterThan(SEQUENCES);
    expect(seen.undoRefused).toBeGreaterThan(0);
  }, 600_000);

  it("refuses a retention outside 0.70–0.97 or an unknown algorithm and writes nothing; the same choice twice switches once", async () => {
    const u = await makeUser(db, { timeZone: "UTC" });
    for (const bad of [{ algorithm: "fsrs", desiredRetention: "0.69" }, { algorithm: "fsrs", desiredRetention: "0.98" }, { algorithm: "fsrs", desiredRetention: "NaN" }, { algorithm: "anki", desiredRetention: "0.9" }, { algorithm: "fsrs" }, { algorithm: "fsrs", desiredRetention: "0.9", extra: 1 }]) {
      const out = await setAlgorithm(db, u.id, bad, new Date());
      expect(out.ok).toBe(false);
    }
    expect(await db.algorithmSwitch.count({ where: { userId: u.id } })).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: u.id } })).algorithm).toBe("sm2");
    const ok = { algorithm: "fsrs", desiredRetention: "0.85" };
    expect(await setAlgorithm(db, u.id, ok, new Date())).toEqual({ ok: true, switched: true });
    expect(await setAlgorithm(db, u.id, ok, new Date())).toEqual({ ok: true, switched: false });
    expect(await db.algorithmSwitch.count({ where: { userId: u.id } })).toBe(1);
  });

  it("dates an answer given before a switch that committed first (another tab) at the switch, scheduled by the new algorithm", async () => {
    const t = new Date("2026-02-01T12:00:00Z");
    const u = await makeUser(db, { timeZone: "UTC" });
    await db.user.update({ where: { id: u.id }, data: { createdAt: new Date(t.getTime() - 86_400_000) } }); // answers may be dated back to then
    const learner: Learner = { id: u.id, timeZone: "UTC", rolloverHour: 4, newPerDay: 20, maxReviewsPerDay: 200 };
    const card = (await loadQueue(db, learner, t)).queue.items[0].cardId;
    const switchedAt = new Date(t.getTime() + 1000);
    expect(await setAlgorithm(db, u.id, { algorithm: "fsrs", desiredRetention: "0.9" }, switchedAt)).toMatchObject({ ok: true, switched: true });
    // Given at t on a screen that still showed SM-2's intervals, delivered after the switch.
    const late = await answerCard(db, learner, card, 4, t, { deliveredAt: new Date(t.getTime() + 2000) });
    expect(late).toMatchObject({ status: "applied", kind: "new", at: switchedAt });
    expect(await db.reviewLog.findFirstOrThrow({ where: { userId: u.id } })).toMatchObject({ algorithm: "fsrs", reviewedAt: switchedAt });

    // A quiz miss whose moment precedes a later switch is logged at the switch, by the new algorithm.
    const cardKey = (await db.card.findUniqueOrThrow({ where: { id: card }, select: { key: true } })).key;
    const switchAt = new Date(t.getTime() + 5000);
    expect(await setAlgorithm(db, u.id, { algorithm: "sm2", desiredRetention: "0.9" }, switchAt)).toMatchObject({ switched: true });
    await db.$transaction((tx) => applyQuizMiss(tx, learner, "q-race", [cardKey], new Date(t.getTime() + 3000)));
    const miss = await db.reviewLog.findFirstOrThrow({ where: { userId: u.id, origin: "quiz" } });
    expect(miss.reviewedAt).toEqual(switchAt);
    expect(miss.algorithm).toBe("sm2");
    const { rows, states, switches } = await storedOf(u.id);
    expect(checkSchedule(rows.get(card) ?? [], states.get(card) ?? null, { timeZone: "UTC", rolloverHour: 4 }, switches)).toEqual([]);
  });

  it("fits a learner on FSRS to a long history and, when the fit is kept, switches to its weights exactly; the account export replays cleanly", async () => {
    const u = await makeUser(db, { timeZone: "Europe/Berlin" });
    const learner: Learner = { id: u.id, timeZone: "Europe/Berlin", rolloverHour: 4, newPerDay: 40, maxReviewsPerDay: 9999 };
    let now = new Date("2026-01-05T09:00:00Z");
    expect(await setAlgorithm(db, u.id, { algorithm: "fsrs", desiredRetention: "0.9" }, now)).toEqual({ ok: true, switched: true });
    Object.assign(learner, { algorithm: "fsrs", desiredRetention: 0.9 });
    // A memory that forgets much faster than FSRS's defaults assume (half-life 2 days, whatever the
    // history): answered 4 when recalled, 1 when not. The fit can only beat the defaults by learning that.
    const rnd = mulberry32(18);
    const last = new Map<string, number>();
    for (let day = 0; day < 75; day++) {
      const queue = await loadQueue(db, learner, now);
      for (const item of queue.queue.items) {
        if (item.kind === "drill") continue;
        const seen = last.get(item.cardId);
        const recalled = seen === undefined ? rnd() < 0.7 : rnd() < 0.5 ** ((now.getTime() - seen) / 86_400_000 / 2);
        const out = await answerCard(db, learner, item.cardId, recalled ? 4 : 1, now);
        expect(out.status).toBe("applied");
        last.set(item.cardId, now.getTime());
      }
      now = new Date(now.getTime() + 86_400_000);
    }
    const switchesBefore = await db.algorithmSwitch.count({ where: { userId: u.id } });
    expect(await claimFit(db, u.id, now)).toBe(true);
    const fit = await runFit(db, u.id, () => now);
    expect(fit?.status).toBe("fitted");
    const user = await db.user.findUniqueOrThrow({ where: { id: u.id } });
    // Seeded: this history is one the fit must win on held-out reviews (it forgets far faster).
    expect(fit).toMatchObject({ status: "fitted", kept: true });
    expect(user.fsrsFitStatus).toBe("kept");
    expect(JSON.parse(user.fsrsWeights!)).toEqual(fit?.status === "fitted" ? fit.weights : null);
    expect(await db.algorithmSwitch.count({ where: { userId: u.id } })).toBe(switchesBefore + 1);
    // Every card's memory was recomputed from its history with the fitted weights.
    const fitted = fsrsAlgorithm({ desiredRetention: 0.9, weights: JSON.parse(user.fsrsWeights!) as number[] });
    const { rows: allRows } = await storedOf(u.id);
    for (const [cardId, cardRows] of allRows) {
      const state = await db.reviewState.findUniqueOrThrow({ where: { userId_cardId: { userId: u.id, cardId } } });
      expect(state.stability).toBe(rescheduleUnder(cardRows, fitted, { timeZone: "Europe/Berlin", rolloverHour: 4 })!.stability);
    }
    const { rows, states, switches } = await storedOf(u.id);
    const problems = [...states.keys()].flatMap((id) => checkSchedule(rows.get(id) ?? [], states.get(id)!, { timeZone: "Europe/Berlin", rolloverHour: 4 }, switches));
    expect(problems).toEqual([]);
    const exported = JSON.parse(JSON.stringify(await exportLearnerData(db, u.id, now))) as ExportForReplay;
    expect(replayExport(exported)).toEqual([]);
    expect(replayExport({ ...exported, algorithmSwitches: [] }).length).toBeGreaterThan(0);
  }, 300_000);

  it("a fit with too few reviews keeps the default weights and says so; one fit runs at a time", async () => {
    const u = await makeUser(db, { timeZone: "UTC" });
    expect(await claimFit(db, u.id, new Date())).toBe(true);
    expect(await claimFit(db, u.id, new Date())).toBe(false); // a double click starts one fit
    const fit = await runFit(db, u.id, () => new Date());
    expect(fit).toMatchObject({ status: "too-few", needed: 400 });
    const after = await db.user.findUniqueOrThrow({ where: { id: u.id } });
    expect(after.fsrsFitStatus).toBe("too-few");
    expect(after.fsrsWeights).toBeNull();
    expect(await claimFit(db, u.id, new Date())).toBe(true);
  });
});
