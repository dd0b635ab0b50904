/**
 * What undoing a grade does, by the schedule model: the grade and whatever quiz rows of the same
 * card came after it (their recorded schedules include the grade) are rolled back newest first,
 * then those quiz misses are applied again at their own moments on the schedule without the grade.
 * The card keeps the quiz's effect and its schedule stays equal to the replay of its log.
 */
import { cardToday, outcome, rollback, type LogDraft, type Schedule, type TodayRow } from "./schedule";

export interface UndoRow extends TodayRow {
  id: string;
  reviewedAt: Date;
  before: Schedule | null;
  after: Schedule;
}

export interface UndoPlan<R extends UndoRow> {
  schedule: Schedule | null;
  /** Rows to mark undone: the grade and the quiz rows after it. */
  undone: R[];
  /** Quiz misses applied again: the row they replace and the new entry to append. */
  reapplied: { row: R; log: LogDraft }[];
}

/**
 * `rowsToday` are the card's standing rows of today in commit order, the grade among them; only
 * quiz rows may follow it (a later grade would be the one to undo).
 */
export function planUndo<R extends UndoRow>(current: Schedule | null, rowsToday: readonly R[], gradeRowId: string, zone: { timeZone: string; rolloverHour: number }): UndoPlan<R> {
  const at = rowsToday.findIndex((r) => r.id === gradeRowId);
  if (at < 0) throw new Error("planUndo: the grade is not among today's rows");
  const undone = rowsToday.slice(at);
  if (undone.slice(1).some((r) => r.origin !== "quiz")) throw new Error("planUndo: a later grade of the card stands");
  let schedule = current;
  for (const r of [...undone].reverse()) schedule = rollback(schedule, r);
  const standing: TodayRow[] = rowsToday.slice(0, at);
  const reapplied: UndoPlan<R>["reapplied"] = [];
  for (const row of undone.slice(1)) {
    const o = outcome({ schedule, today: cardToday(standing) }, { type: "quiz-miss" }, { now: row.reviewedAt, ...zone });
    schedule = o.schedule;
    if (o.log) {
      reapplied.push({ row, log: o.log });
      standing.push({ origin: o.log.origin, kind: o.log.kind, grade: o.log.grade });
    }
  }
  return { schedule, undone, reapplied };
}
