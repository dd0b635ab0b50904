import { describe, expect, it } from "vitest";
import { INITIAL_SM2, isQuality, sm2, type Quality, type Sm2State } from "@/lib/core/srs/sm2";

/** Apply grades in order, returning every intermediate state. */
function run(grades: Quality[], from: Sm2State = INITIAL_SM2): Sm2State[] {
  const out: Sm2State[] = [];
  let s = from;
  for (const q of grades) {
    s = sm2(s, q);
    out.push(s);
  }
  return out;
}

describe("INITIAL_SM2", () => {
  it("is a fresh card", () => {
    expect(INITIAL_SM2).toEqual({ repetitions: 0, easiness: 2.5, intervalDays: 0 });
  });
  it("cannot be mutated by accident", () => {
    expect(Object.isFrozen(INITIAL_SM2)).toBe(true);
  });
});

describe("sm2 — hand-computed sequences", () => {
  it("six grades of 5", () => {
    // step | reps before | EF before | interval                  | EF after (+0.1)
    //   1  |      0      |   2.5     | 1                         | 2.6
    //   2  |      1      |   2.6     | 6                         | 2.7
    //   3  |      2      |   2.7     | round(6 × 2.7 = 16.2) = 16 | 2.8
    //   4  |      3      |   2.8     | round(16 × 2.8 = 44.8) = 45 | 2.9
    //   5  |      4      |   2.9     | round(45 × 2.9 = 130.5) = 131 | 3.0
    //   6  |      5      |   3.0     | round(131 × 3.0 = 393) = 393 | 3.1
    expect(run([5, 5, 5, 5, 5, 5])).toEqual([
      { repetitions: 1, easiness: 2.6, intervalDays: 1 },
      { repetitions: 2, easiness: 2.7, intervalDays: 6 },
      { repetitions: 3, easiness: 2.8, intervalDays: 16 },
      { repetitions: 4, easiness: 2.9, intervalDays: 45 },
      { repetitions: 5, easiness: 3.0, intervalDays: 131 },
      { repetitions: 6, easiness: 3.1, intervalDays: 393 },
    ]);
  });

  it("grades of 4 keep EF at 2.5", () => {
    // intervals: 1, 6, round(6 × 2.5 = 15) = 15, round(15 × 2.5 = 37.5) = 38,
    //            round(38 × 2.5 = 95) = 95, round(95 × 2.5 = 237.5) = 238
    expect(run([4, 4, 4, 4, 4, 4]).map((s) => [s.repetitions, s.easiness, s.intervalDays])).toEqual([
      [1, 2.5, 1],
      [2, 2.5, 6],
      [3, 2.5, 15],
      [4, 2.5, 38],
      [5, 2.5, 95],
      [6, 2.5, 238],
    ]);
  });

  it("repeated grade 3s walk EF down to the 1.3 floor", () => {
    // EF change for q=3 is 0.1 − 2 × (0.08 + 2 × 0.02) = −0.14
    // step | EF before | interval                         | EF after
    //   1  |   2.5     | 1                                | 2.36
    //   2  |   2.36    | 6                                | 2.22
    //   3  |   2.22    | round(6 × 2.22 = 13.32) = 13     | 2.08
    //   4  |   2.08    | round(13 × 2.08 = 27.04) = 27    | 1.94
    //   5  |   1.94    | round(27 × 1.94 = 52.38) = 52    | 1.80
    //   6  |   1.80    | round(52 × 1.8 = 93.6) = 94      | 1.66
    //   7  |   1.66    | round(94 × 1.66 = 156.04) = 156  | 1.52
    //   8  |   1.52    | round(156 × 1.52 = 237.12) = 237 | 1.38
    //   9  |   1.38    | round(237 × 1.38 = 327.06) = 327 | 1.3 (1.24 clamped)
    //  10  |   1.3     | round(327 × 1.3 = 425.1) = 425   | 1.3 (1.16 clamped)
    const seq = run([3, 3, 3, 3, 3, 3, 3, 3, 3, 3]);
    expect(seq.map((s) => s.easiness)).toEqual([2.36, 2.22, 2.08, 1.94, 1.8, 1.66, 1.52, 1.38, 1.3, 1.3]);
    expect(seq.map((s) => s.intervalDays)).toEqual([1, 6, 13, 27, 52, 94, 156, 237, 327, 425]);
    expect(seq.map((s) => s.repetitions)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it("repeated grade 0s: EF 2.5 → 1.7 → 1.3 (floor), interval 1, reps 0", () => {
    // EF change for q=0 is 0.1 − 5 × (0.08 + 5 × 0.02) = −0.8
    expect(run([0, 0, 0, 0])).toEqual([
      { repetitions: 0, easiness: 1.7, intervalDays: 1 },
      { repetitions: 0, easiness: 1.3, intervalDays: 1 },
      { repetitions: 0, easiness: 1.3, intervalDays: 1 },
      { repetitions: 0, easiness: 1.3, intervalDays: 1 },
    ]);
  });

  it("a lapse after a long interval restarts the card and lowers EF", () => {
    const mature: Sm2State = { repetitions: 6, easiness: 3.1, intervalDays: 393 };
    // q=2: EF change 0.1 − 3 × (0.08 + 3 × 0.02) = −0.32 → 2.78
    expect(sm2(mature, 2)).toEqual({ repetitions: 0, easiness: 2.78, intervalDays: 1 });
    // q=1: −0.54 → 2.56; q=0: −0.8 → 2.3
    expect(sm2(mature, 1)).toEqual({ repetitions: 0, easiness: 2.56, intervalDays: 1 });
    expect(sm2(mature, 0)).toEqual({ repetitions: 0, easiness: 2.3, intervalDays: 1 });
    // relearning after the lapse: 1, 6, round(6 × 2.78 = 16.68) = 17
    expect(run([4, 4, 4], sm2(mature, 2)).map((s) => [s.repetitions, s.intervalDays])).toEqual([
      [1, 1],
      [2, 6],
      [3, 17],
    ]);
  });

  it("grade 3 exactly counts as a pass", () => {
    expect(sm2(INITIAL_SM2, 3)).toEqual({ repetitions: 1, easiness: 2.36, intervalDays: 1 });
    // third repetition uses the EF *before* the update: round(6 × 2.5) = 15
    expect(sm2({ repetitions: 2, easiness: 2.5, intervalDays: 6 }, 3)).toEqual({
      repetitions: 3,
      easiness: 2.36,
      intervalDays: 15,
    });
  });

  it("grades 3, 4, 5 give the same next interval (they differ only in EF)", () => {
    const s: Sm2State = { repetitions: 4, easiness: 2.2, intervalDays: 30 };
    const [a, b, c] = ([3, 4, 5] as const).map((q) => sm2(s, q));
    expect([a.intervalDays, b.intervalDays, c.intervalDays]).toEqual([66, 66, 66]);
    expect([a.easiness, b.easiness, c.easiness]).toEqual([2.06, 2.2, 2.3]);
  });

  it("rounds interval × EF at exact halves up, without float error", () => {
    // 75 × 1.38 is 103.49999999999999 in doubles; exactly it is 103.5 → 104.
    expect(sm2({ repetitions: 3, easiness: 1.38, intervalDays: 75 }, 4).intervalDays).toBe(104);
    expect(sm2({ repetitions: 3, easiness: 2.5, intervalDays: 15 }, 4).intervalDays).toBe(38);
  });

  it("keeps EF at four decimals with no drift over a long run", () => {
    let s = INITIAL_SM2;
    for (let i = 0; i < 10; i++) s = sm2(s, 5);
    expect(s.easiness).toBe(3.5); // doubles would give 3.500000000000001
    s = INITIAL_SM2;
    for (let i = 0; i < 8; i++) s = sm2(s, 3);
    expect(s.easiness).toBe(1.38); // doubles would give 1.379999999999999
  });

  it("normalises odd stored state defensively", () => {
    // EF below the floor is treated as 1.3; more than 4 decimals are rounded
    expect(sm2({ repetitions: 3, easiness: 1.1, intervalDays: 10 }, 4)).toEqual({
      repetitions: 4,
      easiness: 1.3,
      intervalDays: 13,
    });
    expect(sm2({ repetitions: 0, easiness: 2.50004, intervalDays: 0 }, 4).easiness).toBe(2.5);
    // a corrupted 0-day interval on a mature card never schedules 0 days
    expect(sm2({ repetitions: 5, easiness: 2.5, intervalDays: 0 }, 5).intervalDays).toBe(1);
  });

  it("does not mutate its input", () => {
    const s: Sm2State = { repetitions: 2, easiness: 2.5, intervalDays: 6 };
    sm2(s, 5);
    sm2(s, 0);
    expect(s).toEqual({ repetitions: 2, easiness: 2.5, intervalDays: 6 });
  });

  it("rejects an invalid quality", () => {
    expect(() => sm2(INITIAL_SM2, 6 as Quality)).toThrow(RangeError);
    expect(() => sm2(INITIAL_SM2, -1 as Quality)).toThrow(RangeError);
    expect(() => sm2(INITIAL_SM2, 2.5 as Quality)).toThrow(RangeError);
  });
});

describe("isQuality", () => {
  it.each([0, 1, 2, 3, 4, 5])("accepts %s", (x) => {
    expect(isQuality(x)).toBe(true);
  });
  it.each([-1, 6, 2.5, NaN, Infinity, "3", null, undefined, {}, [3]])("rejects %s", (x) => {
    expect(isQuality(x)).toBe(false);
  });
});
