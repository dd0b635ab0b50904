import { describe, expect, it } from "vitest";
import { createRng, mulberry32 } from "@/lib/core/quiz/rng";

describe("seeded randomness", () => {
  it("replays the same sequence for the same seed", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 100 }, () => a());
    expect(Array.from({ length: 100 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it("gives different sequences for different seeds", () => {
    const a = mulberry32(1);
    const b = mulberry32(2);
    expect(Array.from({ length: 10 }, () => a())).not.toEqual(Array.from({ length: 10 }, () => b()));
  });

  it("shuffles into a permutation and leaves the input alone", () => {
    const rng = createRng(7);
    const input = [1, 2, 3, 4, 5, 6, 7, 8];
    for (let i = 0; i < 200; i++) {
      const out = rng.shuffle(input);
      expect([...out].sort((x, y) => x - y)).toEqual(input);
    }
    expect(input).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it("reaches every position when shuffling", () => {
    const rng = createRng(3);
    const firsts = new Set<number>();
    for (let i = 0; i < 500; i++) firsts.add(rng.shuffle([0, 1, 2, 3])[0]);
    expect(firsts).toEqual(new Set([0, 1, 2, 3]));
  });

  it("samples distinct items, at most as many as there are", () => {
    const rng = createRng(9);
    const s = rng.sample(["a", "b", "c", "d", "e"], 3);
    expect(new Set(s).size).toBe(3);
    expect(rng.sample(["a", "b"], 5)).toHaveLength(2);
  });

  it("keeps int() in range", () => {
    const rng = createRng(11);
    for (let i = 0; i < 1000; i++) {
      const n = rng.int(4);
      expect(Number.isInteger(n) && n >= 0 && n < 4).toBe(true);
    }
  });
});
