/**
 * The learner's day as the browser holds it (pure): a pack of the server's states and rows for
 * today and tomorrow, plus the answers not yet acknowledged, advanced with the same schedule model
 * and session queue as the server (./schedule, ./session-queue, ./answer-rules, ./undo-plan). The
 * screen shows `localSession(applyOps(pack, outbox))`; when the server acknowledges answers it
 * sends a new pack and the outbox shrinks, so what the learner sees is always the server's state
 * with their unsent answers on top.
 */
import { answerable, answerMoment } from "./answer-rules";
import { dayBounds } from "./days";
import type { QueueCardState, QueueItemKind } from "./queue";
import { cardToday, gradeLabel, outcome, outcomes, type GradeLabel, type Schedule, type SchedulingAlgorithm } from "./schedule";
import { sessionQueue, type QueueLearner } from "./session-queue";
import type { Quality } from "./sm2";
import { sessionSummary, type SessionSummary } from "./summary";
import { planUndo } from "./undo-plan";

export interface PackLearner extends QueueLearner {
  algorithm: "sm2" | "fsrs";
  desiredRetention: number;
  fsrsWeights: number[] | null;
  /** Floors of an answer's moment (./answer-rules): nothing is dated before these. */
  createdAt: Date;
  switchedAt: Date | null;
}

export interface PackState {
  cardId: string;
  version: number;
  introducedAt: Date;
  schedule: Schedule;
}

/** A standing log row (not undone). Rows made in the browser carry the answer's request id as id. */
export interface PackRow {
  id: string;
  requestId: string;
  cardId: string;
  origin: string;
  kind: string;
  grade: number;
  durationMs: number;
  reviewedAt: Date;
  before: Schedule | null;
  after: Schedule;
}

export const DAY_PACK_FORMAT = 1;

export interface DayPack {
  format: typeof DAY_PACK_FORMAT;
  userId: string;
  builtAt: Date;
  learner: PackLearner;
  /** The pack holds every card the learner can meet before this moment: the end of tomorrow. */
  horizon: Date;
  /** States due before the horizon, and those of cards with rows since the start of the pack's day. */
  states: PackState[];
  /** Standing rows since the start of the pack's day, oldest first. */
  rows: PackRow[];
  /** Cards never answered, in deck order: enough for today's and tomorrow's allowance. */
  newCardIds: string[];
  /** The earliest due moment at or after the horizon (null: none). */
  laterDueAt: Date | null;
}

/** An answer as the browser keeps it until the server acknowledges it (the outbox). */
export interface AnswerOp {
  type: "grade";
  requestId: string;
  cardId: string;
  grade: Quality;
  answeredAt: Date;
  durationMs: number;
  /** What the screen treated it as: the day's first answer of the card, or a repeat. */
  expected: "first" | "repeat";
}

/** Undo of an earlier answer, named by that answer's request id. */
export interface UndoOp {
  type: "undo";
  requestId: string;
  target: string;
  at: Date;
}

export type PackOp = AnswerOp | UndoOp;

export interface LocalDay {
  pack: DayPack;
  states: Map<string, PackState>;
  rows: PackRow[];
  newCardIds: string[];
  /** Ops the model refused (the server will too): a card no longer answerable, an undo not the latest. */
  refused: Set<string>;
}

const zoneOf = (l: QueueLearner) => ({ timeZone: l.timeZone, rolloverHour: l.rolloverHour });

function cardRowsSince(rows: readonly PackRow[], cardId: string, start: Date): PackRow[] {
  return rows.filter((r) => r.cardId === cardId && r.reviewedAt.getTime() >= start.getTime());
}

function applyGrade(day: LocalDay, op: AnswerOp, now: Date, algorithm: SchedulingAlgorithm): void {
  const { learner } = day.pack;
  const state = day.states.get(op.cardId) ?? null;
  const known = state || day.newCardIds.includes(op.cardId) || day.rows.some((r) => r.cardId === op.cardId);
  const previous = day.rows.filter((r) => r.cardId === op.cardId).at(-1)?.reviewedAt;
  const at = answerMoment(op.answeredAt, { after: [previous, state?.schedule.lastReviewedAt], notBefore: [learner.createdAt, learner.switchedAt] }, now);
  const ctx = { now: at, ...zoneOf(learner) };
  const today = cardToday(cardRowsSince(day.rows, op.cardId, dayBounds(at, learner.timeZone, learner.rolloverHour).start));
  if (!known || !answerable(state?.schedule ?? null, today, ctx)) {
    day.refused.add(op.requestId);
    return;
  }
  const o = outcome({ schedule: state?.schedule ?? null, today }, { type: "grade", grade: op.grade }, ctx, algorithm);
  if (!o.log || !o.schedule) return;
  day.states.set(op.cardId, { cardId: op.cardId, version: (state?.version ?? 0) + 1, introducedAt: state?.introducedAt ?? at, schedule: o.schedule });
  day.rows.push({ id: op.requestId, requestId: op.requestId, cardId: op.cardId, origin: o.log.origin, kind: o.log.kind, grade: o.log.grade, durationMs: op.durationMs, reviewedAt: at, before: o.log.before, after: o.log.after });
}

