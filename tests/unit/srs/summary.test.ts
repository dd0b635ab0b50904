import { describe, expect, it } from "vitest";
import { sessionSummary } from "@/lib/core/srs/summary";

describe("sessionSummary", () => {
  it("empty session", () => {
    expect(sessionSummary([])).toEqual({ reviewed: 0, shareAtLeast3: 0, timeMs: 0 });
  });

  it("counts grades, share of grades ≥ 3 and total time", () => {
    expect(
      sessionSummary([
        { grade: 5, durationMs: 4_000 },
        { grade: 3, durationMs: 6_500 },
        { grade: 2, durationMs: 12_000 },
        { grade: 0, durationMs: 1_500 },
      ]),
    ).toEqual({ reviewed: 4, shareAtLeast3: 0.5, timeMs: 24_000 });
  });

  it("grade 3 exactly counts as ≥ 3; all passes → 1", () => {
    expect(sessionSummary([{ grade: 3, durationMs: 1 }, { grade: 4, durationMs: 1 }]).shareAtLeast3).toBe(1);
    expect(sessionSummary([{ grade: 2, durationMs: 1 }]).shareAtLeast3).toBe(0);
    expect(sessionSummary([{ grade: 3, durationMs: 1 }, { grade: 1, durationMs: 1 }, { grade: 1, durationMs: 1 }]).shareAtLeast3).toBeCloseTo(1 / 3);
  });

  it("ignores negative or non-finite durations", () => {
    expect(
      sessionSummary([
        { grade: 4, durationMs: -50 },
        { grade: 4, durationMs: NaN },
        { grade: 4, durationMs: Infinity },
        { grade: 4, durationMs: 700 },
      ]).timeMs,
    ).toBe(700);
  });
});
