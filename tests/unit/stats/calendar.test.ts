import { describe, expect, it } from "vitest";
import { calendarDayCount, calendarWeeks, heatLevel } from "@/lib/core/stats/calendar";
import { daysBetween } from "@/lib/core/stats/ranges";

describe("calendar heat map layout", () => {
  it.each([
    ["2026-03-09", 365], // Monday
    ["2026-03-11", 367],
    ["2026-03-08", 371], // Sunday
  ])("shows 52 full weeks plus the current one up to %s: %i days", (today, n) => {
    expect(calendarDayCount(today)).toBe(n);
    const keys = daysBetween("2025-01-01", today, "UTC", 0).keys.slice(-n);
    const weeks = calendarWeeks(keys.map((key) => ({ key, count: 0 })));
    expect(weeks).toHaveLength(53);
    expect(weeks[0].days.every((x) => x !== null)).toBe(true); // starts on a Monday
    expect(weeks.at(-1)!.days.filter((x) => x !== null).at(-1)!.key).toBe(today);
  });

  it("leaves days before the range and after today empty", () => {
    const weeks = calendarWeeks([
      { key: "2026-03-04", count: 1 },
      { key: "2026-03-05", count: 4 },
      { key: "2026-03-06", count: 0 },
      { key: "2026-03-07", count: 2 },
      { key: "2026-03-08", count: 3 },
      { key: "2026-03-09", count: 0 },
      { key: "2026-03-10", count: 1 },
    ]);
    expect(weeks.map((w) => w.key)).toEqual(["2026-03-02", "2026-03-09"]);
    expect(weeks[0].days.map((x) => x?.level ?? null)).toEqual([null, null, 1, 4, 0, 2, 3]);
    expect(weeks[1].days.map((x) => x?.count ?? null)).toEqual([0, 1, null, null, null, null, null]);
    expect(calendarWeeks([])).toEqual([]);
  });

  it.each([
    [0, 10, 0],
    [1, 100, 1],
    [25, 100, 1],
    [26, 100, 2],
    [75, 100, 3],
    [76, 100, 4],
    [100, 100, 4],
    [3, 0, 0],
  ])("level of %i with busiest %i is %i", (count, max, level) => {
    expect(heatLevel(count, max)).toBe(level);
  });
});
