/**
 * Checks that every stored review state is what its log says it should be.
 *
 * The review log is append-only and every grade, drill and quiz reschedule writes one row in the
 * same transaction as the state it changes, so a state can be rebuilt from its log alone: start
 * from the initial SM-2 state, apply the non-undone, non-drill review rows with SM-2 in commit
 * order, and let quiz rows move the due date only. A state that differs from that replay, or a
 * row whose recorded "before" values differ from the replayed state at that point, means a write
 * was lost, torn or applied twice (after a crash, a restore or a bug).
 *
 * `replayCard` is pure; `checkReviewStates` reads a SQLite file through better-sqlite3 (used by
 * the backup test on a snapshot and by the chaos run after killing the server).
 */
import type { Database } from "better-sqlite3";
import { dueAtFor, INITIAL_SM2, isQuality, sm2 } from "@/lib/core/srs";

export interface ReplayLog {
  id: string;
  userId: string;
  cardId: string;
  grade: number;
  origin: string;
  kind: string;
  repsBefore: number;
  easeBefore: number;
  intervalBefore: number;
  dueBefore: Date | null;
  lapsesBefore: number;
  repsAfter: number;
  easeAfter: number;
  intervalAfter: number;
  dueAfter: Date;
  lapsesAfter: number;
  reviewedAt: Date;
  undoneAt: Date | null;
}

/** The part of a review state the log determines. */
export interface ReplayedState {
  repetitions: number;
  easiness: number;
  intervalDays: number;
  lapses: number;
  dueAt: Date | null;
}

export interface StoredState extends ReplayedState {
  userId: string;
  cardId: string;
}

export interface Mismatch {
  userId: string;
  cardId: string;
  /** The log row where the chain broke, when it broke inside the log. */
  logId?: string;
  problem: string;
  expected?: unknown;
  actual?: unknown;
}

/** How a learner's days were set up, to check that each due date follows from its interval. */
export type ScheduleOf = (userId: string) => { timeZone: string; rolloverHour: number } | undefined;

const FIELDS = ["repetitions", "easiness", "intervalDays", "lapses", "dueAt"] as const;

function same(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  }
  return a === b;
}

const show = (v: unknown) => (v instanceof Date ? v.toISOString() : v);

function diff(expected: ReplayedState, actual: ReplayedState): { field: string; expected: unknown; actual: unknown }[] {
  return FIELDS.filter((f) => !same(expected[f], actual[f])).map((f) => ({ field: f, expected: show(expected[f]), actual: show(actual[f]) }));
}

const beforeOf = (l: ReplayLog): ReplayedState => ({
  repetitions: l.repsBefore,
  easiness: l.easeBefore,
  intervalDays: l.intervalBefore,
  lapses: l.lapsesBefore,
  dueAt: l.dueBefore,
});

const afterOf = (l: ReplayLog): ReplayedState => ({
  repetitions: l.repsAfter,
  easiness: l.easeAfter,
  intervalDays: l.intervalAfter,
  lapses: l.lapsesAfter,
  dueAt: l.dueAfter,
});

/**
 * Replays one learner's log for one card, oldest first (commit order). Returns the state the card
 * must have (null: no state may exist) and every place where a row disagrees with the replay.
 */
export function replayCard(logs: readonly ReplayLog[], scheduleOf?: ScheduleOf): { state: ReplayedState | null; problems: Mismatch[] } {
  let state: ReplayedState | null = null;
  const problems: Mismatch[] = [];
  const problem = (l: ReplayLog, text: string, expected?: unknown, actual?: unknown) =>
    problems.push({ userId: l.userId, cardId: l.cardId, logId: l.id, problem: text, ...(expected !== undefined ? { expected, actual } : {}) });

  for (const l of logs) {
    if (l.undoneAt) continue;
    const isReview = l.origin === "review" && (l.kind === "new" || l.kind === "review");
    const isDrill = l.origin === "review" && l.kind === "drill";
    const isQuiz = l.origin === "quiz" && l.kind === "quiz";
    if (!isReview && !isDrill && !isQuiz) {
      problem(l, `unknown log row origin=${l.origin} kind=${l.kind}`);
      continue;
    }
    if (l.kind === "new" ? state !== null : state === null) {
      problem(l, l.kind === "new" ? "a 'new' grade of a card that already had a state" : `a '${l.kind}' row for a card without a state`);
      if (state === null) continue;
    }
    const before: ReplayedState = state ?? { ...INITIAL_SM2, lapses: 0, dueAt: null };
    for (const d of diff(before, beforeOf(l))) problem(l, `recorded ${d.field} before the row differs from the replay`, d.expected, d.actual);

    let next: ReplayedState;
    if (isReview) {
      if (!isQuality(l.grade)) {
        problem(l, `grade ${l.grade} is not 0–5`);
        continue;
      }
      const s = sm2(before, l.grade);
      const lapses = before.lapses + (l.grade < 3 && before.repetitions > 0 ? 1 : 0);
      next = { ...s, lapses, dueAt: l.dueAfter };
      const schedule = scheduleOf?.(l.userId);
      if (schedule) {
        const due = dueAtFor(l.reviewedAt, s.intervalDays, schedule.timeZone, schedule.rolloverHour);
        if (due.getTime() !== l.dueAfter.getTime()) problem(l, "due date does not follow from the interval", due.toISOString(), l.dueAfter.toISOString());
      }
    } else if (isQuiz) {
      // A missed quiz question only makes the card due now; SM-2 is untouched.
      next = { ...before, dueAt: l.dueAfter };
    } else {
      // A drill is logged but leaves the schedule exactly as it was.
      next = before;
    }
    for (const d of diff(next, afterOf(l))) problem(l, `recorded ${d.field} after the row differs from the replay`, d.expected, d.actual);
    state = next;
  }
  return { state, problems };
}

