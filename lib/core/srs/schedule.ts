/**
 * The card schedule model: what every event does to a learner's card, in one place.
 *
 * Shaped like Anki's scheduler states and ts-fsrs's next/rollback: `outcome` gives, for a card at a
 * moment of the learner's day, the next schedule and the log entry to append for one event;
 * `outcomes` gives every event at once (the grade buttons show them, the grade action commits the
 * chosen one, so preview and commit cannot disagree); `rollback` undoes a log entry exactly from
 * what the entry recorded; `replaySchedule` rebuilds a schedule from its log. The grade and quiz
 * use cases, undo, the queue, the button labels and the replay check all go through here; no other
 * code computes a schedule field.
 *
 * The algorithm that sets the interval of a schedule-moving grade is a parameter (`SchedulingAlgorithm`:
 * SM-2 by default, FSRS from ./fsrs-algorithm); every other rule below holds for both. Each log entry
 * records the algorithm's name, so the replay (./replay) schedules each row with the same one.
 *
 * The rules (README "What a learner gets"):
 * - A grade is the day's first answer when the schedule has not moved today: the algorithm sets the
 *   next interval (kind "new" for a card never answered, else "review"). A grade below 3 of a card
 *   with repetitions counts a lapse.
 * - Any later grade the same learner day is a repeat (kind "drill"): logged, schedule unchanged.
 * - A card owes a same-day repeat while its latest answer today was below 4 (SM-2 step 7), or a quiz
 *   question about it was missed after its schedule moved today; a grade of 4 or 5 settles it.
 * - A quiz miss brings a started card back today: due now if it was due on a later day (schedule
 *   otherwise untouched), a same-day repeat if it was already answered today. A card never started
 *   stays new. A quiz hit changes nothing.
 */
import { dayBounds, dueAtFor } from "./days";
import { INITIAL_SM2, sm2, type Quality } from "./sm2";

/** A learner's schedule of one card, as stored (ReviewState). */
export interface Schedule {
  repetitions: number;
  easiness: number;
  intervalDays: number;
  lapses: number;
  dueAt: Date;
  /** The moment of the latest answer that moved the schedule (null: none, e.g. after an undo of all). */
  lastReviewedAt: Date | null;
  /** FSRS memory (./fsrs-algorithm): null or absent while SM-2 schedules the card. */
  stability?: number | null;
  difficulty?: number | null;
}

/** The learner's day, as the model needs it: the moment, the zone and when a day starts. */
export interface DayContext {
  now: Date;
  timeZone: string;
  rolloverHour: number;
}

/** What today holds for a card, derived from its schedule and today's log rows (`cardToday`). */
export interface CardToday {
  /** Its schedule already moved today: further grades are repeats. */
  moved: boolean;
  /** It comes back in today's session until graded 4 or 5. */
  owesRepeat: boolean;
}

export type ScheduleEvent = { type: "grade"; grade: Quality } | { type: "quiz-miss" } | { type: "quiz-hit" };

export type LogKind = "new" | "review" | "drill" | "quiz";
export type LogOrigin = "review" | "quiz";

/** A log entry to append: the event and the schedule before and after it. */
export interface LogDraft {
  origin: LogOrigin;
  kind: LogKind;
  /** The algorithm in force when the entry was made. */
  algorithm: AlgorithmName;
  /** 0–5 for grades; 0 for a quiz miss. */
  grade: number;
  at: Date;
  before: Schedule | null;
  after: Schedule;
}

export interface Outcome {
  /** The schedule after the event (null: the card stays new). */
  schedule: Schedule | null;
  today: CardToday;
  /** What to append to the log (null: the event changes nothing and is not logged). */
  log: LogDraft | null;
}

/** The part of an algorithm's answer the model stores; the due moment is the model's. */
export interface AlgorithmStep {
  repetitions: number;
  easiness: number;
  intervalDays: number;
  stability: number | null;
  difficulty: number | null;
}

/**
 * A scheduling algorithm: the next interval fields for a schedule-moving grade. It is a parameter
 * of the model, so SM-2 and FSRS share the plumbing (what is a repeat, lapses, due moments, logs).
 */
