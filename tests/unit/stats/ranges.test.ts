import { describe, expect, it } from "vitest";
import { bucketIndex, chunkRange, daysBetween, lastDays, lastWeeks, mondayOf, nextDays, weekdayOf } from "@/lib/core/stats/ranges";

const LA = "America/Los_Angeles";
const BER = "Europe/Berlin";
const SHA = "Asia/Shanghai";
const HOUR = 3_600_000;
const d = (iso: string) => new Date(iso);
const hours = (b: Date[]) => b.slice(1).map((x, i) => (x.getTime() - b[i].getTime()) / HOUR);
const isos = (b: Date[]) => b.map((x) => x.toISOString());

describe("learner-day boundaries across time zones and DST", () => {
  it.each([
    // zone, rollover, now, count, keys, boundaries (UTC), bucket lengths in hours
    [LA, 4, "2026-03-09T18:00:00Z", 3, ["2026-03-07", "2026-03-08", "2026-03-09"],
      ["2026-03-07T12:00:00.000Z", "2026-03-08T11:00:00.000Z", "2026-03-09T11:00:00.000Z", "2026-03-10T11:00:00.000Z"], [23, 24, 24]],
    [LA, 0, "2026-03-09T18:00:00Z", 2, ["2026-03-08", "2026-03-09"],
      ["2026-03-08T08:00:00.000Z", "2026-03-09T07:00:00.000Z", "2026-03-10T07:00:00.000Z"], [23, 24]],
    [LA, 4, "2026-11-02T18:00:00Z", 3, ["2026-10-31", "2026-11-01", "2026-11-02"],
      ["2026-10-31T11:00:00.000Z", "2026-11-01T12:00:00.000Z", "2026-11-02T12:00:00.000Z", "2026-11-03T12:00:00.000Z"], [25, 24, 24]],
    [BER, 4, "2026-10-25T12:00:00Z", 2, ["2026-10-24", "2026-10-25"],
      ["2026-10-24T02:00:00.000Z", "2026-10-25T03:00:00.000Z", "2026-10-26T03:00:00.000Z"], [25, 24]],
    // Rollover at 02:00 falls into Berlin's spring gap: that day starts when the clocks jump.
    [BER, 2, "2026-03-29T12:00:00Z", 2, ["2026-03-28", "2026-03-29"],
      ["2026-03-28T01:00:00.000Z", "2026-03-29T01:00:00.000Z", "2026-03-30T00:00:00.000Z"], [24, 23]],
    [SHA, 4, "2026-03-02T02:00:00Z", 2, ["2026-03-01", "2026-03-02"],
      ["2026-02-28T20:00:00.000Z", "2026-03-01T20:00:00.000Z", "2026-03-02T20:00:00.000Z"], [24, 24]],
  ] as const)("%s rollover %i, now %s, last %i days", (tz, rollover, now, count, keys, boundaries, lengths) => {
    const r = lastDays(d(now), count, tz, rollover);
    expect(r.keys).toEqual(keys);
    expect(isos(r.boundaries)).toEqual(boundaries);
    expect(hours(r.boundaries)).toEqual(lengths);
  });

  it("a 01:30 moment belongs to the learner day before", () => {
    // 2026-03-07 01:30 PST
    const r = lastDays(d("2026-03-07T09:30:00Z"), 1, LA, 4);
    expect(r.keys).toEqual(["2026-03-06"]);
    expect(lastDays(d("2026-03-07T09:30:00Z"), 1, LA, 0).keys).toEqual(["2026-03-07"]);
  });

  it("the forecast starts today and walks across the spring switch", () => {
    const r = nextDays(d("2026-03-07T20:00:00Z"), 3, LA, 4);
    expect(r.keys).toEqual(["2026-03-07", "2026-03-08", "2026-03-09"]);
    expect(hours(r.boundaries)).toEqual([23, 24, 24]);
  });

  it("weeks run Monday to Sunday; the last one ends with today", () => {
    // Wednesday 2026-03-11, 13:00 PDT.
    const r = lastWeeks(d("2026-03-11T20:00:00Z"), 2, LA, 4);
    expect(r.keys).toEqual(["2026-03-02", "2026-03-09"]);
    expect(isos(r.boundaries)).toEqual(["2026-03-02T12:00:00.000Z", "2026-03-09T11:00:00.000Z", "2026-03-12T11:00:00.000Z"]);
    expect(hours(r.boundaries)).toEqual([7 * 24 - 1, 3 * 24]);
  });

  it.each([
    ["2026-03-09", 0, "2026-03-09"],
    ["2026-03-08", 6, "2026-03-02"],
    ["2026-03-11", 2, "2026-03-09"],
    ["2027-01-01", 4, "2026-12-28"],
  ])("weekday of %s is %i, its Monday %s", (key, wd, monday) => {
    expect(weekdayOf(key)).toBe(wd);
    expect(mondayOf(key)).toBe(monday);
  });

  it("daysBetween is empty when from > to and covers a leap day", () => {
    expect(daysBetween("2026-03-02", "2026-03-01", SHA, 4)).toEqual({ keys: [], boundaries: [] });
    expect(daysBetween("2028-02-28", "2028-03-01", SHA, 4).keys).toEqual(["2028-02-28", "2028-02-29", "2028-03-01"]);
  });

  it("rejects a non-positive count", () => {
    expect(() => lastDays(d("2026-03-01T00:00:00Z"), 0, LA, 4)).toThrow(RangeError);
    expect(() => nextDays(d("2026-03-01T00:00:00Z"), -1, LA, 4)).toThrow(RangeError);
    expect(() => chunkRange(lastDays(d("2026-03-01T00:00:00Z"), 3, LA, 4), 0)).toThrow(RangeError);
  });
});

describe("bucketIndex", () => {
  const b = lastDays(d("2026-03-09T18:00:00Z"), 3, LA, 4).boundaries;
  it.each([
    ["2026-03-07T11:59:59.999Z", -1, 0],
    ["2026-03-07T12:00:00.000Z", 0, 0],
    ["2026-03-08T10:59:59.999Z", 0, 0],
    ["2026-03-08T11:00:00.000Z", 1, 1],
    ["2026-03-10T10:59:59.999Z", 2, 2],
    ["2026-03-10T11:00:00.000Z", -1, -1],
  ])("%s → %i (open start: %i)", (iso, closed, open) => {
    expect(bucketIndex(d(iso), b)).toBe(closed);
    expect(bucketIndex(d(iso), b, true)).toBe(open);
    expect(bucketIndex(d(iso).getTime(), b.map((x) => x.getTime()))).toBe(closed);
  });
  it("has no bucket without two boundaries", () => {
    expect(bucketIndex(0, [])).toBe(-1);
    expect(bucketIndex(0, [0])).toBe(-1);
  });
});

describe("chunkRange", () => {
  it("splits into consecutive ranges sharing their edge boundaries", () => {
    const r = lastDays(d("2026-03-09T18:00:00Z"), 10, LA, 4);
    const parts = chunkRange(r, 4);
    expect(parts.map((p) => p.keys.length)).toEqual([4, 4, 2]);
    expect(parts.flatMap((p) => p.keys)).toEqual(r.keys);
    for (const p of parts) expect(p.boundaries).toHaveLength(p.keys.length + 1);
    expect(parts[1].boundaries[0]).toEqual(parts[0].boundaries[4]);
    expect(parts[2].boundaries[2]).toEqual(r.boundaries[10]);
  });
});
