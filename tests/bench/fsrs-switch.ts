/**
 * Figures for switching algorithm (issue 18; nothing asserted):
 *
 *   npx tsx tests/bench/fsrs-switch.ts [reviews=10000]
 *
 * A learner on a temporary SQLite file with `reviews` SM-2 grades over reviews/10 cards (written
 * through the schedule model, state and log together), then: the switch to FSRS (every card's
 * memory from its history, one transaction), the switch back to SM-2, and the replay check of the
 * whole file after both (it must report no mismatch).
 */
import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import { performance } from "node:perf_hooks";
import Database from "better-sqlite3";
import { configureSqlite, createDb } from "@/lib/db/client";
import { dayStart } from "@/lib/core/srs/days";
import { cardToday, dayBounds, outcome, type Schedule, type TodayRow } from "@/lib/core/srs";
import { readSchedule, writeOutcome } from "@/lib/reviews/schedule-store";
import { setAlgorithm } from "@/lib/reviews/switch-algorithm";
import { checkReviewStates } from "@/lib/ops/replay";
import { seedDeck } from "../helpers/deck";
import { freshDatabaseFile } from "../helpers/test-db";
import { makeUser } from "../helpers/users";
import { syntheticHistory } from "../unit/stats/synthetic-learner";

const REVIEWS = Number(process.argv[2] ?? 10_000);
const PER_CARD = 10;
const TZ = "Europe/Berlin";

async function main() {
  const cards = Math.ceil(REVIEWS / PER_CARD);
  const events = syntheticHistory({ model: "sm2", cards, reviewsPerCard: PER_CARD, seed: 18, start: "2025-01-01" });
  const file = freshDatabaseFile("bench-fsrs-switch");
  const db = createDb(`file:${file}`);
  try {
    await configureSqlite(db);
    await seedDeck(db);
    const deckId = (await db.deck.findFirstOrThrow({ select: { id: true } })).id;
    const ids = Array.from({ length: cards }, () => randomUUID());
    await db.card.createMany({
      data: ids.map((id, i) => ({ id, deckId, key: `bench-${i}`, topic: "overview", position: 100_000 + i, frontZh: "-", frontEn: "-", backZh: "-", backEn: "-", source: "{}", contentHash: "-" })),
    });
    const u = await makeUser(db, { timeZone: TZ });
    const zone = { timeZone: TZ, rolloverHour: u.rolloverHour };
    let t = performance.now();
    const byCard = new Map<string, typeof events>();
    for (const e of events) byCard.set(e.cardKey, [...(byCard.get(e.cardKey) ?? []), e]);
    for (const [key, list] of byCard) {
      const cardId = ids[Number(key.slice(5))];
      await db.$transaction(async (tx) => {
        let schedule: Schedule | null = null;
        let today: TodayRow[] = [];
        let dayKey = "";
        for (const e of list) {
          const now = new Date(dayStart(e.day, TZ, zone.rolloverHour).getTime() + 5 * 3_600_000);
          const k = dayBounds(now, TZ, zone.rolloverHour).key;
          if (k !== dayKey) [dayKey, today] = [k, []];
          const o = outcome({ schedule, today: cardToday(today) }, { type: "grade", grade: e.grade }, { now, ...zone });
          const prior = await readSchedule(tx, u.id, cardId);
          await writeOutcome(tx, u.id, cardId, prior, o.schedule, o.log, { requestId: randomUUID(), durationMs: 1000 });
          schedule = o.schedule;
          today.push(o.log!);
        }
      });
    }
    console.log(`## Switching algorithm: ${events.length.toLocaleString("en")} grades over ${cards.toLocaleString("en")} cards (SQLite)\n`);
    console.log(`writing the history through the model: ${(performance.now() - t).toFixed(0)} ms`);
    const now = new Date("2027-01-01T12:00:00Z");
    t = performance.now();
    await setAlgorithm(db, u.id, { algorithm: "fsrs", desiredRetention: "0.9" }, now);
    console.log(`switch SM-2 → FSRS (one transaction): ${(performance.now() - t).toFixed(0)} ms`);
    t = performance.now();
    await setAlgorithm(db, u.id, { algorithm: "sm2", desiredRetention: "0.9" }, new Date(now.getTime() + 60_000));
    console.log(`switch FSRS → SM-2 (one transaction): ${(performance.now() - t).toFixed(0)} ms`);
    const sqlite = new Database(file, { readonly: true });
    t = performance.now();
    const report = checkReviewStates(sqlite);
    console.log(`replay check of the file: ${(performance.now() - t).toFixed(0)} ms, ${report.states} states, ${report.logs} log rows, ${report.mismatches.length} mismatches`);
    sqlite.close();
  } finally {
    await db.$disconnect();
    rmSync(file, { force: true });
  }
}

main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
