import { describe, expect, it } from "vitest";
import { EASINESS_BINS, histogram } from "@/lib/core/stats/histogram";
import { classifyCard, stateCounts } from "@/lib/core/stats/states";

describe("card states", () => {
  it.each([
    [{ retired: false, state: null }, "new"],
    [{ retired: false, state: { repetitions: 0, intervalDays: 1 } }, "learning"],
    [{ retired: false, state: { repetitions: 1, intervalDays: 1 } }, "learning"],
    [{ retired: false, state: { repetitions: 2, intervalDays: 6 } }, "young"],
    [{ retired: false, state: { repetitions: 4, intervalDays: 20 } }, "young"],
    [{ retired: false, state: { repetitions: 4, intervalDays: 21 } }, "mature"],
    [{ retired: false, state: { repetitions: 1, intervalDays: 30 } }, "learning"],
    [{ retired: true, state: { repetitions: 5, intervalDays: 90 } }, "retired"],
    [{ retired: true, state: null }, null],
  ] as const)("%j → %s", (card, expected) => {
    expect(classifyCard(card)).toBe(expected);
  });

  it("counts from aggregates: new = active cards the learner has no state for", () => {
    expect(
      stateCounts({
        activeCards: 79,
        activeStates: [
          { repetitions: 0, intervalDays: 1, count: 3 },
          { repetitions: 1, intervalDays: 1, count: 4 },
          { repetitions: 2, intervalDays: 6, count: 5 },
          { repetitions: 5, intervalDays: 21, count: 6 },
          { repetitions: 6, intervalDays: 80, count: 1 },
        ],
        retiredStudied: 2,
      }),
    ).toEqual({ new: 60, learning: 7, young: 5, mature: 7, retired: 2, total: 81 });
  });
});

describe("easiness histogram", () => {
  it("bins exactly at the edges (no floating-point drift) and keeps the extremes in the end bins", () => {
    const bins = histogram(
      [
        { value: 1.3, count: 2 },
        { value: 1.4999, count: 1 },
        { value: 1.5, count: 1 },
        { value: 2.5, count: 10 },
        { value: 2.8000000000000003, count: 1 },
        { value: 2.9, count: 1 },
        { value: 3.7, count: 1 },
        { value: 1.1, count: 1 }, // below the floor: first bin
        { value: Number.NaN, count: 5 },
        { value: 2, count: 0 },
      ],
      EASINESS_BINS,
    );
    expect(bins.map((b) => [b.from, b.to, b.count])).toEqual([
      [1.3, 1.5, 4],
      [1.5, 1.7, 1],
      [1.7, 1.9, 0],
      [1.9, 2.1, 0],
      [2.1, 2.3, 0],
      [2.3, 2.5, 0],
      [2.5, 2.7, 10],
      [2.7, 2.9, 1],
      [2.9, null, 2],
    ]);
  });
  it("rejects a bad layout", () => {
    expect(() => histogram([], { min: 0, step: 0, bins: 3 })).toThrow(RangeError);
  });
});
