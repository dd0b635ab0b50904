/**
 * FSRS as a scheduling algorithm of the schedule model (./schedule): the model keeps its own rules
 * (what is a repeat, lapses, due moments, logs) and asks FSRS only for the next interval and memory.
 *
 * A card's FSRS memory lives on its schedule (stability, difficulty); the days FSRS counts are the
 * learner's days (./fsrs.ts): the last schedule-moving answer's day and the grade's day. A card
 * without a memory (never answered under FSRS, e.g. just introduced) starts as a new FSRS card.
 *
 * Grades: FSRS learners answer Again, Hard, Good or Easy, stored as the SM-2 grades
 * FSRS_BUTTON_GRADES (1, 3, 4, 5), which the documented mapping (ratingOfGrade) turns back into the
 * same four ratings; every grade 0–5 has a rating, so any history converts and replays.
 * `repetitions` counts successful answers in a row as under SM-2 (the mastery figures read it) and
 * the SM-2 easiness is carried unchanged.
 */
import { dayBounds } from "./days";
import { fsrsNext, fsrsParams, ratingOfGrade, DEFAULT_FSRS_PARAMS, type FsrsParams, type FsrsState } from "./fsrs";
import { INITIAL_SM2, type Quality } from "./sm2";
import { SM2_ALGORITHM, type AlgorithmStep, type DayContext, type Schedule, type SchedulingAlgorithm } from "./schedule";

export { FSRS_BUTTON_GRADES } from "./fsrs-buttons";

function memoryOf(before: Schedule | null, ctx: DayContext): FsrsState | null {
  if (!before || before.stability == null || before.difficulty == null || !before.lastReviewedAt) return null;
  const key = (d: Date) => dayBounds(d, ctx.timeZone, ctx.rolloverHour).key;
  return {
    stability: before.stability,
    difficulty: before.difficulty,
    reps: before.repetitions,
    lapses: before.lapses,
    phase: "review",
    lastReviewDay: key(before.lastReviewedAt),
    dueDay: key(before.dueAt),
    scheduledDays: before.intervalDays,
  };
}

/** The FSRS algorithm with a learner's parameters (checked: RangeError for bad ones). */
export function fsrsAlgorithm(params: Partial<FsrsParams> = DEFAULT_FSRS_PARAMS): SchedulingAlgorithm {
  const p = fsrsParams(params);
  return Object.freeze({
    name: "fsrs" as const,
    step(before: Schedule | null, grade: Quality, ctx: DayContext): AlgorithmStep {
      const today = dayBounds(ctx.now, ctx.timeZone, ctx.rolloverHour).key;
      const next = fsrsNext(memoryOf(before, ctx), today, ratingOfGrade(grade), p);
      return {
        repetitions: grade >= 3 ? (before?.repetitions ?? 0) + 1 : 0,
        easiness: before?.easiness ?? INITIAL_SM2.easiness,
        intervalDays: next.intervalDays,
        stability: next.state.stability,
        difficulty: next.state.difficulty,
      };
    },
  });
}

/** A learner's algorithm settings as stored (User, AlgorithmSwitch); weights null: the defaults. */
export interface AlgorithmSettings {
  algorithm: string;
  desiredRetention: number;
  weights: readonly number[] | null;
}

/** The algorithm those settings name; unknown names are SM-2's, the default. */
export function algorithmFor(settings: AlgorithmSettings): SchedulingAlgorithm {
  if (settings.algorithm !== "fsrs") return SM2_ALGORITHM;
  return fsrsAlgorithm({ desiredRetention: settings.desiredRetention, ...(settings.weights ? { weights: settings.weights } : {}) });
}

/** Weights as stored (JSON text or null); anything but 21 finite numbers reads as the defaults. */
export function parseWeights(text: string | null | undefined): number[] | null {
  if (!text) return null;
  try {
    const w: unknown = JSON.parse(text);
    return Array.isArray(w) && w.length === DEFAULT_FSRS_PARAMS.weights.length && w.every((x) => typeof x === "number" && Number.isFinite(x)) ? (w as number[]) : null;
  } catch {
    return null;
  }
}
