import { describe, expect, it } from "vitest";
import { localDayKey } from "@/lib/core/srs/days";
import { streaks } from "@/lib/core/stats/streaks";

describe("streaks from day keys", () => {
  it.each<[string, string[], string, { current: number; longest: number; today: boolean }]>([
    ["nothing yet", [], "2026-03-08", { current: 0, longest: 0, today: false }],
    ["only today", ["2026-03-08"], "2026-03-08", { current: 1, longest: 1, today: true }],
    ["through yesterday, today not yet", ["2026-03-05", "2026-03-06", "2026-03-07"], "2026-03-08", { current: 3, longest: 3, today: false }],
    ["broken the day before yesterday", ["2026-03-05", "2026-03-06"], "2026-03-08", { current: 0, longest: 2, today: false }],
    ["longest in the past", ["2026-01-01", "2026-01-02", "2026-01-03", "2026-01-04", "2026-03-07", "2026-03-08"], "2026-03-08", { current: 2, longest: 4, today: true }],
    ["across a month and a year end", ["2025-12-30", "2025-12-31", "2026-01-01", "2026-02-28", "2026-03-01"], "2026-03-01", { current: 2, longest: 3, today: true }],
    ["across a leap day", ["2028-02-28", "2028-02-29", "2028-03-01"], "2028-03-01", { current: 3, longest: 3, today: true }],
    ["duplicates and unsorted input", ["2026-03-08", "2026-03-06", "2026-03-07", "2026-03-07"], "2026-03-08", { current: 3, longest: 3, today: true }],
    ["days after today (clock skew) are ignored", ["2026-03-07", "2026-03-09", "2026-03-10"], "2026-03-08", { current: 1, longest: 1, today: false }],
  ])("%s", (_name, days, today, expected) => {
    expect(streaks(days, today)).toEqual(expected);
  });

  it("uses learner days: with a 04:00 rollover a 01:30 review keeps the streak, at midnight it breaks it", () => {
    const LA = "America/Los_Angeles";
    const reviews = [
      new Date("2026-03-06T06:00:00Z"), // Thu 03-05 22:00 PST
      new Date("2026-03-07T09:30:00Z"), // Sat 03-07 01:30 PST: for a 04:00 learner, still Friday
      new Date("2026-03-08T10:30:00Z"), // Sun 03-08 03:30 PDT (just after the spring switch): still Saturday
    ];
    const now = new Date("2026-03-08T10:45:00Z");
    const at = (h: number) => streaks(reviews.map((r) => localDayKey(r, LA, h)), localDayKey(now, LA, h));
    expect(at(4)).toEqual({ current: 3, longest: 3, today: true });
    expect(at(0)).toEqual({ current: 2, longest: 2, today: true });
  });
});
