/**
 * SM-2 spaced-repetition scheduling (P. A. Wozniak, 1990, "SuperMemo 2").
 *
 * Pure module: no clock, no I/O. Given a card's current state and a grade
 * (quality 0..5) it returns the next state.
 *
 * Per grade q:
 *   EF' = EF + (0.1 − (5 − q) × (0.08 + (5 − q) × 0.02)), never below 1.3
 *   q < 3  → repetitions 0, interval 1 day (start over)
 *   q ≥ 3  → interval 1 if repetitions was 0,
 *            6 if repetitions was 1,
 *            otherwise round(previous interval × previous EF);
 *            repetitions + 1
 *
 * "previous EF" is the easiness before this grade's update (the EF the card
 * carried into the review).
 *
 * Floating point: the easiness is kept as an exact multiple of 0.0001. All EF
 * arithmetic is done on integers in ten-thousandths (the SM-2 constants 0.1,
 * 0.08 and 0.02 are exact there). Plain doubles drift: 2.5 + 0.1 + 0.1 + 0.1
 * is 2.8000000000000003, and subtracting 0.14 from 2.5 eight times gives
 * 1.379999999999999. That would (a) leak ugly numbers into the database and
 * UI and (b) make round(interval × EF) wrong at exact halves: 75 × 1.38 is
 * 103.49999999999999 in doubles (→ 103) instead of 103.5 (→ 104). The
 * product is therefore computed as an integer (interval × EF × 10000) and
 * divided once, so half-way cases always round up, whatever path led to the
 * EF.
 */

export type Quality = 0 | 1 | 2 | 3 | 4 | 5;

export interface Sm2State {
  repetitions: number;
  easiness: number;
  intervalDays: number;
}

/** Lowest easiness SM-2 allows. */
export const MIN_EASINESS = 1.3;

/** State of a card that has never been graded. */
export const INITIAL_SM2: Sm2State = Object.freeze({
  repetitions: 0,
  easiness: 2.5,
  intervalDays: 0,
}) as Sm2State;

/** All grades, lowest first. */
export const QUALITIES: readonly Quality[] = Object.freeze([0, 1, 2, 3, 4, 5] as const);

/** Easiness is stored with this many decimals (see module comment). */
const EF_SCALE = 10_000;
const MIN_EF_UNITS = 13_000;

export function isQuality(x: unknown): x is Quality {
  return typeof x === "number" && Number.isInteger(x) && x >= 0 && x <= 5;
}

/** EF change for grade q, in ten-thousandths (exact). q=5 → +1000, 4 → 0, 3 → −1400, 2 → −3200, 1 → −5400, 0 → −8000. */
function easinessDeltaUnits(q: Quality): number {
  const d = 5 - q;
  return 1000 - d * (800 + d * 200);
}

function toEfUnits(easiness: number): number {
  if (!Number.isFinite(easiness)) return MIN_EF_UNITS;
  return Math.max(MIN_EF_UNITS, Math.round(easiness * EF_SCALE));
}

function toCount(x: number): number {
  return Number.isFinite(x) && x > 0 ? Math.floor(x) : 0;
}

/**
 * Next SM-2 state after grading a card with `quality`.
 *
 * Defensive about stored input: a non-finite / negative repetitions or
 * interval is treated as 0, and an easiness below 1.3 (or with more than four
 * decimals) is normalised first. Throws a RangeError for an invalid quality.
 */
export function sm2(state: Sm2State, quality: Quality): Sm2State {
  if (!isQuality(quality)) {
    throw new RangeError(`SM-2 quality must be an integer 0..5, got ${String(quality)}`);
  }
  const reps = toCount(state.repetitions);
  const prevInterval = toCount(state.intervalDays);
  const prevEfUnits = toEfUnits(state.easiness);
  const nextEfUnits = Math.max(MIN_EF_UNITS, prevEfUnits + easinessDeltaUnits(quality));
  const easiness = nextEfUnits / EF_SCALE;

  if (quality < 3) {
    return { repetitions: 0, easiness, intervalDays: 1 };
  }

  let intervalDays: number;
  if (reps === 0) {
    intervalDays = 1;
  } else if (reps === 1) {
    intervalDays = 6;
  } else {
    // Integer product, single division: exact halves round up (see module comment).
    // Never below 1 day, even if a stored interval was corrupted to 0.
    intervalDays = Math.max(1, Math.round((prevInterval * prevEfUnits) / EF_SCALE));
  }
  return { repetitions: reps + 1, easiness, intervalDays };
}