export interface SchedulingAlgorithm {
  /** Recorded on every log row it schedules ("sm2" | "fsrs"), so the replay uses the same one. */
  name: AlgorithmName;
  /** `before` is the card's schedule (null: never answered); `ctx.now` is the moment of the grade. */
  step(before: Schedule | null, grade: Quality, ctx: DayContext): AlgorithmStep;
}

export type AlgorithmName = "sm2" | "fsrs";

export const SM2_ALGORITHM: SchedulingAlgorithm = Object.freeze({
  name: "sm2" as const,
  step: (before: Schedule | null, grade: Quality) => ({ ...sm2(before ?? INITIAL_SM2, grade), stability: null, difficulty: null }),
});

const NOT_TODAY: CardToday = Object.freeze({ moved: false, owesRepeat: false }) as CardToday;

/** SM-2 step 7: an answer below 4 is repeated the same day. */
export function owesRepeatAfter(grade: number): boolean {
  return grade < 4;
}

/** Whether the schedule moved in the learner day containing `ctx.now`. */
export function movedToday(schedule: Pick<Schedule, "lastReviewedAt"> | null, ctx: DayContext): boolean {
  return movedSince(schedule, dayBounds(ctx.now, ctx.timeZone, ctx.rolloverHour).start);
}

/** `movedToday` for a caller that already knows when today started (the queue asks it of every card). */
export function movedSince(schedule: Pick<Schedule, "lastReviewedAt"> | null, dayStart: Date): boolean {
  const last = schedule?.lastReviewedAt;
  // A moment after the start of today (one in the future too, e.g. clock skew) counts as today.
  return !!last && last.getTime() >= dayStart.getTime();
}

/** A log row of today as the model reads it back (not undone, oldest first). */
export interface TodayRow {
  origin: string;
  kind: string;
  grade: number;
}

/**
 * What today holds for a card, from its rows of today (not undone, oldest first): a schedule-moving
 * grade means it moved; the owed repeat follows the rules in the module comment.
 */
export function cardToday(rowsToday: readonly TodayRow[]): CardToday {
  let moved = false;
  let owesRepeat = false;
  for (const r of rowsToday) {
    if (r.origin === "quiz") {
      owesRepeat = owesRepeat || moved;
    } else {
      if (r.kind === "new" || r.kind === "review") moved = true;
      owesRepeat = owesRepeatAfter(r.grade);
    }
  }
  return { moved, owesRepeat: moved && owesRepeat };
}

function gradeOutcome(schedule: Schedule | null, today: CardToday, grade: Quality, ctx: DayContext, algorithm: SchedulingAlgorithm): Outcome {
  const { now } = ctx;
  if (schedule && today.moved) {
    const nextToday = { moved: true, owesRepeat: owesRepeatAfter(grade) };
    return { schedule, today: nextToday, log: { origin: "review", kind: "drill", algorithm: algorithm.name, grade, at: now, before: schedule, after: schedule } };
  }
  const base = schedule ?? { ...INITIAL_SM2, lapses: 0 };
  const step = algorithm.step(schedule, grade, ctx);
  const lapse = schedule !== null && grade < 3 && schedule.repetitions > 0 ? 1 : 0;
  const after: Schedule = {
    repetitions: step.repetitions,
    easiness: step.easiness,
    intervalDays: step.intervalDays,
    lapses: base.lapses + lapse,
    dueAt: dueAtFor(now, step.intervalDays, ctx.timeZone, ctx.rolloverHour),
    lastReviewedAt: now,
    stability: step.stability,
    difficulty: step.difficulty,
  };
  return {
    schedule: after,
    today: { moved: true, owesRepeat: owesRepeatAfter(grade) },
    log: { origin: "review", kind: schedule ? "review" : "new", algorithm: algorithm.name, grade, at: now, before: schedule, after },
  };
}

function quizMissOutcome(schedule: Schedule | null, today: CardToday, ctx: DayContext, algorithm: AlgorithmName): Outcome {
  if (!schedule) return { schedule, today, log: null };
  if (today.moved) {
    const log: LogDraft = { origin: "quiz", kind: "quiz", algorithm, grade: 0, at: ctx.now, before: schedule, after: schedule };
    return { schedule, today: { moved: true, owesRepeat: true }, log };
  }
  const { end } = dayBounds(ctx.now, ctx.timeZone, ctx.rolloverHour);
  if (schedule.dueAt.getTime() < end.getTime()) return { schedule, today, log: null }; // already due today
  const after = { ...schedule, dueAt: ctx.now };
  return { schedule: after, today, log: { origin: "quiz", kind: "quiz", algorithm, grade: 0, at: ctx.now, before: schedule, after } };
}

