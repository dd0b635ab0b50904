import { describe, expect, it } from "vitest";
import {
  buildQueue,
  type QueueCardState,
  type QueueInput,
} from "@/lib/core/srs/queue";
import { movedToday, owesRepeatAfter } from "@/lib/core/srs/schedule";

const LA = "America/Los_Angeles";
// 2026-06-15 20:00 PDT; learner day 2026-06-15 runs 11:00Z .. 2026-06-16 11:00Z (rollover 4)
const NOW = new Date("2026-06-16T03:00:00Z");

function due(cardId: string, dueAt: string, lastReviewedAt: string | null = "2026-06-01T18:00:00Z"): QueueCardState {
  return {
    cardId,
    dueAt: new Date(dueAt),
    repetitions: 3,
    easiness: 2.5,
    intervalDays: 10,
    version: 1,
    lastReviewedAt: lastReviewedAt === null ? null : new Date(lastReviewedAt),
  };
}

function input(over: Partial<QueueInput> = {}): QueueInput {
  return {
    now: NOW,
    timeZone: LA,
    rolloverHour: 4,
    maxReviewsPerDay: 100,
    newPerDay: 10,
    reviewedTodayCount: 0,
    newIntroducedToday: 0,
    dueStates: [],
    newCardIds: [],
    drillCardIds: [],
    ...over,
  };
}

const ids = (q: ReturnType<typeof buildQueue>) => q.items.map((i) => `${i.kind}:${i.cardId}`);

