import { describe, expect, it } from "vitest";
import { createEmptyCard, default_w, fsrs, Rating, type Card, type Grade } from "ts-fsrs";
import { outcome, outcomes, gradeLabel, dayBounds, fsrsAlgorithm, FSRS_BUTTON_GRADES, rescheduleUnder, SM2_ALGORITHM, type Quality, type Schedule } from "@/lib/core/srs";

const ZONE = { timeZone: "America/New_York", rolloverHour: 4 };
const at = (iso: string) => new Date(iso);

/** ts-fsrs on its own, fed the learner's day keys as UTC midnights (lib/core/srs/fsrs.ts). */
function tsFsrsIntervals(days: string[], ratings: Grade[], retention: number): { interval: number; stability: number; difficulty: number }[] {
  const f = fsrs({ w: [...default_w], request_retention: retention, enable_fuzz: false, enable_short_term: false, maximum_interval: 36500 });
  let card: Card = createEmptyCard(new Date(`${days[0]}T00:00:00Z`));
  return days.map((d, i) => {
    card = f.next(card, new Date(`${d}T00:00:00Z`), ratings[i]).card;
    return { interval: card.scheduled_days, stability: card.stability, difficulty: card.difficulty };
  });
}

describe("FSRS through the schedule model", () => {
  const sequences: { moments: string[]; grades: Quality[]; retention: number }[] = [
    { moments: ["2026-03-01T15:00:00Z", "2026-03-04T14:00:00Z", "2026-03-12T23:30:00Z", "2026-04-20T12:00:00Z"], grades: [4, 4, 5, 3], retention: 0.9 },
    // Across the DST switch of 2026-03-08, a lapse and a late-night answer before the 04:00 rollover.
    { moments: ["2026-03-06T13:00:00Z", "2026-03-07T13:00:00Z", "2026-03-09T07:30:00Z", "2026-03-15T20:00:00Z", "2026-05-01T10:00:00Z"], grades: [3, 1, 4, 4, 5], retention: 0.8 },
    { moments: ["2026-01-01T12:00:00Z", "2026-01-02T12:00:00Z", "2026-01-03T12:00:00Z"], grades: [0, 2, 5], retention: 0.97 },
  ];

  for (const [n, seq] of sequences.entries()) {
    it(`sets the intervals and memory ts-fsrs gives for sequence ${n + 1}, due on the learner day it names`, () => {
      const algorithm = fsrsAlgorithm({ desiredRetention: seq.retention });
      const days = seq.moments.map((m) => dayBounds(at(m), ZONE.timeZone, ZONE.rolloverHour).key);
      const ratings = seq.grades.map((g) => (g <= 2 ? Rating.Again : g === 3 ? Rating.Hard : g === 4 ? Rating.Good : Rating.Easy)) as Grade[];
      const expected = tsFsrsIntervals(days, ratings, seq.retention);
      let schedule: Schedule | null = null;
      seq.moments.forEach((m, i) => {
        const o = outcome({ schedule }, { type: "grade", grade: seq.grades[i] }, { now: at(m), ...ZONE }, algorithm);
        schedule = o.schedule!;
        expect(o.log!.algorithm).toBe("fsrs");
        expect(schedule.intervalDays).toBe(expected[i].interval);
        expect(schedule.stability).toBe(expected[i].stability);
        expect(schedule.difficulty).toBe(expected[i].difficulty);
        const dueDay = dayBounds(schedule.dueAt, ZONE.timeZone, ZONE.rolloverHour).key;
        const want = new Date(Date.parse(`${days[i]}T00:00:00Z`) + expected[i].interval * 86_400_000).toISOString().slice(0, 10);
        expect(dueDay).toBe(want);
      });
    });
  }

  it("shows on the four buttons the intervals their grades commit, and a same-day repeat leaves the memory alone", () => {
    const algorithm = fsrsAlgorithm();
    const ctx = { now: at("2026-03-01T15:00:00Z"), ...ZONE };
    const all = outcomes({ schedule: null }, ctx, algorithm);
    for (const g of FSRS_BUTTON_GRADES) {
      const committed = outcome({ schedule: null }, { type: "grade", grade: g }, ctx, algorithm);
      expect(gradeLabel(all.grades[g])).toEqual(gradeLabel(committed));
      expect(committed.schedule).toEqual(all.grades[g].schedule);
    }
    const labels = FSRS_BUTTON_GRADES.map((g) => gradeLabel(all.grades[g]).intervalDays!);
    expect(labels).toEqual([...labels].sort((a, b) => a - b)); // Again ≤ Hard ≤ Good ≤ Easy
    expect(labels[3]).toBeGreaterThan(labels[0]);
    const first = all.grades[4].schedule!;
    const repeat = outcome({ schedule: first, today: { moved: true, owesRepeat: false } }, { type: "grade", grade: 1 }, { ...ctx, now: at("2026-03-01T16:00:00Z") }, algorithm);
    expect(repeat.log!.kind).toBe("drill");
    expect(repeat.schedule).toBe(first);
  });

  it("converts an SM-2 history to the FSRS memory of the same grades, and back to the SM-2 schedule exactly", () => {
    const rows = [4, 5, 2, 4].map((grade, i) => ({ origin: "review", kind: i ? "review" : "new", grade, reviewedAt: at(`2026-03-0${1 + i * 2}T15:00:00Z`), undoneAt: null }));
    let sm2: Schedule | null = null;
    for (const r of rows) sm2 = outcome({ schedule: sm2 }, { type: "grade", grade: r.grade as Quality }, { now: r.reviewedAt, ...ZONE }).schedule;
    const asFsrs = rescheduleUnder(rows, fsrsAlgorithm(), ZONE)!;
    const days = rows.map((r) => dayBounds(r.reviewedAt, ZONE.timeZone, ZONE.rolloverHour).key);
    const ts = tsFsrsIntervals(days, [Rating.Good, Rating.Easy, Rating.Again, Rating.Good] as Grade[], 0.9).at(-1)!;
    expect(asFsrs.stability).toBe(ts.stability);
    expect(asFsrs.intervalDays).toBe(ts.interval);
    expect(asFsrs.lapses).toBe(1);
    expect(rescheduleUnder(rows, SM2_ALGORITHM, ZONE)).toEqual(sm2);
  });

  it("refuses a desired retention outside 0.70–0.97", () => {
    expect(() => fsrsAlgorithm({ desiredRetention: 0.69 })).toThrow(RangeError);
    expect(() => fsrsAlgorithm({ desiredRetention: 0.98 })).toThrow(RangeError);
    expect(fsrsAlgorithm({ desiredRetention: 0.7 }).name).toBe("fsrs");
  });
});
