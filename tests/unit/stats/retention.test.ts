import { describe, expect, it } from "vitest";
import { lastWeeks } from "@/lib/core/stats/ranges";
import { retention, retentionRows, type GradedLogLike } from "@/lib/core/stats/retention";

const d = (iso: string) => new Date(iso);
const LA = "America/Los_Angeles";

describe("retention (reviews graded ≥ 3; young < 21 days, mature ≥ 21)", () => {
  // Two learner weeks in LA around the spring switch: Mon 03-02 … and Mon 03-09 … (today Wed 03-11).
  const range = lastWeeks(d("2026-03-11T20:00:00Z"), 2, LA, 4);
  const log = (iso: string, grade: number, intervalBefore: number, kind = "review", undone = false): GradedLogLike => ({
    reviewedAt: d(iso), grade, intervalBefore, kind, undoneAt: undone ? d(iso) : null,
  });
  const logs = [
    log("2026-03-03T18:00:00Z", 3, 20), // week 1, young, pass (3 is a pass)
    log("2026-03-04T18:00:00Z", 2, 20), // week 1, young, fail
    log("2026-03-05T18:00:00Z", 5, 21), // week 1, mature (21 is mature), pass
    log("2026-03-09T10:30:00Z", 0, 40), // Mon 03-09 03:30 PDT: before the rollover, so still week 1; mature fail
    log("2026-03-09T11:00:00Z", 4, 1), // Mon 03-09 04:00 PDT: week 2, young pass
    log("2026-03-10T18:00:00Z", 1, 30), // week 2, mature fail
    log("2026-03-10T18:00:00Z", 5, 30, "drill"), // drills, first sightings and quiz rows do not count
    log("2026-03-10T18:00:00Z", 5, 0, "new"),
    log("2026-03-10T18:00:00Z", 0, 30, "quiz"),
    log("2026-03-10T19:00:00Z", 5, 30, "review", true), // undone
    log("2026-03-12T11:00:00Z", 5, 30), // tomorrow: outside
    log("2026-03-02T11:59:00Z", 5, 30), // before the first week
  ];

  it("buckets by learner week and splits young from mature", () => {
    const rows = retentionRows(logs, range.boundaries);
    expect(rows).toEqual([
      { bucket: 0, mature: false, passed: 1, total: 2 },
      { bucket: 0, mature: true, passed: 1, total: 2 },
      { bucket: 1, mature: false, passed: 1, total: 1 },
      { bucket: 1, mature: true, passed: 0, total: 1 },
    ]);
    const r = retention(range.keys, rows);
    expect(r.buckets).toEqual([
      { key: "2026-03-02", young: { passed: 1, total: 2, share: 0.5 }, mature: { passed: 1, total: 2, share: 0.5 } },
      { key: "2026-03-09", young: { passed: 1, total: 1, share: 1 }, mature: { passed: 0, total: 1, share: 0 } },
    ]);
    expect(r.young).toEqual({ passed: 2, total: 3, share: 2 / 3 });
    expect(r.mature).toEqual({ passed: 1, total: 3, share: 1 / 3 });
  });

  it("has no share where nothing was reviewed, and ignores junk rows", () => {
    const r = retention(["a", "b"], [
      { bucket: 1, mature: true, passed: 9, total: 4 }, // passed clamped to total
      { bucket: 5, mature: false, passed: 1, total: 1 },
      { bucket: 0, mature: false, passed: 0, total: 0 },
    ]);
    expect(r.buckets[0]).toEqual({ key: "a", young: { passed: 0, total: 0, share: null }, mature: { passed: 0, total: 0, share: null } });
    expect(r.buckets[1].mature).toEqual({ passed: 4, total: 4, share: 1 });
    expect(r.young.share).toBeNull();
  });
});