describe("buildQueue", () => {
  it("empty input → empty queue", () => {
    expect(buildQueue(input())).toEqual({ items: [], counts: { review: 0, new: 0, drill: 0 } });
  });

  it("orders reviews oldest dueAt first, ties by cardId, then new in deck order, then drills", () => {
    const q = buildQueue(
      input({
        dueStates: [
          due("r3", "2026-06-15T11:00:00Z"),
          due("r1", "2026-05-01T11:00:00Z"),
          due("r2b", "2026-06-10T11:00:00Z"),
          due("r2a", "2026-06-10T11:00:00Z"),
        ],
        newCardIds: ["n2", "n1", "n3"],
        drillCardIds: ["d2", "d1"],
      }),
    );
    expect(ids(q)).toEqual([
      "review:r1",
      "review:r2a",
      "review:r2b",
      "review:r3",
      "new:n2",
      "new:n1",
      "new:n3",
      "drill:d2",
      "drill:d1",
    ]);
    expect(q.counts).toEqual({ review: 4, new: 3, drill: 2 });
  });

  it("caps reviews at maxReviewsPerDay (keeping the oldest) and new cards at newPerDay (deck order)", () => {
    const q = buildQueue(
      input({
        maxReviewsPerDay: 2,
        newPerDay: 2,
        dueStates: [
          due("a", "2026-06-14T11:00:00Z"),
          due("b", "2026-06-12T11:00:00Z"),
          due("c", "2026-06-15T11:00:00Z"),
          due("d", "2026-06-13T11:00:00Z"),
        ],
        newCardIds: ["n1", "n2", "n3", "n4"],
      }),
    );
    expect(ids(q)).toEqual(["review:b", "review:d", "new:n1", "new:n2"]);
    expect(q.counts).toEqual({ review: 2, new: 2, drill: 0 });
  });

  it("subtracts what was already done today", () => {
    const q = buildQueue(
      input({
        maxReviewsPerDay: 10,
        reviewedTodayCount: 8,
        newPerDay: 5,
        newIntroducedToday: 3,
        dueStates: ["a", "b", "c", "d"].map((c, i) => due(c, `2026-06-1${i}T11:00:00Z`)),
        newCardIds: ["n1", "n2", "n3", "n4"],
      }),
    );
    expect(ids(q)).toEqual(["review:a", "review:b", "new:n1", "new:n2"]);
  });

  it("clamps negative remainders to 0 (but drills still come back)", () => {
    const q = buildQueue(
      input({
        maxReviewsPerDay: 10,
        reviewedTodayCount: 12,
        newPerDay: 5,
        newIntroducedToday: 7,
        dueStates: [due("a", "2026-06-10T11:00:00Z")],
        newCardIds: ["n1"],
        drillCardIds: ["x"],
      }),
    );
    expect(ids(q)).toEqual(["drill:x"]);
    expect(q.counts).toEqual({ review: 0, new: 0, drill: 1 });
  });

  it("caps of 0 give no reviews / no new cards", () => {
    const q = buildQueue(
      input({
        maxReviewsPerDay: 0,
        newPerDay: 0,
        dueStates: [due("a", "2026-06-10T11:00:00Z")],
        newCardIds: ["n1"],
      }),
    );
    expect(q.items).toEqual([]);
  });

  it("treats nonsense caps safely (NaN → 0, fractional → floor)", () => {
    const q = buildQueue(
      input({
        maxReviewsPerDay: NaN,
        newPerDay: 2.9,
        dueStates: [due("a", "2026-06-10T11:00:00Z")],
        newCardIds: ["n1", "n2", "n3"],
      }),
    );
    expect(ids(q)).toEqual(["new:n1", "new:n2"]);
  });

  it("never lists a card twice", () => {
    const q = buildQueue(
      input({
        dueStates: [
          due("a", "2026-06-10T11:00:00Z"),
          due("a", "2026-06-11T11:00:00Z"), // duplicate row
          due("b", "2026-06-12T11:00:00Z"),
          due("x", "2026-06-09T11:00:00Z"), // also a drill → drill wins
        ],
        newCardIds: ["b", "n1", "n1", "x", "n2"],
        drillCardIds: ["x", "y", "x"],
      }),
    );
    expect(ids(q)).toEqual(["review:a", "review:b", "new:n1", "new:n2", "drill:x", "drill:y"]);
    const cardIds = q.items.map((i) => i.cardId);
    expect(new Set(cardIds).size).toBe(cardIds.length);
    expect(q.counts).toEqual({ review: 2, new: 2, drill: 2 });
  });

  it("duplicates and drills do not use up the review cap", () => {
    const q = buildQueue(
      input({
        maxReviewsPerDay: 2,
        dueStates: [
          due("x", "2026-06-01T11:00:00Z"),
          due("a", "2026-06-02T11:00:00Z"),
          due("a", "2026-06-03T11:00:00Z"),
          due("b", "2026-06-04T11:00:00Z"),
        ],
        drillCardIds: ["x"],
      }),
    );
    expect(ids(q)).toEqual(["review:a", "review:b", "drill:x"]);
  });

  it("ignores states not due today and cards already graded today", () => {
    const q = buildQueue(
      input({
        dueStates: [
          due("ok", "2026-06-15T11:00:00Z"), // due at the start of today
          due("late-today", "2026-06-16T10:59:59Z"), // still before the end of today
          due("tomorrow", "2026-06-16T11:00:00Z"), // start of tomorrow: not today
          due("graded-today", "2026-06-14T11:00:00Z", "2026-06-15T12:00:00Z"),
          due("graded-yesterday", "2026-06-14T11:00:00Z", "2026-06-15T10:59:00Z"), // 03:59 = yesterday
          due("never-graded", "2026-06-13T11:00:00Z", null),
          { ...due("bad-date", "2026-06-13T11:00:00Z"), dueAt: new Date(NaN) },
        ],
      }),
    );
    expect(ids(q)).toEqual(["review:never-graded", "review:graded-yesterday", "review:ok", "review:late-today"]);
  });

  it("uses the learner's day, not UTC: 01:30 local still belongs to the evening before", () => {
    // 2026-06-16 01:30 PDT = 08:30Z → learner day 2026-06-15 (rollover 4)
    const at0130 = new Date("2026-06-16T08:30:00Z");
    const states = [due("graded-at-2100", "2026-06-14T11:00:00Z", "2026-06-16T04:00:00Z")];
    expect(ids(buildQueue(input({ now: at0130, dueStates: states })))).toEqual([]);
    // with a midnight rollover 01:30 is a new day, so the card graded at 21:00 counts as yesterday
    expect(ids(buildQueue(input({ now: at0130, rolloverHour: 0, dueStates: states })))).toEqual([
      "review:graded-at-2100",
    ]);
  });

  it("does not mutate its input", () => {
    const dueStates = [due("b", "2026-06-12T11:00:00Z"), due("a", "2026-06-10T11:00:00Z")];
    const newCardIds = ["n1"];
    const drillCardIds = ["d"];
    buildQueue(input({ dueStates, newCardIds, drillCardIds }));
    expect(dueStates.map((s) => s.cardId)).toEqual(["b", "a"]);
    expect(newCardIds).toEqual(["n1"]);
    expect(drillCardIds).toEqual(["d"]);
  });
});

