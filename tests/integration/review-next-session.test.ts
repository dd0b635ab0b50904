import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { readyDb, type Db } from "@/lib/db/client";
import { gradeCard } from "@/lib/reviews/grade";
import { undoGrade } from "@/lib/reviews/undo";
import { sessionView } from "@/lib/reviews/view";
import type { Learner } from "@/lib/reviews/learner";
import { mulberry32 } from "@/lib/core/quiz/rng";
import type { Quality } from "@/lib/core/srs";
import { seedDeck } from "../helpers/deck";
import { makeUser } from "../helpers/users";

let db: Db;
beforeAll(async () => {
  db = await readyDb();
  await seedDeck(db);
});

const START = new Date("2026-03-01T06:00:00Z");
const HOUR = 3_600_000;

/**
 * The grade answers with the next card from the queue it read before writing, updated in memory
 * (lib/reviews/queue-data.ts queueAfterGrade), not read again. Weeks of random grading, with
 * drills, caps, undos and day rollovers, must give exactly what a fresh read gives after each grade.
 */
describe("the session a grade answers with", () => {
  const cases: [string, Partial<Learner>][] = [
    ["small caps", { newPerDay: 4, maxReviewsPerDay: 6 }],
    ["default caps", { newPerDay: 20, maxReviewsPerDay: 200 }],
    ["no new cards after the first day", { newPerDay: 0, maxReviewsPerDay: 3 }],
  ];
  for (const [label, caps] of cases) {
    it(`equals a fresh read of the queue after every grade (${label})`, async () => {
      const rand = mulberry32(label.length * 7919);
      const u = await makeUser(db, { timeZone: "America/New_York" });
      const learner: Learner = { id: u.id, timeZone: "America/New_York", rolloverHour: 4, newPerDay: 5, maxReviewsPerDay: 200, ...caps };
      let grades = 0;
      for (let day = 0; day < 12; day++) {
        const me = day === 0 ? { ...learner, newPerDay: Math.max(learner.newPerDay, 3) } : learner;
        for (const hour of [1, 9, 23]) {
          let now = new Date(START.getTime() + day * 24 * HOUR + hour * HOUR);
          let view = await sessionView(db, me, now);
          for (let step = 0; view.card && step < 25; step++) {
            const quality = Math.floor(rand() * 6) as Quality;
            const out = await gradeCard(db, me, { cardId: view.card.id, quality, expectedVersion: view.card.version, requestId: randomUUID(), durationMs: 1000 + step }, now);
            expect(out.ok).toBe(true);
            if (!out.ok) return;
            grades++;
            expect(out.session).toEqual(await sessionView(db, me, now));
            view = out.session;
            now = new Date(now.getTime() + 20_000);
            if (rand() < 0.1) {
              const undone = await undoGrade(db, me, out.result.logId, now);
              expect(undone.ok).toBe(true);
              view = await sessionView(db, me, now);
            }
          }
        }
      }
      expect(grades).toBeGreaterThan(60);
    });
  }
});
