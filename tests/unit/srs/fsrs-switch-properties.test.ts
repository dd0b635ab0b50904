import { describe, expect, it } from "vitest";
import { checkSchedule, fsrsAlgorithm, rescheduleUnder, sameSchedule, SM2_ALGORITHM, type SchedulingAlgorithm } from "@/lib/core/srs";
import { randomOps, SimLearner, ZONES } from "../../helpers/schedule-sim";

const SEQUENCES = 1500;
const CARDS = 2;
const ALGORITHMS: SchedulingAlgorithm[] = [SM2_ALGORITHM, fsrsAlgorithm({ desiredRetention: 0.9 }), fsrsAlgorithm({ desiredRetention: 0.75 })];

describe("switching between SM-2 and FSRS over random event sequences", () => {
  it(`keeps every stored schedule equal to the replay of its log and to its history under the algorithm in force, after every step of ${SEQUENCES} sequences`, () => {
    const problems: string[] = [];
    const seen = { switches: 0, fsrsGrades: 0, sm2AfterFsrs: 0 };
    for (let n = 0; n < SEQUENCES && problems.length < 5; n++) {
      const { zone, start } = ZONES[n % ZONES.length];
      const sim = new SimLearner(zone, new Date(start), CARDS);
      let wasFsrs = false;
      for (const [step, op] of randomOps(7000 + n, CARDS, 6 + (n % 23), ALGORITHMS.length).entries()) {
        sim.tick();
        if (op.type === "wait") sim.wait(op.ms);
        else if (op.type === "switch") {
          sim.switchTo(ALGORITHMS[op.to]);
          seen.switches++;
          if (op.to === 0 && wasFsrs) seen.sm2AfterFsrs++;
          wasFsrs ||= op.to > 0;
        } else if (op.type === "undo") {
          sim.undo();
        } else if (op.type === "grade") {
          if (!sim.offers(op.card)) continue;
          if (sim.apply(op.card, { type: "grade", grade: op.grade }) !== "drill" && sim.algorithm.name === "fsrs") seen.fsrsGrades++;
        } else sim.apply(op.card, { type: op.type });
        for (let c = 0; c < CARDS; c++) {
          const rows = sim.rowsOf(c);
          const found = checkSchedule(rows, sim.schedules[c], zone, sim.switches);
          if (found.length) problems.push(`seq ${n} step ${step} (${op.type}) card ${c}: ${JSON.stringify(found[0])}`);
          // Nothing lost: whatever the switches, the card is its own history under today's algorithm.
          const oracle = rescheduleUnder(rows, sim.algorithm, zone);
          if (!sameSchedule(oracle, sim.schedules[c])) problems.push(`seq ${n} step ${step} (${op.type}) card ${c}: differs from its history under ${sim.algorithm.name}`);
          if (sim.algorithm === SM2_ALGORITHM && sim.schedules[c] && sim.schedules[c]!.stability != null) problems.push(`seq ${n} card ${c}: SM-2 card kept an FSRS memory`);
        }
      }
    }
    expect(problems).toEqual([]);
    // The generator reaches every path it claims to test.
    expect(seen.switches).toBeGreaterThan(1000);
    expect(seen.fsrsGrades).toBeGreaterThan(1000);
    expect(seen.sm2AfterFsrs).toBeGreaterThan(100);
  }, 180_000);

  it("the replay check catches a switch it was not told of and a row with the wrong algorithm", () => {
    const { zone, start } = ZONES[0];
    const sim = new SimLearner(zone, new Date(start), 1);
    sim.apply(0, { type: "grade", grade: 4 });
    sim.wait(3 * 86_400_000);
    sim.switchTo(ALGORITHMS[1]);
    sim.wait(86_400_000);
    sim.apply(0, { type: "grade", grade: 4 });
    const rows = sim.rowsOf(0);
    expect(checkSchedule(rows, sim.schedules[0], zone, sim.switches)).toEqual([]);
    expect(checkSchedule(rows, sim.schedules[0], zone, []).length).toBeGreaterThan(0);
    const mislabelled = rows.map((r, i) => (i === 1 ? { ...r, algorithm: "sm2" } : r));
    expect(checkSchedule(mislabelled, sim.schedules[0], zone, sim.switches).some((p) => /scheduled with 'sm2' where 'fsrs'/.test(p.problem))).toBe(true);
  });
});
