import { describe, expect, it } from "vitest";
import { createEmptyCard, default_w, fsrs, forgetting_curve, type Card, type Grade } from "ts-fsrs";
import {
  DEFAULT_FSRS_PARAMS, FSRS_RATINGS, fsrsFromHistory, fsrsMemoryStep, fsrsNext, fsrsParams, fsrsPreview, fsrsRetrievability, ratingOfGrade,
  type FsrsMemory, type FsrsRating, type FsrsState,
} from "@/lib/core/srs/fsrs";
import { addLocalDays } from "@/lib/core/srs/days";
import type { Quality } from "@/lib/core/srs/sm2";

const START = "2026-01-05";

/** ts-fsrs itself, configured as the module documents, on real instants (10:00 UTC each day). */
function reference(steps: { gap: number; rating: FsrsRating }[], retention = 0.9) {
  const f = fsrs({ w: [...default_w], request_retention: retention, enable_fuzz: false, enable_short_term: false });
  let day = START;
  let card: Card = createEmptyCard(new Date(`${day}T10:00:00Z`));
  const out: { card: Card; day: string }[] = [];
  for (const s of steps) {
    day = addLocalDays(day, s.gap);
    card = f.next(card, new Date(`${day}T10:00:00Z`), s.rating as Grade).card;
    out.push({ card, day });
  }
  return out;
}

function ours(steps: { gap: number; rating: FsrsRating }[], retention = 0.9) {
  const params = fsrsParams({ desiredRetention: retention });
  let day = START;
  let state: FsrsState | null = null;
  const out: { state: FsrsState; interval: number }[] = [];
  for (const s of steps) {
    day = addLocalDays(day, s.gap);
    const { state: next, intervalDays } = fsrsNext(state, day, s.rating, params);
    state = JSON.parse(JSON.stringify(next)) as FsrsState; // stored as JSON between reviews
    out.push({ state, interval: intervalDays });
  }
  return out;
}

const SEQUENCES: { name: string; steps: { gap: number; rating: FsrsRating }[]; retention?: number }[] = [
  { name: "good every time, on the due day", steps: [{ gap: 0, rating: 3 }, { gap: 3, rating: 3 }, { gap: 10, rating: 3 }, { gap: 30, rating: 3 }, { gap: 90, rating: 3 }] },
  { name: "a lapse and recovery", steps: [{ gap: 0, rating: 3 }, { gap: 3, rating: 3 }, { gap: 12, rating: 1 }, { gap: 1, rating: 2 }, { gap: 2, rating: 3 }, { gap: 6, rating: 4 }] },
  { name: "easy first, then overdue", steps: [{ gap: 0, rating: 4 }, { gap: 60, rating: 3 }, { gap: 200, rating: 1 }, { gap: 1, rating: 3 }] },
  { name: "again on the first review, then early", steps: [{ gap: 0, rating: 1 }, { gap: 1, rating: 1 }, { gap: 1, rating: 2 }, { gap: 1, rating: 3 }] },
  { name: "high desired retention", retention: 0.97, steps: [{ gap: 0, rating: 3 }, { gap: 2, rating: 3 }, { gap: 5, rating: 2 }, { gap: 9, rating: 3 }] },
  { name: "low desired retention", retention: 0.7, steps: [{ gap: 0, rating: 3 }, { gap: 9, rating: 3 }, { gap: 40, rating: 3 }, { gap: 20, rating: 1 }] },
];

describe("fsrsNext equals ts-fsrs", () => {
  for (const seq of SEQUENCES) {
    it(seq.name, () => {
      const want = reference(seq.steps, seq.retention);
      const got = ours(seq.steps, seq.retention);
      expect(got).toHaveLength(want.length);
      got.forEach((g, i) => {
        const w = want[i];
        expect(g.state.stability).toBe(w.card.stability);
        expect(g.state.difficulty).toBe(w.card.difficulty);
        expect(g.state.reps).toBe(w.card.reps);
        expect(g.state.lapses).toBe(w.card.lapses);
        expect(g.interval).toBe(w.card.scheduled_days);
        expect(g.state.lastReviewDay).toBe(w.day);
        expect(g.state.dueDay).toBe(addLocalDays(w.day, w.card.scheduled_days));
        expect(g.state.dueDay).toBe(w.card.due.toISOString().slice(0, 10));
      });
    });
  }
});