/** Undo takes back the latest answer of the learner's day (lib/reviews/undo), by undo-plan's rule. */
function applyUndo(day: LocalDay, op: UndoOp, algorithm: SchedulingAlgorithm): void {
  const { learner } = day.pack;
  const target = day.rows.find((r) => r.requestId === op.target && r.origin === "review");
  const { start } = dayBounds(op.at, learner.timeZone, learner.rolloverHour);
  const latest = day.rows.filter((r) => r.origin === "review" && r.reviewedAt.getTime() >= start.getTime()).at(-1);
  if (!target || latest !== target) {
    day.refused.add(op.requestId);
    return;
  }
  const state = day.states.get(target.cardId) ?? null;
  const plan = planUndo(state?.schedule ?? null, cardRowsSince(day.rows, target.cardId, start), target.id, zoneOf(learner), algorithm);
  const gone = new Set(plan.undone.map((r) => r.id));
  day.rows = day.rows.filter((r) => !gone.has(r.id));
  for (const { row, log } of plan.reapplied) {
    const id = `${row.requestId}~undo:${target.id}`;
    day.rows.push({ id, requestId: id, cardId: target.cardId, origin: log.origin, kind: log.kind, grade: log.grade, durationMs: 0, reviewedAt: log.at, before: log.before, after: log.after });
  }
  if (plan.schedule) {
    day.states.set(target.cardId, { ...state!, version: (state?.version ?? 0) + 1, schedule: plan.schedule });
  } else {
    day.states.delete(target.cardId);
    // Back to new: it was the latest card introduced, so it comes first among the unseen ones.
    if (!day.newCardIds.includes(target.cardId)) day.newCardIds = [target.cardId, ...day.newCardIds];
  }
}

/** The pack with the unacknowledged ops applied in order, each at its own (clamped) moment. */
export function applyOps(pack: DayPack, ops: readonly PackOp[], now: Date, algorithm: SchedulingAlgorithm): LocalDay {
  const day: LocalDay = {
    pack,
    states: new Map(pack.states.map((s) => [s.cardId, s])),
    rows: [...pack.rows],
    newCardIds: [...pack.newCardIds],
    refused: new Set(),
  };
  for (const op of ops) {
    if (op.type === "grade") applyGrade(day, op, now, algorithm);
    else applyUndo(day, op, algorithm);
  }
  return day;
}

export interface LocalCard {
  id: string;
  kind: QueueItemKind;
  /** What each grade 0–5 does now. */
  labels: GradeLabel[];
  /** Whether the day's first answer of the card is still to come (else an answer is a repeat). */
  expected: "first" | "repeat";
}

export interface LocalSession {
  card: LocalCard | null;
  left: { review: number; new: number; drill: number };
  today: SessionSummary;
  /** When nothing is left: when the next card comes due (null: none known). */
  nextDueAt: Date | null;
  /** The request id of the answer Undo would take back. */
  undoTarget: string | null;
}

const QUALITIES = [0, 1, 2, 3, 4, 5] as const;

function queueState(s: PackState): QueueCardState {
  const { schedule: x } = s;
  return { cardId: s.cardId, dueAt: x.dueAt, repetitions: x.repetitions, easiness: x.easiness, intervalDays: x.intervalDays, version: s.version, lastReviewedAt: x.lastReviewedAt };
}

/** What the review screen shows at `now`, computed from the local day (tests compare it with the server's queue: tests/helpers/server-session). */
export function localSession(day: LocalDay, now: Date, algorithm: SchedulingAlgorithm): LocalSession {
  const { learner } = day.pack;
  const { start, end } = dayBounds(now, learner.timeZone, learner.rolloverHour);
  const todayRows = day.rows.filter((r) => r.reviewedAt.getTime() >= start.getTime());
  const states = [...day.states.values()];
  const queue = sessionQueue(learner, now, {
    todayRows,
    dueStates: states.filter((s) => s.schedule.dueAt.getTime() < end.getTime()).map(queueState),
    newIntroducedToday: states.filter((s) => s.introducedAt.getTime() >= start.getTime()).length,
    newCardIds: day.newCardIds.filter((id) => !day.states.has(id)),
  });
  const first = queue.items[0];
  let card: LocalCard | null = null;
  if (first) {
    const today = cardToday(todayRows.filter((r) => r.cardId === first.cardId));
    const all = outcomes({ schedule: day.states.get(first.cardId)?.schedule ?? null, today }, { now, ...zoneOf(learner) }, algorithm);
    card = { id: first.cardId, kind: first.kind, labels: QUALITIES.map((q) => gradeLabel(all.grades[q])), expected: today.moved ? "repeat" : "first" };
  }
  const grades = todayRows.filter((r) => r.origin === "review");
  let nextDueAt: Date | null = null;
  if (!first) {
    const later = states.map((s) => s.schedule.dueAt).filter((d) => d.getTime() >= end.getTime());
    if (day.pack.laterDueAt) later.push(day.pack.laterDueAt);
    // Unseen cards become available when the next learner day starts.
    if (learner.newPerDay > 0 && day.newCardIds.some((id) => !day.states.has(id))) later.push(end);
    nextDueAt = later.length ? new Date(Math.min(...later.map((d) => d.getTime()))) : null;
  }
  return {
    card,
    left: queue.counts,
    today: sessionSummary(grades),
    nextDueAt,
    undoTarget: grades.at(-1)?.requestId ?? null,
  };
}
