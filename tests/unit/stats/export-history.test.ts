import { describe, expect, it } from "vitest";
import { historyFromExport } from "@/lib/core/stats/export-history";

const exportOf = (reviewLog: unknown[], settings: Record<string, unknown> = {}) => ({
  format: "kubecards-learner-export",
  formatVersion: 1,
  exportedAt: "2026-03-10T00:00:00.000Z",
  profile: { id: "u1" },
  settings: { locale: "en", timeZone: "Europe/Berlin", rolloverHour: 4, newPerDay: 20, maxReviewsPerDay: 200, ...settings },
  reviewStates: [],
  reviewLog,
  quizAttempts: [],
});
const row = (cardKey: string, reviewedAt: string, grade: number, more: Record<string, unknown> = {}) => ({
  cardKey, grade, origin: "review", kind: "review", reviewedAt, undoneAt: null, repsBefore: 0, ...more,
});

describe("historyFromExport", () => {
  it("turns the log into memory events on the learner's days, in time order", () => {
    const out = historyFromExport(
      exportOf([
        row("a", "2026-03-02T09:00:00.000Z", 3),
        row("a", "2026-03-01T09:00:00.000Z", 4),
        row("a", "2026-03-02T02:30:00.000Z", 0), // 03:30 Berlin: before the 04:00 rollover, still 1 March → a drill
        row("b", "2026-03-01T10:00:00.000Z", 5, { undoneAt: "2026-03-01T10:00:05.000Z" }),
        row("b", "2026-03-01T11:00:00.000Z", 2, { origin: "quiz", kind: "quiz" }),
        row("b", "2026-03-01T12:00:00.000Z", 1),
      ]),
    );
    expect(out).toEqual({
      ok: true,
      timeZone: "Europe/Berlin",
      rolloverHour: 4,
      events: [
        { cardKey: "a", day: "2026-03-01", grade: 4 },
        { cardKey: "b", day: "2026-03-01", grade: 1 },
        { cardKey: "a", day: "2026-03-02", grade: 3 },
      ],
    });
  });

  it("refuses what is not a v1 account export, naming the field", () => {
    const cases: [unknown, string][] = [
      [null, "(root)"],
      [{ ...exportOf([]), format: "anki" }, "format"],
      [{ ...exportOf([]), formatVersion: 2 }, "formatVersion"],
      [exportOf([], { timeZone: "Mars/Olympus" }), "settings.timeZone"],
      [exportOf([], { rolloverHour: 24 }), "settings.rolloverHour"],
      [exportOf([row("a", "yesterday", 4)]), "reviewLog.0.reviewedAt"],
      [exportOf([row("", "2026-03-01T09:00:00.000Z", 4)]), "reviewLog.0.cardKey"],
      [exportOf([row("a", "2026-03-01T09:00:00.000Z", 4.5)]), "reviewLog.0.grade"],
    ];
    for (const [input, field] of cases) {
      const out = historyFromExport(input);
      expect(out.ok).toBe(false);
      if (!out.ok) expect(out.error).toContain(`${field}:`);
    }
  });

  it("leaves out grades outside 0–5 rather than failing the whole file", () => {
    const out = historyFromExport(exportOf([row("a", "2026-03-01T09:00:00.000Z", 9), row("a", "2026-03-03T09:00:00.000Z", 4)]));
    expect(out.ok && out.events).toEqual([{ cardKey: "a", day: "2026-03-03", grade: 4 }]);
  });
});
