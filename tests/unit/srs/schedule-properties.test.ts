import { describe, expect, it } from "vitest";
import { cardToday, checkSchedule, rollback, sameSchedule, type ReplayRow } from "@/lib/core/srs";
import { randomOps, SimLearner, ZONES, type SimRow } from "../../helpers/schedule-sim";

const SEQUENCES = 10_000;
const CARDS = 2;

/** A card's rows in commit order (reviewedAt, then insertion), as the database returns them. */
function rowsOf(rows: SimRow[], card: number): ReplayRow[] {
  return rows
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => r.card === card)
    .sort((a, b) => a.r.reviewedAt.getTime() - b.r.reviewedAt.getTime() || a.i - b.i)
    .map(({ r }) => r);
}

describe("the schedule model over random event sequences", () => {
  it(`replay equals the stored schedule after every step of ${SEQUENCES} sequences, undo takes back its grade only, and rollback undoes exactly`, () => {
    const problems: string[] = [];
    const seen = { grade: 0, drill: 0, quiz: 0, undo: 0, undoAfterQuiz: 0, rollovers: 0 };
    for (let n = 0; n < SEQUENCES && problems.length < 5; n++) {
      const { zone, start } = ZONES[n % ZONES.length];
      const sim = new SimLearner(zone, new Date(start), CARDS);
      const ops = randomOps(n + 1, CARDS, 4 + (n % 17));
      for (const [step, op] of ops.entries()) {
        sim.tick();
        let touched: number | null = null;
        if (op.type === "wait") {
          sim.wait(op.ms);
          seen.rollovers++;
          continue;
        }
        if (op.type === "undo") {
          const lastQuiz = sim.rows.at(-1)?.origin === "quiz";
          if (!sim.undo()) continue;
          seen.undo++;
          if (lastQuiz) seen.undoAfterQuiz++;
          touched = -1;
        } else if (op.type === "grade") {
          if (!sim.offers(op.card)) continue;
          const before = sim.schedules[op.card];
          const kind = sim.apply(op.card, { type: "grade", grade: op.grade });
          if (kind === "drill") seen.drill++;
          else seen.grade++;
          // Rollback of the entry just written gives back exactly the schedule before it.
          const row = sim.rows.at(-1)!;
          const back = rollback(sim.schedules[op.card], row);
          if (!sameSchedule(back, before)) problems.push(`seq ${n} step ${step}: rollback of a ${kind} differs`);
          touched = op.card;
        } else {
          const before = sim.schedules[op.card];
          const kind = sim.apply(op.card, { type: op.type });
          if (op.type === "quiz-hit" && (kind !== null || !sameSchedule(before, sim.schedules[op.card]))) problems.push(`seq ${n} step ${step}: a quiz hit changed the card`);
          if (kind) seen.quiz++;
          touched = op.card;
        }
        const cards = touched === -1 ? [...Array(CARDS).keys()] : [touched];
        for (const c of cards) {
          const found = checkSchedule(rowsOf(sim.rows, c), sim.schedules[c], zone);
          if (found.length) problems.push(`seq ${n} step ${step} (${op.type}) card ${c}: ${JSON.stringify(found[0])}`);
          // And the schedule is what the standing events give: an undo takes back its grade only.
          const expected = sim.expected(c);
          if (!sameSchedule(expected.schedule, sim.schedules[c])) problems.push(`seq ${n} step ${step} (${op.type}) card ${c}: schedule differs from the events applied afresh`);
          if (JSON.stringify(expected.today) !== JSON.stringify(cardToday(sim.rowsToday(c)))) problems.push(`seq ${n} step ${step} (${op.type}) card ${c}: today differs from the events applied afresh`);
        }
      }
    }
    expect(problems).toEqual([]);
    // The sequences reach every path they are meant to test.
    expect(seen.grade).toBeGreaterThan(10_000);
    expect(seen.drill).toBeGreaterThan(2_000);
    expect(seen.quiz).toBeGreaterThan(2_000);
    expect(seen.undo).toBeGreaterThan(2_000);
    expect(seen.undoAfterQuiz).toBeGreaterThan(100);
  }, 300_000);

  it("the check itself notices a lost row, a changed field and a wrong kind", () => {
    const { zone, start } = ZONES[0];
    const sim = new SimLearner(zone, new Date(start), 1);
    sim.apply(0, { type: "grade", grade: 4 });
    sim.wait(2 * 86_400_000);
    sim.apply(0, { type: "grade", grade: 5 });
    sim.tick();
    sim.apply(0, { type: "grade", grade: 2 });
    expect(checkSchedule(rowsOf(sim.rows, 0), sim.schedules[0], zone)).toEqual([]);
    expect(checkSchedule(rowsOf(sim.rows, 0).slice(1), sim.schedules[0], zone).length).toBeGreaterThan(0);
    expect(checkSchedule(rowsOf(sim.rows, 0), { ...sim.schedules[0]!, intervalDays: 99 }, zone)).toContainEqual(expect.objectContaining({ problem: "stored intervalDays differs from the replay" }));
    const wrongKind = rowsOf(sim.rows, 0).map((r, i) => (i === 2 ? { ...r, kind: "review" } : r));
    expect(checkSchedule(wrongKind, sim.schedules[0], zone).some((p) => /kind 'review' where the model gives 'drill'/.test(p.problem))).toBe(true);
  });
});
