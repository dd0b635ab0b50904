import { describe, expect, it } from "vitest";
import { mulberry32 } from "@/lib/core/quiz/rng";
import { applyOps, checkSchedule, dayBounds, localSession, SM2_ALGORITHM, type AnswerOp, type DayPack, type PackOp, type Quality } from "@/lib/core/srs";
import { ZONES } from "../../helpers/schedule-sim";

/**
 * The browser's day (lib/core/srs/day-pack) over thousands of random sessions of a new learner:
 * answers of the card on screen, undos, waits into tomorrow. After every op the day's rows are the
 * learner's whole log, so every state must equal the replay of its rows; the card on screen must
 * be one the model takes an answer for; and what the screen counts must match the rows.
 */
const SEQUENCES = 2000;
const CARDS = Array.from({ length: 12 }, (_, i) => `card-${String(i).padStart(2, "0")}`);
const MINUTE = 60_000;
const WAITS = [5000, 5000, 5000, MINUTE, 20 * MINUTE, 5 * 60 * MINUTE, 14 * 60 * MINUTE];

function emptyPack(zone: { timeZone: string; rolloverHour: number }, now: Date, newPerDay: number): DayPack {
  const today = dayBounds(now, zone.timeZone, zone.rolloverHour);
  return {
    format: 1,
    userId: "u",
    builtAt: now,
    learner: { ...zone, newPerDay, maxReviewsPerDay: 200, algorithm: "sm2", desiredRetention: 0.9, fsrsWeights: null, createdAt: new Date(now.getTime() - 86_400_000), switchedAt: null },
    horizon: dayBounds(today.end, zone.timeZone, zone.rolloverHour).end,
    states: [],
    rows: [],
    newCardIds: [...CARDS],
    laterDueAt: null,
  };
}

describe("the browser's day: random sessions", () => {
  it(`keeps every state equal to the replay of its rows after every op (${SEQUENCES} sequences)`, () => {
    const problems: string[] = [];
    let answers = 0;
    let undos = 0;
    let repeats = 0;
    for (let n = 0; n < SEQUENCES && problems.length < 5; n++) {
      const { zone, start } = ZONES[n % ZONES.length];
      const rnd = mulberry32(7000 + n);
      let now = new Date(start);
      const pack = emptyPack(zone, now, 3 + (n % 5));
      const ops: PackOp[] = [];
      let day = applyOps(pack, ops, now, SM2_ALGORITHM);
      for (let i = 0; i < 30 && now.getTime() < pack.horizon.getTime(); i++) {
        const s = localSession(day, now, SM2_ALGORITHM);
        if (s.undoTarget && rnd() < 0.12) {
          ops.push({ type: "undo", requestId: `u-${n}-${i}`, target: s.undoTarget, at: now });
          undos++;
        } else if (s.card) {
          ops.push({ type: "grade", requestId: `g-${n}-${i}`, cardId: s.card.id, grade: Math.floor(rnd() * 6) as Quality, answeredAt: now, durationMs: 2000, expected: s.card.expected });
          answers++;
          if (s.card.expected === "repeat") repeats++;
        }
        const after = (day = applyOps(pack, ops, now, SM2_ALGORITHM));
        if (after.refused.size) problems.push(`seq ${n} op ${i}: the model refused what the screen offered`);
        // The card the op touched after every op; every card at the end of the sequence.
        const last = ops.at(-1);
        const touched = last?.type === "grade" ? last.cardId : last ? after.rows.find((r) => r.requestId === last.target)?.cardId : undefined;
        const last30 = i === 29 || now.getTime() >= pack.horizon.getTime() - 14 * 60 * MINUTE;
        for (const cardId of last30 ? CARDS : CARDS.filter((c) => c === touched || (last?.type === "undo" && c === ops.find((o): o is AnswerOp => o.requestId === last.target && o.type === "grade")?.cardId))) {
          const rows = after.rows.filter((r) => r.cardId === cardId).map((r) => ({ ...r, undoneAt: null, algorithm: "sm2" }));
          for (const p of checkSchedule(rows, after.states.get(cardId)?.schedule ?? null, zone)) problems.push(`seq ${n} op ${i} ${cardId}: ${p.problem}`);
        }
        const shown = localSession(after, now, SM2_ALGORITHM);
        const todayStart = dayBounds(now, zone.timeZone, zone.rolloverHour).start.getTime();
        const graded = after.rows.filter((r) => r.origin === "review" && r.reviewedAt.getTime() >= todayStart).length;
        if (shown.today.reviewed !== graded) problems.push(`seq ${n} op ${i}: reviewed ${shown.today.reviewed}, rows ${graded}`);
        now = new Date(now.getTime() + WAITS[Math.floor(rnd() * WAITS.length)]);
      }
    }
    expect(problems).toEqual([]);
    // The sequences reach what they test.
    expect(answers).toBeGreaterThan(SEQUENCES * 10);
    expect(undos).toBeGreaterThan(SEQUENCES);
    expect(repeats).toBeGreaterThan(SEQUENCES);
  }, 120_000);
});