const SCHEDULE = { repetitions: 1, easiness: 2.5, intervalDays: 1, lapses: 0, dueAt: new Date("2026-06-01T00:00:00Z") };

describe("movedToday (a later grade the same learner day is a repeat)", () => {
  const base = { timeZone: LA, rolloverHour: 4 };

  it("a card never answered, or with no answer standing, has not moved", () => {
    expect(movedToday(null, { ...base, now: NOW })).toBe(false);
    expect(movedToday({ ...SCHEDULE, lastReviewedAt: null }, { ...base, now: NOW })).toBe(false);
  });

  // [now, lastReviewedAt, rollover, moved]
  it.each([
    // now 02:00 PDT on 06-15 → learner day 06-14 (started 06-14 04:00 PDT = 11:00Z)
    ["2026-06-15T09:00:00Z", "2026-06-14T12:00:00Z", 4, true], // 05:00 on 06-14: same learner day
    ["2026-06-15T09:00:00Z", "2026-06-15T06:30:00Z", 4, true], // 23:30 on 06-14: same learner day
    ["2026-06-15T09:00:00Z", "2026-06-14T11:00:00Z", 4, true], // exactly at the rollover
    ["2026-06-15T09:00:00Z", "2026-06-14T10:59:59Z", 4, false], // 03:59:59: the day before
    // the same pair with a midnight rollover: 23:30 and 02:00 are different days
    ["2026-06-15T09:00:00Z", "2026-06-15T06:30:00Z", 0, false],
    ["2026-06-15T09:00:00Z", "2026-06-15T07:30:00Z", 0, true], // 00:30 and 02:00 on 06-15
    // crossing the rollover: graded 03:59, graded again 04:00 → new learner day
    ["2026-06-15T11:00:00Z", "2026-06-15T10:59:59Z", 4, false],
    ["2026-06-15T10:59:59Z", "2026-06-15T10:30:00Z", 4, true],
    // across LA's fall back: 00:30 PDT and the second 01:30 (PST) are the same learner day
    ["2026-11-01T09:30:00Z", "2026-11-01T07:30:00Z", 4, true],
    ["2026-11-01T09:30:00Z", "2026-11-01T07:30:00Z", 1, false],
  ] as const)("now %s, last graded %s, rollover %s → moved %s", (now, last, rolloverHour, expected) => {
    expect(movedToday({ ...SCHEDULE, lastReviewedAt: new Date(last) }, { now: new Date(now), timeZone: LA, rolloverHour })).toBe(expected);
  });

  it("a lastReviewedAt in the future (clock skew) never moves the schedule twice", () => {
    expect(movedToday({ ...SCHEDULE, lastReviewedAt: new Date("2026-06-20T00:00:00Z") }, { ...base, now: NOW })).toBe(true);
  });
});

describe("owesRepeatAfter (SM-2 step 7)", () => {
  it.each([
    [0, true],
    [1, true],
    [2, true],
    [3, true],
    [4, false],
    [5, false],
  ])("grade %s → %s", (grade, expected) => {
    expect(owesRepeatAfter(grade)).toBe(expected);
  });
});
