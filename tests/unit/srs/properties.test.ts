import { describe, expect, it } from "vitest";
import { INITIAL_SM2, QUALITIES, sm2, type Quality, type Sm2State } from "@/lib/core/srs/sm2";
import { mulberry32 } from "@/lib/core/quiz/rng";


const SEQUENCES = 5000;
const MAX_LEN = 40;

/** Random grade sequences; a third biased towards passing so intervals get long. */
function* sequences(seed: number): Generator<Quality[]> {
  const rnd = mulberry32(seed);
  for (let n = 0; n < SEQUENCES; n++) {
    const len = 1 + Math.floor(rnd() * MAX_LEN);
    const biased = n % 3 === 0;
    const seq: Quality[] = [];
    for (let i = 0; i < len; i++) {
      const q = biased && rnd() < 0.85 ? 3 + Math.floor(rnd() * 3) : Math.floor(rnd() * 6);
      seq.push(q as Quality);
    }
    yield seq;
  }
}

/** Walk every sequence, calling check(prev, q, next) on each step; collect the first few violations. */
function violations(seed: number, check: (prev: Sm2State, q: Quality, next: Sm2State) => string | null): string[] {
  const out: string[] = [];
  for (const seq of sequences(seed)) {
    let s = INITIAL_SM2;
    for (const q of seq) {
      const next = sm2(s, q);
      const problem = check(s, q, next);
      if (problem && out.length < 5) out.push(`${JSON.stringify(s)} q=${q} → ${JSON.stringify(next)}: ${problem}`);
      s = next;
    }
  }
  return out;
}

describe("SM-2 properties over random grade sequences", () => {
  it("mulberry32 is deterministic", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 5 }, () => a());
    expect(xs).toEqual(Array.from({ length: 5 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it("easiness never drops below 1.3 and has at most 4 decimals", () => {
    expect(
      violations(1, (_p, _q, n) => {
        if (n.easiness < 1.3) return "EF below 1.3";
        if (Math.round(n.easiness * 10_000) / 10_000 !== n.easiness) return "EF drifted";
        return null;
      }),
    ).toEqual([]);
  });

  it("intervals never shrink on a grade ≥ 3 after the second repetition", () => {
    expect(
      violations(2, (p, q, n) => (q >= 3 && p.repetitions >= 2 && n.intervalDays < p.intervalDays ? "shrank" : null)),
    ).toEqual([]);
  });

  it("any grade < 3 gives interval 1, repetitions 0", () => {
    expect(
      violations(3, (_p, q, n) => (q < 3 && (n.intervalDays !== 1 || n.repetitions !== 0) ? "no restart" : null)),
    ).toEqual([]);
  });

  it("a grade ≥ 3 adds one repetition and schedules at least 1 day", () => {
    expect(
      violations(4, (p, q, n) => {
        if (q < 3) return null;
        if (n.repetitions !== p.repetitions + 1) return "repetitions not incremented";
        if (!Number.isInteger(n.intervalDays) || n.intervalDays < 1) return "bad interval";
        return null;
      }),
    ).toEqual([]);
  });

  it("EF moves by exactly the SM-2 delta (unless clamped at 1.3)", () => {
    const delta: Record<Quality, number> = { 0: -0.8, 1: -0.54, 2: -0.32, 3: -0.14, 4: 0, 5: 0.1 };
    expect(
      violations(5, (p, q, n) => {
        const expected = Math.max(1.3, Math.round((p.easiness + delta[q]) * 10_000) / 10_000);
        return n.easiness === expected ? null : `expected EF ${expected}`;
      }),
    ).toEqual([]);
  });

  it("a higher grade never gives a lower EF or a shorter interval", () => {
    expect(
      violations(6, (p) => {
        const out = QUALITIES.map((q) => sm2(p, q));
        for (let q = 1; q < out.length; q++) {
          if (out[q].easiness < out[q - 1].easiness) return "EF not monotone in grade";
          if (out[q].intervalDays < out[q - 1].intervalDays) return "interval not monotone in grade";
        }
        return null;
      }),
    ).toEqual([]);
  });

  it("is deterministic: the same sequence always ends in the same state", () => {
    for (const seq of Array.from(sequences(8)).slice(0, 200)) {
      const a = seq.reduce<Sm2State>((s, q) => sm2(s, q), INITIAL_SM2);
      const b = seq.reduce<Sm2State>((s, q) => sm2(s, q), { ...INITIAL_SM2 });
      expect(a).toEqual(b);
    }
  });
});
