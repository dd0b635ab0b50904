/**
 * Random event sequences for the schedule model's property tests, and an in-memory learner that
 * commits them the way the use cases do (grade, quiz miss, undo of today's latest grade), so the
 * unit test checks the model's rules and the integration test can run the same sequences through
 * the real use cases and compare.
 */
import { mulberry32 } from "@/lib/core/quiz/rng";
import {
  cardToday,
  dayBounds,
  outcome,
  planUndo,
  rescheduleUnder,
  SM2_ALGORITHM,
  type AlgorithmSwitchAt,
  type CardToday,
  type SchedulingAlgorithm,
  type LogDraft,
  type ReplayRow,
  type Quality,
  type Schedule,
  type ScheduleEvent,
} from "@/lib/core/srs";

export type Op =
  | { type: "grade"; card: number; grade: Quality }
  | { type: "quiz-miss"; card: number }
  | { type: "quiz-hit"; card: number }
  | { type: "undo" }
  | { type: "wait"; ms: number }
  /** Switch algorithm (index into the caller's list of algorithms). */
  | { type: "switch"; to: number };

export interface Zone {
  timeZone: string;
  rolloverHour: number;
}

/** Zones with DST switches (Lord Howe's is 30 minutes, Chatham's at 02:45) and one without. */
export const ZONES: { zone: Zone; start: string }[] = [
  { zone: { timeZone: "America/New_York", rolloverHour: 4 }, start: "2026-03-05T12:00:00Z" },
  { zone: { timeZone: "Europe/Berlin", rolloverHour: 0 }, start: "2026-10-22T20:00:00Z" },
  { zone: { timeZone: "Australia/Lord_Howe", rolloverHour: 2 }, start: "2026-09-30T10:00:00Z" },
  { zone: { timeZone: "Pacific/Chatham", rolloverHour: 3 }, start: "2026-04-01T02:00:00Z" },
  { zone: { timeZone: "Asia/Shanghai", rolloverHour: 4 }, start: "2026-12-06T01:00:00Z" },
];

const MINUTE = 60_000;
const WAITS = [MINUTE, 7 * MINUTE, 45 * MINUTE, 3 * 60 * MINUTE, 10 * 60 * MINUTE, 24 * 60 * MINUTE, 3 * 24 * 60 * MINUTE, 8 * 24 * 60 * MINUTE];

/**
 * One random sequence: mostly grades, some waits (day rollovers), quiz misses and hits, undos; with
 * `algorithms` > 0, also switches among that many algorithms.
 */
export function randomOps(seed: number, cards: number, length: number, algorithms = 0): Op[] {
  const rnd = mulberry32(seed);
  const ops: Op[] = [];
  for (let i = 0; i < length; i++) {
    if (algorithms > 0 && rnd() < 0.15) {
      ops.push({ type: "switch", to: Math.floor(rnd() * algorithms) });
      continue;
    }
    const r = rnd();
    const card = Math.floor(rnd() * cards);
    if (r < 0.45) ops.push({ type: "grade", card, grade: Math.floor(rnd() * 6) as Quality });
    else if (r < 0.62) ops.push({ type: "wait", ms: WAITS[Math.floor(rnd() * WAITS.length)] });
    else if (r < 0.77) ops.push({ type: "quiz-miss", card });
    else if (r < 0.82) ops.push({ type: "quiz-hit", card });
    else ops.push({ type: "undo" });
  }
  return ops;
}

export interface SimRow extends ReplayRow {
  card: number;
}

/** A learner held in memory, committing each event's outcome as the use cases do. */
export class SimLearner {
  schedules: (Schedule | null)[];
  rows: SimRow[] = [];
  /** Every event as the learner gave it; an undone grade is marked, a quiz miss never is. */
  events: { card: number; event: ScheduleEvent; at: Date; undone: boolean; rowId: string | null }[] = [];
  now: Date;
  /** The algorithm in force, and every switch so far (what the AlgorithmSwitch table keeps). */
  algorithm: SchedulingAlgorithm = SM2_ALGORITHM;
  switches: AlgorithmSwitchAt[] = [];
  private seq = 0;

  constructor(
    readonly zone: Zone,
    start: Date,
    cards: number,
  ) {
    this.schedules = Array.from({ length: cards }, () => null);
    this.now = start;
  }

  private ctx() {
    return { now: this.now, ...this.zone };
  }

  /** The card's standing rows of today, oldest first. */
  rowsToday(card: number): SimRow[] {
    const { start } = dayBounds(this.now, this.zone.timeZone, this.zone.rolloverHour);
    return this.rows.filter((r) => r.card === card && !r.undoneAt && r.reviewedAt.getTime() >= start.getTime());
  }

