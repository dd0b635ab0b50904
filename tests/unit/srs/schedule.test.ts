import { describe, expect, it } from "vitest";
import { cardToday, gradeLabel, outcome, outcomes, rollback, type CardToday, type Schedule } from "@/lib/core/srs";

const ZONE = { timeZone: "Asia/Shanghai", rolloverHour: 4 };
// 2026-12-06 10:00 in Shanghai: the learner day 2026-12-06 runs 2026-12-05T20:00Z .. 2026-12-06T20:00Z.
const NOW = new Date("2026-12-06T02:00:00Z");
const CTX = { now: NOW, ...ZONE };
const TODAY_START = new Date("2026-12-05T20:00:00Z");
const TOMORROW = new Date("2026-12-06T20:00:00Z");
const day = (n: number) => new Date(TODAY_START.getTime() + n * 86_400_000);

const learning: Schedule = { repetitions: 0, easiness: 2.18, intervalDays: 1, lapses: 1, dueAt: day(0), lastReviewedAt: day(-1) };
const young: Schedule = { repetitions: 2, easiness: 2.5, intervalDays: 6, lapses: 0, dueAt: day(-1), lastReviewedAt: day(-7) };
const mature: Schedule = { repetitions: 6, easiness: 2.7, intervalDays: 120, lapses: 2, dueAt: day(30), lastReviewedAt: day(-90) };
/** Answered 2 earlier today: its schedule moved (due tomorrow) and it owes a repeat. */
const movedToday: Schedule = { repetitions: 0, easiness: 2.18, intervalDays: 1, lapses: 1, dueAt: TOMORROW, lastReviewedAt: new Date(NOW.getTime() - 600_000) };
const owes: CardToday = { moved: true, owesRepeat: true };
const settled: CardToday = { moved: true, owesRepeat: false };

describe("outcome: every event × every kind of schedule", () => {
  it("a new card: grades start it (1 day; below 4 again today), a quiz miss or hit leaves it new", () => {
    const all = outcomes({ schedule: null }, CTX);
    for (const q of [0, 1, 2, 3, 4, 5] as const) {
      const o = all.grades[q];
      expect(o.log).toMatchObject({ origin: "review", kind: "new", grade: q, before: null });
      expect(o.schedule).toMatchObject({ intervalDays: 1, lapses: 0, dueAt: TOMORROW, lastReviewedAt: NOW, repetitions: q < 3 ? 0 : 1 });
      expect(gradeLabel(o)).toEqual({ againToday: q < 4, intervalDays: 1 });
    }
    expect(all.quizMiss).toEqual({ schedule: null, today: { moved: false, owesRepeat: false }, log: null });
    expect(all.quizHit.log).toBeNull();
  });

  it("a learning card due today: a pass schedules 6 days? no — repetitions 0 gives 1 day; a miss with no repetitions is no lapse", () => {
    const all = outcomes({ schedule: learning }, CTX);
    expect(all.grades[4].schedule).toMatchObject({ repetitions: 1, intervalDays: 1, lapses: 1, dueAt: TOMORROW });
    expect(all.grades[1].schedule).toMatchObject({ repetitions: 0, intervalDays: 1, lapses: 1 });
    expect(all.grades[4].log?.kind).toBe("review");
    // Already due today: a quiz miss changes nothing, and is not logged.
    expect(all.quizMiss.log).toBeNull();
    expect(all.quizMiss.schedule).toBe(learning);
  });

  it("a young card: 3 is a pass that comes back today; below 3 is a lapse", () => {
    const all = outcomes({ schedule: young }, CTX);
    expect(all.grades[3].schedule).toMatchObject({ repetitions: 3, intervalDays: 15, lapses: 0, dueAt: day(15) });
    expect(gradeLabel(all.grades[3])).toEqual({ againToday: true, intervalDays: 15 });
    expect(gradeLabel(all.grades[5])).toEqual({ againToday: false, intervalDays: 15 });
    expect(all.grades[2].schedule).toMatchObject({ repetitions: 0, intervalDays: 1, lapses: 1 });
    expect(gradeLabel(all.grades[2])).toEqual({ againToday: true, intervalDays: 1 });
  });

  it("a mature card due in a month: a quiz miss makes it due now and nothing else", () => {
    const o = outcome({ schedule: mature }, { type: "quiz-miss" }, CTX);
    expect(o.schedule).toEqual({ ...mature, dueAt: NOW });
    expect(o.log).toMatchObject({ origin: "quiz", kind: "quiz", grade: 0, before: mature, after: { ...mature, dueAt: NOW } });
    expect(o.today).toEqual({ moved: false, owesRepeat: false });
  });

  it("a card owing a repeat: grades are repeats (schedule unchanged), 4 and 5 end it for today", () => {
    const all = outcomes({ schedule: movedToday, today: owes }, CTX);
    for (const q of [0, 1, 2, 3, 4, 5] as const) {
      const o = all.grades[q];
      expect(o.schedule).toBe(movedToday);
      expect(o.log).toMatchObject({ kind: "drill", before: movedToday, after: movedToday });
      expect(gradeLabel(o)).toEqual({ againToday: q < 4, intervalDays: null });
    }
  });

  it("a card answered today with 4 or 5: a quiz miss makes it owe a repeat, schedule unchanged", () => {
    const o = outcome({ schedule: movedToday, today: settled }, { type: "quiz-miss" }, CTX);
    expect(o.schedule).toBe(movedToday);
    expect(o.today).toEqual({ moved: true, owesRepeat: true });
    expect(o.log).toMatchObject({ kind: "quiz", before: movedToday, after: movedToday });
  });

  it("a quiz hit never changes anything", () => {
    for (const [schedule, today] of [[null, undefined], [learning, undefined], [mature, undefined], [movedToday, owes]] as const) {
      expect(outcome({ schedule, today }, { type: "quiz-hit" }, CTX)).toMatchObject({ schedule, log: null });
    }
  });
});

describe("cardToday", () => {
  const r = (origin: string, kind: string, grade: number) => ({ origin, kind, grade });
  it.each([
    [[], { moved: false, owesRepeat: false }],
    [[r("review", "new", 5)], { moved: true, owesRepeat: false }],
    [[r("review", "review", 3)], { moved: true, owesRepeat: true }],
    [[r("review", "review", 2), r("review", "drill", 4)], { moved: true, owesRepeat: false }],
    [[r("review", "review", 5), r("quiz", "quiz", 0)], { moved: true, owesRepeat: true }],
    [[r("review", "review", 5), r("quiz", "quiz", 0), r("review", "drill", 5)], { moved: true, owesRepeat: false }],
    [[r("quiz", "quiz", 0)], { moved: false, owesRepeat: false }],
    [[r("quiz", "quiz", 0), r("review", "review", 4)], { moved: true, owesRepeat: false }],
  ])("%j → %j", (rows, expected) => {
    expect(cardToday(rows)).toEqual(expected);
  });
});

describe("rollback", () => {
  it("gives back the schedule before the entry, and refuses an entry that is not the card's latest", () => {
    const o = outcome({ schedule: young }, { type: "grade", grade: 4 }, CTX);
    expect(rollback(o.schedule, o.log!)).toBe(young);
    const fresh = outcome({ schedule: null }, { type: "grade", grade: 4 }, CTX);
    expect(rollback(fresh.schedule, fresh.log!)).toBeNull();
    expect(() => rollback(mature, o.log!)).toThrow(/latest/);
  });
});