/** Compares the stored state of one card with the replay of its log. */
export function compareCard(userId: string, cardId: string, logs: readonly ReplayLog[], stored: ReplayedState | undefined, scheduleOf?: ScheduleOf): Mismatch[] {
  const { state, problems } = replayCard(logs, scheduleOf);
  if (!state && stored) problems.push({ userId, cardId, problem: "a review state with no applied grade in its log" });
  else if (state && !stored) problems.push({ userId, cardId, problem: "grades in the log but no review state" });
  else if (state && stored) {
    for (const d of diff(state, stored)) problems.push({ userId, cardId, problem: `stored ${d.field} differs from the replay`, expected: d.expected, actual: d.actual });
  }
  return problems;
}

/** SQLite keeps Prisma DateTimes as ISO text (or epoch milliseconds, depending on the adapter option). */
function toDate(v: unknown): Date | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "bigint") return new Date(Number(v));
  const d = new Date(String(v));
  if (Number.isNaN(d.getTime())) throw new Error(`unreadable date ${String(v)}`);
  return d;
}

export interface ReplayReport {
  states: number;
  logs: number;
  cards: number;
  mismatches: Mismatch[];
}

/**
 * Replays every learner's log in a SQLite database and compares it with the stored states. Rows
 * are replayed in commit order (reviewedAt, then insertion order). With `checkDueDates`, each
 * grade's due date is also recomputed from the learner's current time zone and rollover hour
 * (only meaningful when learners did not change those while grading).
 */
export function checkReviewStates(sqlite: Database, opts: { checkDueDates?: boolean } = {}): ReplayReport {
  const users = new Map(
    (sqlite.prepare(`select id, timeZone, rolloverHour from "User"`).all() as { id: string; timeZone: string; rolloverHour: number }[]).map((u) => [u.id, u]),
  );
  const scheduleOf: ScheduleOf | undefined = opts.checkDueDates ? (id) => users.get(id) : undefined;

  const logsByCard = new Map<string, ReplayLog[]>();
  const rows = sqlite
    .prepare(`select * from "ReviewLog" order by userId, cardId, reviewedAt, rowid`)
    .all() as Record<string, unknown>[];
  for (const r of rows) {
    const log: ReplayLog = {
      id: String(r.id),
      userId: String(r.userId),
      cardId: String(r.cardId),
      grade: Number(r.grade),
      origin: String(r.origin),
      kind: String(r.kind),
      repsBefore: Number(r.repsBefore),
      easeBefore: Number(r.easeBefore),
      intervalBefore: Number(r.intervalBefore),
      dueBefore: toDate(r.dueBefore),
      lapsesBefore: Number(r.lapsesBefore),
      repsAfter: Number(r.repsAfter),
      easeAfter: Number(r.easeAfter),
      intervalAfter: Number(r.intervalAfter),
      dueAfter: toDate(r.dueAfter)!,
      lapsesAfter: Number(r.lapsesAfter),
      reviewedAt: toDate(r.reviewedAt)!,
      undoneAt: toDate(r.undoneAt),
    };
    const key = `${log.userId}\u0000${log.cardId}`;
    const list = logsByCard.get(key);
    if (list) list.push(log);
    else logsByCard.set(key, [log]);
  }

  const stored = new Map<string, ReplayedState>();
  const states = sqlite.prepare(`select userId, cardId, repetitions, easiness, intervalDays, lapses, dueAt from "ReviewState"`).all() as Record<string, unknown>[];
  for (const s of states) {
    stored.set(`${s.userId}\u0000${s.cardId}`, {
      repetitions: Number(s.repetitions),
      easiness: Number(s.easiness),
      intervalDays: Number(s.intervalDays),
      lapses: Number(s.lapses),
      dueAt: toDate(s.dueAt),
    });
  }

  const mismatches: Mismatch[] = [];
  for (const key of new Set([...logsByCard.keys(), ...stored.keys()])) {
    const [userId, cardId] = key.split("\u0000");
    mismatches.push(...compareCard(userId, cardId, logsByCard.get(key) ?? [], stored.get(key), scheduleOf));
  }
  return { states: states.length, logs: rows.length, cards: new Set([...logsByCard.keys(), ...stored.keys()]).size, mismatches };
}

/** `PRAGMA integrity_check` as a list of messages: ["ok"] for a sound file. */
export function integrityCheck(sqlite: Database): string[] {
  return (sqlite.pragma("integrity_check") as { integrity_check: string }[]).map((r) => r.integrity_check);
}
