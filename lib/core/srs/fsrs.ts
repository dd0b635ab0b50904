/**
 * FSRS-6 scheduling (the `ts-fsrs` package), beside SM-2.
 *
 * Pure module: no clock, no I/O. Every function takes the learner's day as a day key
 * ("YYYY-MM-DD", see ./days.ts) and returns plain JSON-able state.
 *
 * Days. ts-fsrs counts elapsed days as differences of UTC calendar dates. The app's days are
 * learner-local and start at the rollover hour, so ts-fsrs is handed each learner day as that
 * date's UTC midnight ("2026-03-08" → 2026-03-08T00:00Z). Its day counts are then exactly the
 * learner's day counts, in any time zone and across DST, and its due date is the learner day
 * the card is due (the caller turns that into an instant with `dayStart` / `dueAtFor`).
 *
 * Same-day repeats. Only a card's first grade of a learner day is a memory event, as for SM-2:
 * later grades that day are drills that leave the schedule alone (./schedule.ts `outcome`). They
 * are not fed to FSRS either. So ts-fsrs runs with `enable_short_term: false` (no learning
 * steps: every answer schedules at least one day ahead, as SM-2 does) and never sees a
 * zero-day gap. FSRS-6 can use same-day reviews to refine stability; we give that up to keep one
 * rule for both algorithms and a preview that is the commit.
 *
 * Fuzz is off: the interval shown on a button is the one stored.
 *
 * SM-2 grades → FSRS ratings (conversion of an SM-2 history and evaluation):
 *   0, 1, 2 → Again (a lapse: SM-2 starts over below 3)
 *   3       → Hard  (recalled with serious difficulty)
 *   4       → Good
 *   5       → Easy
 * A review counts as recalled for both algorithms exactly when the grade is ≥ 3 (not Again).
 */
import {
  createEmptyCard, default_w, fsrs, Rating, State,
  type Card, type FSRS, type Grade,
} from "ts-fsrs";
import type { Quality } from "./sm2";

/** FSRS's four answers: 1 Again, 2 Hard, 3 Good, 4 Easy (ts-fsrs's numbering). */
export type FsrsRating = 1 | 2 | 3 | 4;
export const FSRS_RATINGS: readonly FsrsRating[] = Object.freeze([1, 2, 3, 4] as const);

export type FsrsPhase = "new" | "learning" | "review" | "relearning";

/** A card's FSRS memory state, as stored: plain numbers and day keys. */
export interface FsrsState {
  /** Days until recall probability falls to 90 %. */
  stability: number;
  /** 1 (easy) … 10 (hard). */
  difficulty: number;
  reps: number;
  lapses: number;
  phase: FsrsPhase;
  /** Learner day of the last memory event; null before the first. */
  lastReviewDay: string | null;
  /** Learner day the card is due. */
  dueDay: string;
  /** Days from `lastReviewDay` to `dueDay`. */
  scheduledDays: number;
}

export interface FsrsParams {
  /** The 21 FSRS-6 weights (ts-fsrs's `w`); the default ones until the learner's are fitted. */
  weights: readonly number[];
  /** Target probability of recall when a card comes due, 0.70–0.97. */
  desiredRetention: number;
  /** Longest interval, in days. */
  maximumInterval: number;
}

export const MIN_DESIRED_RETENTION = 0.7;
export const MAX_DESIRED_RETENTION = 0.97;
export const DEFAULT_DESIRED_RETENTION = 0.9;
export const FSRS_WEIGHT_COUNT = 21;

export const DEFAULT_FSRS_PARAMS: FsrsParams = Object.freeze({
  weights: Object.freeze([...default_w]),
  desiredRetention: DEFAULT_DESIRED_RETENTION,
  maximumInterval: 36500,
});

/** What one rating does to a card: its next state and the days until it is due. */
export interface FsrsOutcome {
  state: FsrsState;
  intervalDays: number;
}

export type FsrsPreview = Record<FsrsRating, FsrsOutcome>;

const KEY_RE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;
const PHASES: Record<State, FsrsPhase> = { [State.New]: "new", [State.Learning]: "learning", [State.Review]: "review", [State.Relearning]: "relearning" };
const STATES: Record<FsrsPhase, State> = { new: State.New, learning: State.Learning, review: State.Review, relearning: State.Relearning };