  /** Whether the review queue would offer the card now (ignoring caps): not moved today, or owing a repeat. */
  offers(card: number): boolean {
    const today = cardToday(this.rowsToday(card));
    if (today.moved) return today.owesRepeat;
    const s = this.schedules[card];
    return s === null || s.dueAt.getTime() < dayBounds(this.now, this.zone.timeZone, this.zone.rolloverHour).end.getTime();
  }

  private append(card: number, log: LogDraft): SimRow {
    const row: SimRow = {
      id: `r${++this.seq}`, card, origin: log.origin, kind: log.kind, grade: log.grade, reviewedAt: log.at, undoneAt: null, algorithm: log.algorithm, before: log.before, after: log.after,
    };
    this.rows.push(row);
    return row;
  }

  /** Applies one event; returns the outcome's log kind, or null when nothing was written. */
  apply(card: number, event: ScheduleEvent): string | null {
    const o = outcome({ schedule: this.schedules[card], today: cardToday(this.rowsToday(card)) }, event, this.ctx(), this.algorithm);
    this.schedules[card] = o.schedule;
    const row = o.log ? this.append(card, o.log) : null;
    this.events.push({ card, event, at: this.now, undone: false, rowId: row?.id ?? null });
    return o.log?.kind ?? null;
  }

  /** Undo of today's latest standing grade (any card), as undo.ts does it; false when there is none. */
  undo(): boolean {
    const { start } = dayBounds(this.now, this.zone.timeZone, this.zone.rolloverHour);
    const latest = [...this.rows].reverse().find((r) => r.origin === "review" && !r.undoneAt && r.reviewedAt.getTime() >= start.getTime());
    if (!latest) return false;
    if (this.switches.some((s) => s.at.getTime() >= latest.reviewedAt.getTime())) return false; // as undo.ts: refused after a switch
    const plan = planUndo(this.schedules[latest.card], this.rowsToday(latest.card), latest.id, this.zone, this.algorithm);
    for (const r of plan.undone) r.undoneAt = this.now;
    for (const e of this.events) if (e.rowId === latest.id) e.undone = true;
    this.schedules[latest.card] = plan.schedule;
    for (const { log } of plan.reapplied) this.append(latest.card, log);
    return true;
  }

  /**
   * The oracle: the card's schedule as if every standing event had been applied in order from
   * scratch (an undone grade never happened; a quiz miss always did).
   */
  expected(card: number): { schedule: Schedule | null; today: CardToday } {
    let schedule: Schedule | null = null;
    const applied: { at: Date; origin: string; kind: string; grade: number }[] = [];
    for (const e of this.events) {
      if (e.card !== card || e.undone) continue;
      const { start } = dayBounds(e.at, this.zone.timeZone, this.zone.rolloverHour);
      const today = applied.filter((r) => r.at.getTime() >= start.getTime());
      const o = outcome({ schedule, today: cardToday(today) }, e.event, { now: e.at, ...this.zone });
      schedule = o.schedule;
      if (o.log) applied.push({ at: e.at, origin: o.log.origin, kind: o.log.kind, grade: o.log.grade });
    }
    const { start } = dayBounds(this.now, this.zone.timeZone, this.zone.rolloverHour);
    return { schedule, today: cardToday(applied.filter((r) => r.at.getTime() >= start.getTime())) };
  }

  /** A card's rows in commit order (reviewedAt, then insertion), as the database returns them. */
  rowsOf(card: number): SimRow[] {
    return this.rows
      .map((r, i) => ({ r, i }))
      .filter(({ r }) => r.card === card)
      .sort((a, b) => a.r.reviewedAt.getTime() - b.r.reviewedAt.getTime() || a.i - b.i)
      .map(({ r }) => r);
  }

  /** Switches algorithm as lib/reviews/switch-algorithm does: every started card rescheduled from its log. */
  switchTo(algorithm: SchedulingAlgorithm): void {
    this.switches.push({ at: this.now, algorithm });
    this.algorithm = algorithm;
    for (let c = 0; c < this.schedules.length; c++) {
      const schedule = rescheduleUnder(this.rowsOf(c), algorithm, this.zone);
      if (this.schedules[c] && schedule) this.schedules[c] = schedule;
    }
  }

  wait(ms: number): void {
    this.now = new Date(this.now.getTime() + ms);
  }

  /** Time moves on by a second between events, as a learner's answers do. */
  tick(): void {
    this.wait(1000);
  }
}