describe("fsrsPreview", () => {
  it("a new card starts from the first four weights and the intervals rise with the rating", () => {
    const p = fsrsPreview(null, START);
    expect(FSRS_RATINGS.map((r) => p[r].state.stability)).toEqual(default_w.slice(0, 4));
    const ivl = FSRS_RATINGS.map((r) => p[r].intervalDays);
    for (let i = 1; i < ivl.length; i++) expect(ivl[i]).toBeGreaterThan(ivl[i - 1]);
    expect(p[1].intervalDays).toBeGreaterThanOrEqual(1); // no same-day steps
  });

  it("is what fsrsNext commits, for every rating", () => {
    const s = ours([{ gap: 0, rating: 3 }, { gap: 3, rating: 2 }])[1].state;
    const day = addLocalDays(s.dueDay, 4);
    const p = fsrsPreview(s, day);
    for (const r of FSRS_RATINGS) expect(fsrsNext(s, day, r)).toEqual(p[r]);
  });

  it("a higher desired retention gives shorter intervals", () => {
    const s = ours([{ gap: 0, rating: 3 }, { gap: 3, rating: 3 }])[1].state;
    const lo = fsrsPreview(s, s.dueDay, fsrsParams({ desiredRetention: 0.7 }));
    const hi = fsrsPreview(s, s.dueDay, fsrsParams({ desiredRetention: 0.97 }));
    expect(hi[3].intervalDays).toBeLessThan(lo[3].intervalDays);
  });

  it("refuses a day before the last review and a rating outside 1..4", () => {
    const s = ours([{ gap: 0, rating: 3 }])[0].state;
    expect(() => fsrsPreview(s, addLocalDays(START, -1))).toThrow(RangeError);
    expect(() => fsrsNext(s, START, 0 as FsrsRating)).toThrow(RangeError);
    expect(() => fsrsNext(s, "2026-02-30", 3)).toThrow(RangeError);
  });
});

describe("fsrsParams", () => {
  it("accepts 0.70–0.97 and refuses outside", () => {
    expect(fsrsParams({ desiredRetention: 0.7 }).desiredRetention).toBe(0.7);
    expect(fsrsParams({ desiredRetention: 0.97 }).desiredRetention).toBe(0.97);
    for (const r of [0.69, 0.98, Number.NaN, 1]) expect(() => fsrsParams({ desiredRetention: r })).toThrow(RangeError);
    expect(() => fsrsParams({ weights: [1, 2, 3] })).toThrow(RangeError);
    expect(fsrsParams()).toEqual(DEFAULT_FSRS_PARAMS);
  });
});

describe("ratingOfGrade", () => {
  it("maps 0–2 to Again, 3 Hard, 4 Good, 5 Easy", () => {
    expect(([0, 1, 2, 3, 4, 5] as Quality[]).map(ratingOfGrade)).toEqual([1, 1, 1, 2, 3, 4]);
  });
});

describe("fsrsRetrievability", () => {
  it("is ts-fsrs's forgetting curve at the days since the last review", () => {
    const s = ours([{ gap: 0, rating: 3 }, { gap: 3, rating: 3 }])[1].state;
    expect(fsrsRetrievability(s, addLocalDays(s.lastReviewDay!, 7))).toBe(forgetting_curve([...default_w], 7, s.stability));
    expect(fsrsRetrievability(s, s.lastReviewDay!)).toBe(1);
    expect(fsrsRetrievability(null, START)).toBeNull();
  });
  it("is 90 % after `stability` days", () => {
    const s = ours([{ gap: 0, rating: 4 }])[0].state; // S = w[3] ≈ 8.3 days
    const r = forgetting_curve([...default_w], s.stability, s.stability);
    expect(r).toBeCloseTo(0.9, 10);
  });
});

describe("fsrsMemoryStep", () => {
  it("gives the stability and difficulty fsrsNext stores", () => {
    for (const seq of SEQUENCES) {
      const params = fsrsParams({ desiredRetention: seq.retention ?? 0.9 });
      const full = ours(seq.steps, seq.retention);
      let memory: FsrsMemory | null = null;
      seq.steps.forEach((step, i) => {
        memory = fsrsMemoryStep(memory, step.gap, step.rating, params);
        expect(memory).toEqual({ stability: full[i].state.stability, difficulty: full[i].state.difficulty });
      });
    }
  });
});

describe("fsrsFromHistory", () => {
  it("replays the day's first grade of each day through the documented mapping", () => {
    const history = [
      { day: "2026-01-05", grade: 4 as Quality },
      { day: "2026-01-05", grade: 1 as Quality }, // same-day repeat: a drill, ignored
      { day: "2026-01-08", grade: 5 as Quality },
      { day: "2026-01-20", grade: 2 as Quality },
      { day: "2026-01-21", grade: 3 as Quality },
    ];
    let want: FsrsState | null = null;
    for (const [day, rating] of [["2026-01-05", 3], ["2026-01-08", 4], ["2026-01-20", 1], ["2026-01-21", 2]] as const) {
      want = fsrsNext(want, day, rating).state;
    }
    expect(fsrsFromHistory(history)).toEqual(want);
    expect(fsrsFromHistory(history)!.lapses).toBe(1);
    expect(fsrsFromHistory([])).toBeNull();
  });

  it("refuses a history out of order", () => {
    expect(() => fsrsFromHistory([{ day: "2026-01-08", grade: 4 }, { day: "2026-01-05", grade: 4 }])).toThrow(RangeError);
  });
});
