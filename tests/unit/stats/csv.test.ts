import { describe, expect, it } from "vitest";
import { csvCell, csvLine } from "@/lib/core/stats/csv";

describe("CSV cells are safe to open in a spreadsheet", () => {
  it.each([
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
    ["+1+1", "'+1+1"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1", "'\t=1"],
    ["\r=1", "\"'\r=1\""],
    ["=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""],
    ["plain", "plain"],
    ["a,b", "\"a,b\""],
    ['say "hi"', '"say ""hi"""'],
    ["line\nbreak", "\"line\nbreak\""],
    ["kube-proxy", "kube-proxy"],
    ["2026-03-08T10:00:00.000Z", "2026-03-08T10:00:00.000Z"],
    ["", ""],
  ])("%j → %j", (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it.each([
    [3, "3"],
    [-1, "-1"],
    [2.36, "2.36"],
    [Number.NaN, ""],
    [true, "true"],
    [false, "false"],
    [null, ""],
    [undefined, ""],
  ])("%j → %j", (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it("joins a record with commas and ends it with CRLF", () => {
    expect(csvLine(["a", 1, "=x", null, "b,c"])).toBe("a,1,'=x,,\"b,c\"\r\n");
  });
});