/** The outcome of one event for a card at `ctx.now`. */
export function outcome(
  card: { schedule: Schedule | null; today?: CardToday },
  event: ScheduleEvent,
  ctx: DayContext,
  algorithm: SchedulingAlgorithm = SM2_ALGORITHM,
): Outcome {
  const today = card.today ?? (movedToday(card.schedule, ctx) ? { moved: true, owesRepeat: false } : NOT_TODAY);
  switch (event.type) {
    case "grade":
      return gradeOutcome(card.schedule, today, event.grade, ctx, algorithm);
    case "quiz-miss":
      return quizMissOutcome(card.schedule, today, ctx, algorithm.name);
    case "quiz-hit":
      return { schedule: card.schedule, today, log: null };
  }
}

export interface AllOutcomes {
  grades: Record<Quality, Outcome>;
  quizMiss: Outcome;
  quizHit: Outcome;
}

/** Every event's outcome at once: the buttons show `grades`, the action commits one of them. */
export function outcomes(card: { schedule: Schedule | null; today?: CardToday }, ctx: DayContext, algorithm: SchedulingAlgorithm = SM2_ALGORITHM): AllOutcomes {
  const grades = {} as Record<Quality, Outcome>;
  for (const g of [0, 1, 2, 3, 4, 5] as const) grades[g] = outcome(card, { type: "grade", grade: g }, ctx, algorithm);
  return { grades, quizMiss: outcome(card, { type: "quiz-miss" }, ctx, algorithm), quizHit: outcome(card, { type: "quiz-hit" }, ctx, algorithm) };
}

/**
 * What a grade button says: whether the card comes back today, and the interval the grade sets
 * (null when the schedule does not move: a repeat). Rendered as "again today, then 1 d", "6 d",
 * "again today" or "done for today".
 */
export interface GradeLabel {
  againToday: boolean;
  intervalDays: number | null;
}

export function gradeLabel(o: Outcome): GradeLabel {
  const moves = o.log !== null && o.log.kind !== "drill";
  return { againToday: o.today.owesRepeat, intervalDays: moves && o.schedule ? o.schedule.intervalDays : null };
}

/** A logged entry as stored: what it recorded before and after. */
export interface LoggedEntry {
  kind: string;
  before: Schedule | null;
  after: Schedule;
}

/**
 * Exact rollback of the latest entry of a card: the schedule it recorded before (null: the card
 * goes back to new). Refuses an entry whose recorded "after" is not the current schedule, since
 * rolling it back would then drop whatever came after it.
 */
export function rollback(current: Schedule | null, entry: LoggedEntry): Schedule | null {
  if (!current || !sameSchedule(current, entry.after)) throw new Error("rollback: the entry is not the card's latest");
  return entry.before;
}

const FIELDS = ["repetitions", "easiness", "intervalDays", "lapses", "dueAt", "lastReviewedAt", "stability", "difficulty"] as const;
export type ScheduleField = (typeof FIELDS)[number];

/** Fields where two schedules differ (dates compared by instant). */
export function scheduleDiff(a: Schedule | null, b: Schedule | null): ScheduleField[] {
  if (!a || !b) return a === b ? [] : [...FIELDS];
  return FIELDS.filter((f) => {
    const x = a[f] ?? null; // an absent FSRS memory is no memory
    const y = b[f] ?? null;
    if (x instanceof Date || y instanceof Date) return !(x instanceof Date && y instanceof Date && x.getTime() === y.getTime());
    return x !== y;
  });
}

export function sameSchedule(a: Schedule | null, b: Schedule | null): boolean {
  return scheduleDiff(a, b).length === 0;
}

/** The event a stored log row stands for. */
export function eventOfRow(row: { origin: string; kind: string; grade: number }): ScheduleEvent | null {
  if (row.origin === "quiz" && row.kind === "quiz") return { type: "quiz-miss" };
  if (row.origin === "review" && ["new", "review", "drill"].includes(row.kind) && Number.isInteger(row.grade) && row.grade >= 0 && row.grade <= 5) {
    return { type: "grade", grade: row.grade as Quality };
  }
  return null;
}
