import { describe, expect, it } from "vitest";
import { answerable, answerMoment, type Schedule } from "@/lib/core/srs";

const at = (iso: string) => new Date(iso);
const NOW = at("2026-06-10T12:00:00Z");

describe("answerMoment: when a delivered answer counts", () => {
  it("keeps the moment it was given when nothing forbids it", () => {
    expect(answerMoment(at("2026-06-10T08:00:00Z"), { after: [at("2026-06-09T08:00:00Z")], notBefore: [at("2026-01-01T00:00:00Z")] }, NOW)).toEqual(at("2026-06-10T08:00:00Z"));
  });
  it("never in the future", () => {
    expect(answerMoment(at("2030-01-01T00:00:00Z"), { after: [], notBefore: [] }, NOW)).toEqual(NOW);
  });
  it("a millisecond after the card's previous answer, however early it claims to be", () => {
    expect(answerMoment(at("2020-01-01T00:00:00Z"), { after: [at("2026-06-10T10:00:00Z"), null], notBefore: [] }, NOW)).toEqual(at("2026-06-10T10:00:00.001Z"));
  });
  it("not before the account or the last switch of algorithm", () => {
    expect(answerMoment(at("2020-01-01T00:00:00Z"), { after: [], notBefore: [at("2026-03-01T00:00:00Z"), at("2026-05-01T00:00:00Z")] }, NOW)).toEqual(at("2026-05-01T00:00:00Z"));
  });
  it("an invalid moment counts as now", () => {
    expect(answerMoment(new Date(Number.NaN), { after: [], notBefore: [] }, NOW)).toEqual(NOW);
  });
});

describe("answerable: which cards take an answer at a moment", () => {
  const ctx = { now: NOW, timeZone: "Europe/Berlin", rolloverHour: 4 };
  const schedule = (dueAt: string): Schedule => ({ repetitions: 2, easiness: 2.5, intervalDays: 6, lapses: 0, dueAt: at(dueAt), lastReviewedAt: at("2026-06-04T10:00:00Z") });
  it("a new card, a card due by the end of the learner's day, a card already moved today (a repeat)", () => {
    expect(answerable(null, { moved: false, owesRepeat: false }, ctx)).toBe(true);
    expect(answerable(schedule("2026-06-11T01:00:00Z"), { moved: false, owesRepeat: false }, ctx)).toBe(true); // before 04:00 Berlin tomorrow
    expect(answerable(schedule("2026-06-20T02:00:00Z"), { moved: true, owesRepeat: false }, ctx)).toBe(true);
  });
  it("not a card due on a later day (answered elsewhere since)", () => {
    expect(answerable(schedule("2026-06-11T03:00:00Z"), { moved: false, owesRepeat: false }, ctx)).toBe(false); // 05:00 Berlin tomorrow
  });
});
