import { describe, expect, it } from "vitest";
import { default_w, forgetting_curve } from "ts-fsrs";
import {
  auc, calibration, evaluateSchedules, logLoss, memoryEvents, predictions, rmseBinKey, rmseBins, sm2Retrievability,
  type LogRow, type MemoryEvent, type Scored,
} from "@/lib/core/stats/prediction";
import { syntheticHistory } from "./synthetic-learner";

/** Two cards; SM-2 intervals by hand: A 4 → 1 d, 4 → 6 d; B 5 → 1 d. */
const FIXTURE: MemoryEvent[] = [
  { cardKey: "A", day: "2026-03-01", grade: 4 },
  { cardKey: "B", day: "2026-03-01", grade: 5 },
  { cardKey: "A", day: "2026-03-02", grade: 4 }, // 1 day after, SM-2 interval 1 → 0.9, recalled
  { cardKey: "B", day: "2026-03-04", grade: 3 }, // 3 days, interval 1 → 0.9³ = 0.729, recalled
  { cardKey: "A", day: "2026-03-11", grade: 2 }, // 9 days, interval 6 → 0.9^1.5 ≈ 0.853815, forgotten
];

const s = (p: number, y: 0 | 1, elapsedDays = 1, reviewNumber = 2, lapsesBefore = 0): Scored => ({ p, y, elapsedDays, reviewNumber, lapsesBefore });

describe("predictions on a small fixture", () => {
  const { predictions: ps, cards } = predictions(FIXTURE);

  it("scores every review but each card's first, from the past only", () => {
    expect(cards).toBe(2);
    expect(ps.map((p) => [p.cardKey, p.elapsedDays, p.reviewNumber, p.recalled])).toEqual([
      ["A", 1, 2, true],
      ["B", 3, 2, true],
      ["A", 9, 3, false],
    ]);
  });

  it("SM-2 predicts 0.9^(elapsed/interval)", () => {
    expect(ps.map((p) => p.sm2)).toEqual([0.9, 0.9 ** 3, 0.9 ** 1.5]);
    expect(ps[2].sm2).toBeCloseTo(0.853815, 6);
  });

  it("FSRS predicts its forgetting curve from the state before the review", () => {
    // A's first grade 4 → Good → stability w[2]; one day later.
    const decay = -default_w[20];
    const factor = 0.9 ** (1 / decay) - 1;
    expect(ps[0].fsrs).toBeCloseTo((1 + (factor * 1) / default_w[2]) ** decay, 7); // ts-fsrs rounds R to 8 decimals
    // B's first grade 5 → Easy → stability w[3]; three days later.
    expect(ps[1].fsrs).toBeCloseTo((1 + (factor * 3) / default_w[3]) ** decay, 7);
    expect(ps[1].fsrs).toBe(forgetting_curve([...default_w], 3, default_w[3]));
  });

  it("the metrics equal the hand-computed ones", () => {
    const e = evaluateSchedules(FIXTURE);
    expect(e.reviews).toBe(3);
    expect(e.recallRate).toBeCloseTo(2 / 3, 12);
    // −(ln 0.9 + ln(1 − 0.853815) + ln 0.729) / 3
    expect(e.sm2!.logLoss).toBeCloseTo(0.781441, 5);
    // Bins: (1 d and 3 d → 2.48, review 2 → 4, 0 lapses) holds A2 and B2; (9 d → 8.98, review 3 → 4, 0) holds A3.
    // √((2 · (1 − (0.9 + 0.729)/2)² + 1 · 0.853815²) / 3)
    expect(e.sm2!.rmseBins).toBeCloseTo(0.515694, 5);
    // Positives 0.9 and 0.729, negative 0.854: one of two pairs ranked right.
    expect(e.sm2!.auc).toBe(0.5);
    const nonEmpty = e.sm2!.calibration.filter((b) => b.count > 0);
    expect(nonEmpty.map((b) => [b.from, b.count, b.actual])).toEqual([[0.7, 1, 1], [0.8, 1, 0], [0.9, 1, 1]]);
  });
});

