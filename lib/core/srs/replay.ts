/**
 * Rebuilds a card's schedule from its log through the schedule model (./schedule), and says where a
 * row disagrees with it. The log is append-only and every event writes its row in the same
 * transaction as the schedule it changes, so a stored schedule must equal the replay of its log; a
 * difference means a write was lost, torn or applied twice (after a crash, a restore or a bug).
 */
import { dayBounds } from "./days";
import { eventOfRow, outcome, cardToday, scheduleDiff, type DayContext, type Schedule, type ScheduleField, type TodayRow } from "./schedule";

/** A stored log row, as the replay reads it (rows of one learner and one card, in commit order). */
export interface ReplayRow {
  id: string;
  origin: string;
  kind: string;
  grade: number;
  reviewedAt: Date;
  undoneAt: Date | null;
  /** What the row recorded (null before: the card was new). */
  before: Schedule | null;
  after: Schedule;
}

export interface ReplayProblem {
  logId?: string;
  problem: string;
  field?: ScheduleField;
  expected?: unknown;
  actual?: unknown;
}

const show = (v: unknown) => (v instanceof Date ? v.toISOString() : v);

function fieldProblems(what: "recorded before the row" | "recorded after the row" | "stored", expected: Schedule | null, actual: Schedule | null, logId?: string): ReplayProblem[] {
  if (!expected || !actual) {
    if (expected === actual) return [];
    if (what === "stored") return [{ problem: expected ? "grades in the log but no review state" : "a review state with no applied grade in its log" }];
    return [{ logId, problem: `${what}: ${expected ? "a schedule" : "no schedule"} expected by the replay, ${actual ? "a schedule" : "none"} recorded` }];
  }
  const text = (field: string) => (what === "stored" ? `stored ${field} differs from the replay` : `${what.replace("recorded", `recorded ${field}`)} differs from the replay`);
  return scheduleDiff(expected, actual).map((field) => ({ logId, problem: text(field), field, expected: show(expected[field]), actual: show(actual[field]) }));
}

/**
 * Replays one card's rows. `zone` is the learner's time zone and rollover hour (the days the model
 * reasons in). Returns the schedule the card must have and every disagreement on the way.
 */
export function replaySchedule(rows: readonly ReplayRow[], zone: { timeZone: string; rolloverHour: number }): { schedule: Schedule | null; problems: ReplayProblem[] } {
  let schedule: Schedule | null = null;
  const problems: ReplayProblem[] = [];
  let dayKey = "";
  let today: TodayRow[] = [];
  for (const row of rows) {
    if (row.undoneAt) continue;
    const event = eventOfRow(row);
    if (!event) {
      problems.push({ logId: row.id, problem: `unknown log row origin=${row.origin} kind=${row.kind} grade=${row.grade}` });
      continue;
    }
    const ctx: DayContext = { now: row.reviewedAt, ...zone };
    const key = dayBounds(row.reviewedAt, zone.timeZone, zone.rolloverHour).key;
    if (key !== dayKey) {
      dayKey = key;
      today = [];
    }
    problems.push(...fieldProblems("recorded before the row", schedule, row.before, row.id));
    const o = outcome({ schedule, today: cardToday(today) }, event, ctx);
    if (!o.log) {
      problems.push({ logId: row.id, problem: `a '${row.kind}' row for an event that changes nothing` });
    } else if (o.log.kind !== row.kind) {
      problems.push({ logId: row.id, problem: `row kind '${row.kind}' where the model gives '${o.log.kind}'` });
    }
    problems.push(...fieldProblems("recorded after the row", o.schedule, row.after, row.id));
    schedule = o.schedule;
    today.push(row);
  }
  return { schedule, problems };
}

/** Compares a stored schedule with the replay of its log. */
export function checkSchedule(rows: readonly ReplayRow[], stored: Schedule | null, zone: { timeZone: string; rolloverHour: number }): ReplayProblem[] {
  const { schedule, problems } = replaySchedule(rows, zone);
  return [...problems, ...fieldProblems("stored", schedule, stored)];
}
