import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { readyDb, type Db } from "@/lib/db/client";
import { loadDayPack } from "@/lib/reviews/day-pack";
import { syncOps } from "@/lib/reviews/sync";
import type { Learner } from "@/lib/reviews/learner";
import { mulberry32 } from "@/lib/core/quiz/rng";
import { applyOps, localSession, type AnswerOp, type Quality, type UndoOp } from "@/lib/core/srs";
import { seedDeck } from "../helpers/deck";
import { makeUser } from "../helpers/users";
import { packAlgorithm, shownByPack, shownByServer } from "../helpers/screen";

let db: Db;
beforeAll(async () => {
  db = await readyDb();
  await seedDeck(db);
});

const START = new Date("2026-03-01T06:00:00Z");
const HOUR = 3_600_000;

/**
 * After an answer the review screen shows the next card at once, computed in the browser from the
 * day pack it holds plus the answer not yet acknowledged (lib/core/srs/day-pack), not read again.
 * Weeks of random answers through the app's path (syncOps), with repeats, caps, undos and day
 * rollovers, must show exactly what the server shows after each one: its session view and the
 * day pack it answers with.
 */
describe("the next card after an answer", () => {
  const cases: [string, Partial<Learner>][] = [
    ["small caps", { newPerDay: 4, maxReviewsPerDay: 6 }],
    ["default caps", { newPerDay: 20, maxReviewsPerDay: 200 }],
    ["no new cards after the first day", { newPerDay: 0, maxReviewsPerDay: 3 }],
  ];
  for (const [label, caps] of cases) {
    it(`equals what the server shows after every answer and undo (${label})`, async () => {
      const rand = mulberry32(label.length * 7919);
      const u = await makeUser(db, { timeZone: "America/New_York" });
      await db.user.update({ where: { id: u.id }, data: { createdAt: new Date(START.getTime() - 24 * HOUR) } });
      const learner: Learner = { id: u.id, timeZone: "America/New_York", rolloverHour: 4, newPerDay: 5, maxReviewsPerDay: 200, ...caps };
      const seen = { grades: 0, undos: 0 };
      for (let day = 0; day < 12; day++) {
        const me = day === 0 ? { ...learner, newPerDay: Math.max(learner.newPerDay, 3) } : learner;
        for (const hour of [1, 9, 23]) {
          let now = new Date(START.getTime() + day * 24 * HOUR + hour * HOUR);
          let pack = await loadDayPack(db, me, now);
          expect(shownByPack(pack, [], now)).toEqual(await shownByServer(db, me, now));
          /** Sends one op as the outbox does; the screen's prediction must be what the server then shows. */
          const send = async (op: AnswerOp | UndoOp, status: string) => {
            const predicted = shownByPack(pack, [op], now);
            expect((await syncOps(db, me, [op], now))[0].status).toBe(status);
            pack = await loadDayPack(db, me, now);
            expect(shownByPack(pack, [], now), `day ${day} ${hour}h: the pack after ${op.type}`).toEqual(predicted);
            expect(await shownByServer(db, me, now), `day ${day} ${hour}h: the server after ${op.type}`).toEqual(predicted);
          };
          for (let step = 0; step < 25; step++) {
            const card = localSession(applyOps(pack, [], now, packAlgorithm(pack)), now, packAlgorithm(pack)).card;
            if (!card) break;
            const grade = Math.floor(rand() * 6) as Quality;
            const answer: AnswerOp = { type: "grade", requestId: randomUUID(), cardId: card.id, grade, answeredAt: now, durationMs: 1000 + step, expected: card.expected };
            await send(answer, "applied");
            seen.grades++;
            now = new Date(now.getTime() + 20_000);
            if (rand() < 0.1) {
              await send({ type: "undo", requestId: randomUUID(), target: answer.requestId, at: now }, "undone");
              seen.undos++;
            }
          }
        }
      }
      expect(seen.grades).toBeGreaterThan(60);
      expect(seen.undos).toBeGreaterThan(3);
    }, 180_000);
  }
});
