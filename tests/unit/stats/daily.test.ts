import { describe, expect, it } from "vitest";
import { countByBucket, dailyCounts, summarizeDays, type LogLike } from "@/lib/core/stats/daily";
import { daysBetween } from "@/lib/core/stats/ranges";

const d = (iso: string) => new Date(iso);

/** The same moments seen from three zones (rollover 04:00), straddling the LA spring switch. */
const LOGS: LogLike[] = [
  { reviewedAt: d("2026-03-07T09:30:00Z"), kind: "review" }, // LA 03-07 01:30 PST
  { reviewedAt: d("2026-03-07T12:00:00Z"), kind: "review" }, // LA 04:00 PST exactly
  { reviewedAt: d("2026-03-08T10:30:00Z"), kind: "review" }, // LA 03:30 PDT, after the jump
  { reviewedAt: d("2026-03-08T10:59:59.999Z"), kind: "review" },
  { reviewedAt: d("2026-03-08T11:00:00Z"), kind: "new" }, // LA 04:00 PDT
  { reviewedAt: d("2026-03-09T08:30:00Z"), kind: "review" }, // LA 03-09 01:30 PDT
  { reviewedAt: d("2026-03-09T20:00:00Z"), kind: "drill" }, // Shanghai 03-10 04:00 exactly
  { reviewedAt: d("2026-03-09T21:00:00Z"), kind: "review", undoneAt: d("2026-03-09T21:01:00Z") },
  { reviewedAt: d("2026-03-08T09:00:00Z"), kind: "quiz" }, // LA 01:00 PST
];

type Expect = Record<string, Partial<Record<"review" | "new" | "drill" | "quiz", number>>>;

describe("reviews per learner day, by kind", () => {
  it.each<[string, string, string, Expect]>([
    ["America/Los_Angeles", "2026-03-06", "2026-03-09", {
      "2026-03-06": { review: 1 },
      "2026-03-07": { review: 3, quiz: 1 },
      "2026-03-08": { review: 1, new: 1 },
      "2026-03-09": { drill: 1 },
    }],
    ["Asia/Shanghai", "2026-03-06", "2026-03-10", {
      "2026-03-06": {},
      "2026-03-07": { review: 2 },
      "2026-03-08": { review: 2, new: 1, quiz: 1 },
      "2026-03-09": { review: 1 },
      "2026-03-10": { drill: 1 },
    }],
    ["Europe/Berlin", "2026-03-06", "2026-03-09", {
      "2026-03-06": {},
      "2026-03-07": { review: 2 },
      "2026-03-08": { review: 2, new: 1, quiz: 1 },
      "2026-03-09": { review: 1, drill: 1 },
    }],
  ])("%s %s..%s", (tz, from, to, expected) => {
    const range = daysBetween(from, to, tz, 4);
    const days = dailyCounts(range.keys, countByBucket(LOGS, range.boundaries));
    expect(days.map((x) => x.key)).toEqual(Object.keys(expected));
    for (const day of days) {
      const e = { review: 0, new: 0, drill: 0, quiz: 0, ...expected[day.key] };
      expect(day).toMatchObject(e);
      expect(day.total).toBe(e.review + e.new + e.drill + e.quiz);
      expect(day.studied).toBe(e.review + e.new + e.drill);
    }
    // Every non-undone log inside the range is counted exactly once.
    const inside = LOGS.filter((l) => !l.undoneAt && l.reviewedAt >= range.boundaries[0] && l.reviewedAt < range.boundaries.at(-1)!);
    expect(days.reduce((s, x) => s + x.total, 0)).toBe(inside.length);
  });

  it("ignores unknown kinds, empty counts and rows outside the keys", () => {
    const days = dailyCounts(["a", "b"], [
      { bucket: 0, kind: "review", count: 2 },
      { bucket: 0, kind: "weird", count: 5 },
      { bucket: 1, kind: "quiz", count: 0 },
      { bucket: 2, kind: "review", count: 9 },
      { bucket: -1, kind: "review", count: 9 },
    ]);
    expect(days).toEqual([
      { key: "a", review: 2, new: 0, drill: 0, quiz: 0, total: 2, studied: 2 },
      { key: "b", review: 0, new: 0, drill: 0, quiz: 0, total: 0, studied: 0 },
    ]);
  });

  it("summarises a series", () => {
    const days = dailyCounts(["a", "b", "c", "d"], [
      { bucket: 1, kind: "review", count: 3 },
      { bucket: 3, kind: "new", count: 5 },
      { bucket: 3, kind: "quiz", count: 1 },
    ]);
    // Reviews only, as the Today tile and the calendar count them; the quiz miss apart.
    expect(summarizeDays(days)).toEqual({ total: 8, activeDays: 2, average: 2, busiest: { key: "d", count: 5 }, quizMisses: 1 });
    expect(summarizeDays([])).toEqual({ total: 0, activeDays: 0, average: 0, busiest: null, quizMisses: 0 });
  });
});
