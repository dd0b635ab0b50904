import { describe, expect, it } from "vitest";
import { formatInterval, formatIntervalShort } from "@/lib/core/srs/preview";

describe("formatInterval", () => {
  it.each([
    [0, 0, "d"],
    [1, 1, "d"],
    [6, 6, "d"],
    [29, 29, "d"],
    [30, 1, "mo"],
    [45, 1, "mo"],
    [46, 2, "mo"],
    [95, 3, "mo"],
    [131, 4, "mo"],
    [364, 12, "mo"],
    [365, 1, "y"],
    [393, 1.1, "y"],
    [400, 1.1, "y"],
    [730, 2, "y"],
    [1000, 2.7, "y"],
    [-5, 0, "d"],
    [NaN, 0, "d"],
    [1.6, 2, "d"],
  ])("%s days → %s %s", (days, value, unit) => {
    expect(formatInterval(days)).toEqual({ value, unit });
  });
});

describe("formatIntervalShort", () => {
  it.each([
    [1, "1 d", "1天"],
    [6, "6 d", "6天"],
    [95, "3 mo", "3个月"],
    [400, "1.1 y", "1.1年"],
    [730, "2 y", "2年"],
  ])("%s days → %s / %s", (days, en, zh) => {
    expect(formatIntervalShort(days, "en")).toBe(en);
    expect(formatIntervalShort(days, "zh-CN")).toBe(zh);
  });
});