export function isFsrsRating(x: unknown): x is FsrsRating {
  return x === 1 || x === 2 || x === 3 || x === 4;
}

/** The documented SM-2 → FSRS mapping (module comment). */
export function ratingOfGrade(q: Quality): FsrsRating {
  if (q <= 2) return Rating.Again;
  if (q === 3) return Rating.Hard;
  if (q === 4) return Rating.Good;
  return Rating.Easy;
}

/** Checked parameters: throws a RangeError for a retention outside 0.70–0.97 or a wrong weight list. */
export function fsrsParams(input: Partial<FsrsParams> = {}): FsrsParams {
  const p = { ...DEFAULT_FSRS_PARAMS, ...input };
  const r = p.desiredRetention;
  if (!(typeof r === "number" && r >= MIN_DESIRED_RETENTION && r <= MAX_DESIRED_RETENTION)) {
    throw new RangeError(`desired retention must be within ${MIN_DESIRED_RETENTION}–${MAX_DESIRED_RETENTION}, got ${String(r)}`);
  }
  if (!Array.isArray(p.weights) || p.weights.length !== FSRS_WEIGHT_COUNT || !p.weights.every(Number.isFinite)) {
    throw new RangeError(`FSRS-6 takes ${FSRS_WEIGHT_COUNT} finite weights`);
  }
  if (!Number.isInteger(p.maximumInterval) || p.maximumInterval < 1) throw new RangeError("maximum interval must be a whole number of days ≥ 1");
  return p;
}

// One ts-fsrs scheduler per parameter object (building one checks and clips the weights).
const schedulers = new WeakMap<FsrsParams, FSRS>();

function schedulerFor(params: FsrsParams): FSRS {
  let f = schedulers.get(params);
  if (!f) {
    const p = fsrsParams(params);
    f = fsrs({
      w: [...p.weights],
      request_retention: p.desiredRetention,
      maximum_interval: p.maximumInterval,
      enable_fuzz: false,
      enable_short_term: false,
    });
    schedulers.set(params, f);
  }
  return f;
}

function dayDate(key: string): Date {
  const d = KEY_RE.test(key) ? new Date(`${key}T00:00:00.000Z`) : new Date(NaN);
  if (!Number.isFinite(d.getTime()) || d.toISOString().slice(0, 10) !== key) throw new RangeError(`Invalid day key (expected YYYY-MM-DD): ${String(key)}`);
  return d;
}

function dayKey(d: Date): string {
  return d.toISOString().slice(0, 10);
}

// Day key → day number, remembered: a long history names a few thousand distinct days, and
// parsing and checking a key costs microseconds. Bounded so junk input cannot grow it forever.
const dayNumbers = new Map<string, number>();
const MAX_CACHED_DAYS = 20_000;

/** Days since 1970-01-01 of a day key; RangeError for anything but a real YYYY-MM-DD date. */
export function dayNumber(key: string): number {
  let n = dayNumbers.get(key);
  if (n === undefined) {
    n = dayDate(key).getTime() / DAY_MS;
    if (dayNumbers.size >= MAX_CACHED_DAYS) dayNumbers.clear();
    dayNumbers.set(key, n);
  }
  return n;
}