describe("metric functions", () => {
  it("log loss of a coin is ln 2", () => {
    expect(logLoss([s(0.5, 1), s(0.5, 0)])).toBeCloseTo(Math.LN2, 12);
  });

  it("log loss stays finite for a certain, wrong prediction", () => {
    expect(Number.isFinite(logLoss([s(1, 0)]))).toBe(true);
  });

  it("AUC: perfect ranking 1, reversed 0, ties one half, one class null", () => {
    expect(auc([s(0.2, 0), s(0.3, 0), s(0.8, 1), s(0.9, 1)])).toBe(1);
    expect(auc([s(0.2, 1), s(0.8, 0)])).toBe(0);
    expect(auc([s(0.5, 1), s(0.5, 0)])).toBe(0.5);
    expect(auc([s(0.5, 1), s(0.7, 1)])).toBeNull();
  });

  it("the benchmark's bins", () => {
    expect(rmseBinKey(1, 2, 0)).toBe("2.48|4|0");
    expect(rmseBinKey(3, 2, 0)).toBe("2.48|4|0");
    expect(rmseBinKey(4, 3, 0)).toBe("8.98|4|0"); // 2.48 · 3.62
    expect(rmseBinKey(14, 4, 1)).toBe("32.5|7|2"); // 2.48 · 3.62², 1.99 · 1.89², 1.65
    expect(rmseBinKey(100, 20, 3)).toBe("117.65|25|5"); // 2.48 · 3.62³, 1.99 · 1.89⁴, 1.65 · 1.73²
  });

  it("RMSE (bins) is zero when each bin's mean prediction equals its recall rate", () => {
    expect(rmseBins([s(0.5, 1), s(0.5, 0), s(1, 1, 30)])).toBe(0);
    expect(rmseBins([s(0.8, 0)])).toBeCloseTo(0.8, 12);
  });

  it("calibration bins cover 0–1, 1 falls in the last", () => {
    const c = calibration([s(0, 0), s(0.05, 1), s(0.95, 1), s(1, 1)]);
    expect(c).toHaveLength(10);
    expect(c[0]).toEqual({ from: 0, to: 0.1, count: 2, predicted: 0.025, actual: 0.5 });
    expect(c[9].count).toBe(2);
    expect(c[5]).toMatchObject({ count: 0, predicted: null, actual: null });
  });
});

describe("memoryEvents", () => {
  const row = (cardKey: string, day: string, grade: number, more: Partial<LogRow> = {}): LogRow => ({ cardKey, day, grade, origin: "review", undone: false, ...more });
  it("keeps the first review-screen grade per card and day, not undone", () => {
    const rows = [
      row("A", "2026-03-01", 1, { undone: true }),
      row("A", "2026-03-01", 4),
      row("A", "2026-03-01", 2), // drill
      row("B", "2026-03-01", 0, { origin: "quiz" }),
      row("B", "2026-03-01", 5),
      row("A", "2026-03-02", 3),
    ];
    expect(memoryEvents(rows)).toEqual([
      { cardKey: "A", day: "2026-03-01", grade: 4 },
      { cardKey: "B", day: "2026-03-01", grade: 5 },
      { cardKey: "A", day: "2026-03-02", grade: 3 },
    ]);
  });
});

describe("on long synthetic histories the generating model ranks first", () => {
  it("memory that follows FSRS-6: FSRS beats SM-2 on every metric", () => {
    const e = evaluateSchedules(syntheticHistory({ model: "fsrs", cards: 400, reviewsPerCard: 12, seed: 7 }));
    expect(e.reviews).toBe(400 * 11);
    expect(e.fsrs!.logLoss).toBeLessThan(e.sm2!.logLoss);
    expect(e.fsrs!.rmseBins).toBeLessThan(e.sm2!.rmseBins);
    expect(e.fsrs!.auc!).toBeGreaterThan(e.sm2!.auc!);
    // Calibrated: in every well-filled bin FSRS's mean prediction is near the recall rate.
    for (const b of e.fsrs!.calibration) if (b.count >= 200) expect(Math.abs(b.predicted! - b.actual!)).toBeLessThan(0.05);
  });

  it("memory that follows SM-2's curve: SM-2 beats FSRS", () => {
    const e = evaluateSchedules(syntheticHistory({ model: "sm2", cards: 400, reviewsPerCard: 12, seed: 11 }));
    expect(e.sm2!.logLoss).toBeLessThan(e.fsrs!.logLoss);
    expect(e.sm2!.rmseBins).toBeLessThan(e.fsrs!.rmseBins);
  });

  it("time-series order: a review's predictions do not change when later reviews are added", () => {
    const h = syntheticHistory({ model: "fsrs", cards: 30, reviewsPerCard: 8, seed: 3 });
    const half = h.slice(0, Math.floor(h.length / 2));
    const full = predictions(h).predictions;
    const part = predictions(half).predictions;
    expect(full.slice(0, part.length)).toEqual(part);
  });
});

describe("sm2Retrievability", () => {
  it("is 90 % on the due day", () => {
    expect(sm2Retrievability(6, 6)).toBeCloseTo(0.9, 12);
    expect(sm2Retrievability(0, 6)).toBe(1);
  });
});
