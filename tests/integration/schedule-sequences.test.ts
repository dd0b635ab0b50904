import { beforeAll, describe, expect, it } from "vitest";
import { readyDb, type Db } from "@/lib/db/client";
import { checkSchedule } from "@/lib/core/srs";
import { undoGrade } from "@/lib/reviews/undo";
import { applyQuizMiss } from "@/lib/reviews/quiz-miss";
import { loadQueue } from "@/lib/reviews/queue-data";
import { sessionView } from "../helpers/server-session";
import type { Learner } from "@/lib/reviews/learner";
import { answerCard } from "../helpers/answer";
import { seedDeck } from "../helpers/deck";
import { makeUser } from "../helpers/users";
import { storedSchedules } from "../helpers/stored-schedules";
import { randomOps, SimLearner, ZONES } from "../helpers/schedule-sim";

let db: Db;
let cards: { id: string; key: string }[];
beforeAll(async () => {
  db = await readyDb();
  await seedDeck(db);
  cards = await db.card.findMany({ where: { retiredAt: null }, orderBy: { position: "asc" }, take: 3, select: { id: true, key: true } });
});

const SEQUENCES = 24;

const storedOf = (userId: string) => storedSchedules(db, userId);

/**
 * The property test's sequences (tests/unit/srs/schedule-properties.test.ts) through the real use
 * cases: grades, repeats, quiz misses, undos and day rollovers across DST switches. After every
 * step each card's stored schedule equals the replay of its stored log, and equals what the
 * in-memory learner (the model alone) holds.
 */
describe("event sequences through the use cases", () => {
  it(`keep every schedule equal to the replay of its log and to the model (${SEQUENCES} sequences)`, async () => {
    const problems: string[] = [];
    let steps = 0;
    for (let n = 0; n < SEQUENCES && problems.length < 3; n++) {
      const { zone, start } = ZONES[n % ZONES.length];
      const u = await makeUser(db, { timeZone: zone.timeZone });
      await db.user.update({ where: { id: u.id }, data: { rolloverHour: zone.rolloverHour } });
      const learner: Learner = { id: u.id, ...zone, newPerDay: 200, maxReviewsPerDay: 500 };
      const sim = new SimLearner(zone, new Date(start), cards.length);
      for (const op of randomOps(1000 + n, cards.length, 18)) {
        sim.tick();
        const now = sim.now;
        if (op.type === "wait") {
          sim.wait(op.ms);
          continue;
        }
        if (op.type === "grade") {
          const card = cards[op.card];
          const queue = await loadQueue(db, learner, now);
          const offered = queue.queue.items.some((i) => i.cardId === card.id);
          expect(offered).toBe(sim.offers(op.card));
          if (!offered) continue;
          const out = await answerCard(db, learner, card.id, op.grade, now);
          const kind = sim.apply(op.card, { type: "grade", grade: op.grade });
          expect(out).toMatchObject({ status: "applied", kind, at: now });
        } else if (op.type === "quiz-miss") {
          await db.$transaction((tx) => applyQuizMiss(tx, learner, `q-${n}-${steps}`, [cards[op.card].key], now));
          sim.apply(op.card, { type: "quiz-miss" });
        } else if (op.type === "undo") {
          const view = await sessionView(db, learner, now);
          if (!view.undoLogId) {
            expect(sim.undo()).toBe(false);
            continue;
          }
          const out = await undoGrade(db, learner, view.undoLogId, now);
          expect(out.ok).toBe(true);
          expect(sim.undo()).toBe(true);
        } else {
          continue; // a quiz hit writes nothing
        }
        steps++;
        const { rows, states } = await storedOf(u.id);
        for (const [i, card] of cards.entries()) {
          const stored = states.get(card.id) ?? null;
          for (const p of checkSchedule(rows.get(card.id) ?? [], stored, zone)) problems.push(`seq ${n} ${op.type} card ${i}: ${p.problem}`);
          const model = sim.schedules[i];
          const same = JSON.stringify(model) === JSON.stringify(stored);
          if (!same) problems.push(`seq ${n} ${op.type} card ${i}: stored ${JSON.stringify(stored)} model ${JSON.stringify(model)}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(steps).toBeGreaterThan(SEQUENCES * 8);
  }, 600_000);
});
