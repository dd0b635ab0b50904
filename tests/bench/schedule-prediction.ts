/**
 * Figures for issue 18 (nothing asserted):
 *
 *   npx tsx --expose-gc tests/bench/schedule-prediction.ts [reviews=100000]
 *
 * 1. The pure evaluation (lib/core/stats/prediction.ts) of `reviews` scored reviews of a simulated
 *    learner: time and heap growth.
 * 2. The Progress use case (lib/progress/prediction.ts) on a temporary SQLite file holding the
 *    same history as review-log rows: read + day mapping + evaluation, median of 3.
 * 3. The optimizer (lib/ops/fsrs-optimize.ts) on 10,000 reviews: one fit, and the full
 *    fit-check-refit of fitForLearner.
 */
import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { configureSqlite, createDb } from "@/lib/db/client";
import { dayStart } from "@/lib/core/srs/days";
import { evaluateSchedules } from "@/lib/core/stats/prediction";
import { computeSchedulePrediction } from "@/lib/progress/prediction";
import { fitForLearner, fitWeights } from "@/lib/ops/fsrs-optimize";
import { seedDeck } from "../helpers/deck";
import { freshDatabaseFile } from "../helpers/test-db";
import { makeUser } from "../helpers/users";
import { syntheticHistory } from "../unit/stats/synthetic-learner";

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`;
const REVIEWS = Number(process.argv[2] ?? 100_000);
const PER_CARD = 11; // 10 scored reviews per card (SM-2 intervals grow past a century beyond that)
const TZ = "America/Los_Angeles";

async function main() {
  const cards = Math.ceil(REVIEWS / (PER_CARD - 1));
  let t = performance.now();
  const events = syntheticHistory({ model: "fsrs", cards, reviewsPerCard: PER_CARD, seed: 18, start: "2024-01-01" });
  console.error(`generated ${events.length} memory events for ${cards} cards in ${(performance.now() - t).toFixed(0)} ms`);

  gc();
  const heap0 = process.memoryUsage().heapUsed;
  t = performance.now();
  const e = evaluateSchedules(events);
  const pureMs = performance.now() - t;
  const heap1 = process.memoryUsage().heapUsed;
  console.log(`## Evaluation of ${e.reviews.toLocaleString("en")} scored reviews (${e.cards} cards)\n`);
  console.log(`pure evaluateSchedules: ${pureMs.toFixed(0)} ms, heap +${mb(heap1 - heap0)} (before GC)`);
  console.log(`log loss SM-2 ${e.sm2!.logLoss.toFixed(4)} / FSRS ${e.fsrs!.logLoss.toFixed(4)}; RMSE(bins) ${e.sm2!.rmseBins.toFixed(4)} / ${e.fsrs!.rmseBins.toFixed(4)}; AUC ${e.sm2!.auc!.toFixed(4)} / ${e.fsrs!.auc!.toFixed(4)}`);

  // The same history as one learner's review log in SQLite, through the Progress use case.
  const file = freshDatabaseFile("bench-prediction");
  const db = createDb(`file:${file}`);
  try {
    await configureSqlite(db);
    await seedDeck(db);
    // One card row per synthetic card (bench-only cards in the seeded deck).
    const deckId = (await db.deck.findFirstOrThrow({ select: { id: true } })).id;
    const ids = Array.from({ length: cards }, () => randomUUID());
    for (let i = 0; i < cards; i += 2000) {
      await db.card.createMany({
        data: ids.slice(i, i + 2000).map((id, j) => ({
          id, deckId, key: `bench-${i + j}`, topic: "overview", position: 100_000 + i + j,
          frontZh: "-", frontEn: "-", backZh: "-", backEn: "-", source: "{}", contentHash: "-",
        })),
      });
    }
    const u = await makeUser(db, { timeZone: TZ });
    const learner = { id: u.id, timeZone: TZ, rolloverHour: u.rolloverHour, newPerDay: u.newPerDay, maxReviewsPerDay: u.maxReviewsPerDay };
    const rows = events.map((ev) => {
      const at = new Date(dayStart(ev.day, TZ, u.rolloverHour).getTime() + 5 * 3_600_000);
      return {
        userId: u.id, cardId: ids[Number(ev.cardKey.slice(5))], grade: ev.grade, origin: "review", kind: "review",
        repsBefore: 0, easeBefore: 2.5, intervalBefore: 0, dueBefore: null, lapsesBefore: 0,
        repsAfter: 1, easeAfter: 2.5, intervalAfter: 1, dueAfter: at, lapsesAfter: 0,
        reviewedAt: at, durationMs: 1000, requestId: randomUUID(),
      };
    });
    for (let i = 0; i < rows.length; i += 5000) await db.reviewLog.createMany({ data: rows.slice(i, i + 5000) });
    gc();
    t = performance.now();
    const read = await db.reviewLog.findMany({
      where: { userId: u.id, origin: "review", undoneAt: null },
      orderBy: [{ reviewedAt: "asc" }, { id: "asc" }],
      select: { cardId: true, grade: true, reviewedAt: true },
    });
    console.log(`\nreading ${read.length.toLocaleString("en")} rows (3 columns) through Prisma: ${(performance.now() - t).toFixed(0)} ms`);
    const times: number[] = [];
    let scored = 0;
    for (let run = 0; run < 3; run++) {
      gc();
      t = performance.now();
      scored = (await computeSchedulePrediction(db, learner)).reviews; // the read and evaluation, not the per-learner memo
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    console.log(`\nProgress use case on SQLite (${rows.length.toLocaleString("en")} log rows, ${scored.toLocaleString("en")} scored): median ${times[1].toFixed(0)} ms (min ${times[0].toFixed(0)}, max ${times[2].toFixed(0)})`);
  } finally {
    await db.$disconnect();
    rmSync(file, { force: true });
  }

  // Optimizer on 10,000 scored reviews.
  const tenK = syntheticHistory({ model: "fsrs", cards: 1000, reviewsPerCard: PER_CARD, seed: 19 });
  t = performance.now();
  await fitWeights(tenK);
  const fitMs = performance.now() - t;
  t = performance.now();
  const out = await fitForLearner(tenK);
  const fullMs = performance.now() - t;
  console.log(`\n## Optimizer (fsrs-rs via @open-spaced-repetition/binding), 10,000 scored reviews\n`);
  console.log(`one fit: ${fitMs.toFixed(0)} ms; fitForLearner (fit on 80 %, check on 20 %, refit): ${fullMs.toFixed(0)} ms; ${JSON.stringify({ ...out, weights: undefined })}`);
}

main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
