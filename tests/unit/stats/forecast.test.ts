import { describe, expect, it } from "vitest";
import { forecast, forecastRows } from "@/lib/core/stats/forecast";
import { nextDays } from "@/lib/core/stats/ranges";

const d = (iso: string) => new Date(iso);

describe("forecast of cards due per learner day", () => {
  it.each([
    // zone, now, due instants, expected per day
    ["America/Los_Angeles", "2026-03-07T20:00:00Z", [
      "2026-03-01T00:00:00Z", // overdue → today
      "2026-03-08T10:59:59Z", // 03:59 PDT on 03-08: still learner day 03-07 (23 hours long)
      "2026-03-08T11:00:00Z",
      "2026-03-10T10:59:00Z",
      "2026-03-10T11:00:00Z", // after the range
    ], [["2026-03-07", 2], ["2026-03-08", 1], ["2026-03-09", 1]]],
    ["Asia/Shanghai", "2026-03-07T20:00:00Z", [
      "2026-03-07T19:59:59Z", // before today's start → today
      "2026-03-07T20:00:00Z",
      "2026-03-08T20:00:00Z",
      "2026-03-08T20:00:00Z",
    ], [["2026-03-08", 2], ["2026-03-09", 2], ["2026-03-10", 0]]],
    ["Europe/Berlin", "2026-10-24T12:00:00Z", [
      "2026-10-25T02:30:00Z", // 03:30 CET after the autumn switch: still learner day 10-24 (25 hours long)
      "2026-10-25T03:00:00Z",
    ], [["2026-10-24", 1], ["2026-10-25", 1], ["2026-10-26", 0]]],
  ] as const)("%s at %s", (tz, now, dues, expected) => {
    const range = nextDays(d(now), 3, tz, 4);
    const days = forecast(range.keys, forecastRows(dues.map(d), range.boundaries));
    expect(days.map((x) => [x.key, x.due])).toEqual(expected);
  });

  it("fills days without rows with 0 and ignores rows outside", () => {
    expect(forecast(["a", "b"], [{ bucket: 1, count: 3 }, { bucket: 2, count: 1 }, { bucket: -1, count: 1 }])).toEqual([
      { key: "a", due: 0 },
      { key: "b", due: 3 },
    ]);
  });
});