/** Whole learner days from day key `a` to `b` (negative when b is earlier). */
export function daysBetweenKeys(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

function toCard(state: FsrsState | null, today: string): Card {
  if (!state) return createEmptyCard(dayDate(today));
  return {
    due: dayDate(state.dueDay),
    stability: state.stability,
    difficulty: state.difficulty,
    elapsed_days: 0,
    scheduled_days: state.scheduledDays,
    learning_steps: 0,
    reps: state.reps,
    lapses: state.lapses,
    state: STATES[state.phase],
    last_review: state.lastReviewDay === null ? undefined : dayDate(state.lastReviewDay),
  };
}

function fromCard(card: Card): FsrsState {
  return {
    stability: card.stability,
    difficulty: card.difficulty,
    reps: card.reps,
    lapses: card.lapses,
    phase: PHASES[card.state],
    lastReviewDay: card.last_review ? dayKey(card.last_review) : null,
    dueDay: dayKey(card.due),
    scheduledDays: card.scheduled_days,
  };
}

/**
 * Outcome of each of the four ratings for a card in `state` (null: never reviewed) answered on
 * learner day `today`. The review screen shows these intervals and commits the chosen one.
 */
export function fsrsPreview(state: FsrsState | null, today: string, params: FsrsParams = DEFAULT_FSRS_PARAMS): FsrsPreview {
  if (state?.lastReviewDay && daysBetweenKeys(state.lastReviewDay, today) < 0) {
    throw new RangeError(`review day ${today} is before the last review ${state.lastReviewDay}`);
  }
  const record = schedulerFor(params).repeat(toCard(state, today), dayDate(today));
  const out = {} as FsrsPreview;
  for (const r of FSRS_RATINGS) {
    const next = fromCard(record[r as Grade].card);
    out[r] = { state: next, intervalDays: next.scheduledDays };
  }
  return out;
}

/** The outcome of one rating: `fsrsPreview(state, today, params)[rating]`. */
export function fsrsNext(state: FsrsState | null, today: string, rating: FsrsRating, params: FsrsParams = DEFAULT_FSRS_PARAMS): FsrsOutcome {
  if (!isFsrsRating(rating)) throw new RangeError(`FSRS rating must be 1..4, got ${String(rating)}`);
  if (state?.lastReviewDay && daysBetweenKeys(state.lastReviewDay, today) < 0) {
    throw new RangeError(`review day ${today} is before the last review ${state.lastReviewDay}`);
  }
  const next = fromCard(schedulerFor(params).next(toCard(state, today), dayDate(today), rating as Grade).card);
  return { state: next, intervalDays: next.scheduledDays };
}

/** Probability of recall FSRS predicts for a card on learner day `day`; null for a card never reviewed. */
export function fsrsRetrievability(state: FsrsState | null, day: string, params: FsrsParams = DEFAULT_FSRS_PARAMS): number | null {
  if (!state || state.lastReviewDay === null || state.stability <= 0) return null;
  return fsrsRecall(state.stability, Math.max(0, daysBetweenKeys(state.lastReviewDay, day)), params);
}

/** The memory part of a state: what the forgetting curve needs. */
export interface FsrsMemory {
  stability: number;
  difficulty: number;
}

/**
 * Memory after a rating given `elapsedDays` after the previous one (null memory: first review).
 * The same stability and difficulty fsrsNext stores, without the scheduling around them: the
 * evaluation of a long history runs this once per review.
 */
export function fsrsMemoryStep(memory: FsrsMemory | null, elapsedDays: number, rating: FsrsRating, params: FsrsParams = DEFAULT_FSRS_PARAMS): FsrsMemory {
  if (!isFsrsRating(rating)) throw new RangeError(`FSRS rating must be 1..4, got ${String(rating)}`);
  const next = schedulerFor(params).next_state(memory, memory ? elapsedDays : 0, rating);
  return { stability: next.stability, difficulty: next.difficulty };
}

/** FSRS's probability of recall `elapsedDays` after a review that left `stability`. */
export function fsrsRecall(stability: number, elapsedDays: number, params: FsrsParams = DEFAULT_FSRS_PARAMS): number {
  return schedulerFor(params).forgetting_curve(elapsedDays, stability);
}

export interface GradedDay {
  /** Learner day of the grade. */
  day: string;
  grade: Quality;
}

/**
 * A card's FSRS state from its SM-2 review history (oldest first), for switching algorithm.
 * Only the first grade of each learner day counts (module comment: same-day repeats); grades
 * out of order are an error. Null when there is no grade.
 */
export function fsrsFromHistory(history: readonly GradedDay[], params: FsrsParams = DEFAULT_FSRS_PARAMS): FsrsState | null {
  let state: FsrsState | null = null;
  let last: string | null = null;
  for (const h of history) {
    if (last === h.day) continue;
    state = fsrsNext(state, h.day, ratingOfGrade(h.grade), params).state;
    last = h.day;
  }
  return state;
}
