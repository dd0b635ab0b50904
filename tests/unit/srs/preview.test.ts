import { describe, expect, it } from "vitest";
import { formatInterval, formatIntervalShort, previewGrades } from "@/lib/core/srs/preview";
import { INITIAL_SM2, QUALITIES, sm2, type Sm2State } from "@/lib/core/srs/sm2";

describe("previewGrades", () => {
  it("gives the outcome of all six grades for a new card", () => {
    expect(previewGrades(INITIAL_SM2)).toEqual({
      0: { repetitions: 0, easiness: 1.7, intervalDays: 1 },
      1: { repetitions: 0, easiness: 1.96, intervalDays: 1 },
      2: { repetitions: 0, easiness: 2.18, intervalDays: 1 },
      3: { repetitions: 1, easiness: 2.36, intervalDays: 1 },
      4: { repetitions: 1, easiness: 2.5, intervalDays: 1 },
      5: { repetitions: 1, easiness: 2.6, intervalDays: 1 },
    });
  });

  it.each<Sm2State>([
    INITIAL_SM2,
    { repetitions: 1, easiness: 2.6, intervalDays: 1 },
    { repetitions: 2, easiness: 1.3, intervalDays: 6 },
    { repetitions: 7, easiness: 2.84, intervalDays: 412 },
  ])("matches sm2 for every grade (%o)", (s) => {
    const p = previewGrades(s);
    expect(Object.keys(p).map(Number)).toEqual([0, 1, 2, 3, 4, 5]);
    for (const q of QUALITIES) expect(p[q]).toEqual(sm2(s, q));
  });
});

describe("formatInterval", () => {
  it.each([
    [0, 0, "d"],
    [1, 1, "d"],
    [6, 6, "d"],
    [29, 29, "d"],
    [30, 1, "mo"],
    [45, 1, "mo"],
    [46, 2, "mo"],
    [95, 3, "mo"],
    [131, 4, "mo"],
    [364, 12, "mo"],
    [365, 1, "y"],
    [393, 1.1, "y"],
    [400, 1.1, "y"],
    [730, 2, "y"],
    [1000, 2.7, "y"],
    [-5, 0, "d"],
    [NaN, 0, "d"],
    [1.6, 2, "d"],
  ])("%s days → %s %s", (days, value, unit) => {
    expect(formatInterval(days)).toEqual({ value, unit });
  });
});

describe("formatIntervalShort", () => {
  it.each([
    [1, "1 d", "1天"],
    [6, "6 d", "6天"],
    [95, "3 mo", "3个月"],
    [400, "1.1 y", "1.1年"],
    [730, "2 y", "2年"],
  ])("%s days → %s / %s", (days, en, zh) => {
    expect(formatIntervalShort(days, "en")).toBe(en);
    expect(formatIntervalShort(days, "zh-CN")).toBe(zh);
  });
});
