import { describe, expect, it } from "vitest";
import { default_w } from "ts-fsrs";
import { fitForLearner, MIN_REVIEWS_TO_FIT, trainingItems } from "@/lib/ops/fsrs-optimize";
import type { MemoryEvent } from "@/lib/core/stats/prediction";
import { syntheticHistory } from "../stats/synthetic-learner";

describe("trainingItems", () => {
  it("one item per review after a card's first, carrying the card's history with whole-day gaps", () => {
    const events: MemoryEvent[] = [
      { cardKey: "a", day: "2026-01-01", grade: 4 },
      { cardKey: "b", day: "2026-01-01", grade: 1 },
      { cardKey: "a", day: "2026-01-03", grade: 5 },
      { cardKey: "a", day: "2026-01-03", grade: 0 }, // same day: not a memory event
      { cardKey: "a", day: "2026-01-10", grade: 3 },
    ];
    const items = trainingItems(events).map((i) => i.reviews.map((r) => [r.rating, r.deltaT]));
    expect(items).toEqual([
      [[3, 0], [4, 2]],
      [[3, 0], [4, 2], [2, 7]],
    ]);
  });
});

describe("fitForLearner (the fsrs-rs optimizer through @open-spaced-repetition/binding)", () => {
  it("keeps the defaults below the review threshold", async () => {
    const few = syntheticHistory({ model: "fsrs", cards: 40, reviewsPerCard: 5, seed: 1 }); // 160 scored
    expect(await fitForLearner(few)).toEqual({ status: "too-few", reviews: 160, needed: MIN_REVIEWS_TO_FIT });
  });

  it("learns a learner who forgets faster than the defaults, and keeps the fit because it predicts newer reviews better", async () => {
    // Truth: a steeper forgetting curve and slower stability growth than FSRS's defaults.
    const truth = [...default_w];
    truth[8] = 1.2;
    truth[20] = 0.5;
    const events = syntheticHistory({ model: "fsrs", cards: 300, reviewsPerCard: 10, seed: 21, trueWeights: truth });
    const out = await fitForLearner(events);
    expect(out.status).toBe("fitted");
    if (out.status !== "fitted") return;
    expect(out.reviews).toBe(300 * 9);
    expect(out.holdout.fittedLogLoss).toBeLessThan(out.holdout.defaultLogLoss);
    expect(out.kept).toBe(true);
    expect(out.weights).toHaveLength(21);
    // The fitted decay moved from the default towards the truth.
    expect(Math.abs(out.weights[20] - truth[20])).toBeLessThan(Math.abs(default_w[20] - truth[20]));
  }, 60_000);
});
