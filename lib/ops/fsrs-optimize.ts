/**
 * Fitting FSRS-6 weights to one learner's history with the FSRS authors' optimizer (fsrs-rs
 * through @open-spaced-repetition/binding, a native Node addon). Off the request path: an
 * operator command or a background job calls it, and the learner keeps the default weights
 * until a fit is kept.
 *
 * When a fit is kept. The optimizer learns 21 weights, the first four from first answers alone;
 * with a few hundred reviews it mostly re-fits noise. So:
 *   1. at least MIN_REVIEWS_TO_FIT reviews with a prediction (a card's second review onwards) —
 *      400, the order of magnitude the FSRS authors ask for before optimizing; and
 *   2. fitted on the older 80 % of those reviews, the new weights must predict the newer 20 %
 *      better (lower log loss) than the default weights. Otherwise the defaults stay.
 * Both rules measure this learner, not a population, and (2) never scores a review the fit saw.
 *
 * Same-day repeats are not memory events (lib/core/srs/fsrs.ts), so the optimizer runs with its
 * short-term parameters off, as the scheduler does.
 */
import { computeParameters, FSRSBindingItem, FSRSBindingReview } from "@open-spaced-repetition/binding";
import { daysBetweenKeys, fsrsParams, ratingOfGrade, type FsrsParams } from "@/lib/core/srs/fsrs";
import { logLoss, predictions, type MemoryEvent, type Scored } from "@/lib/core/stats/prediction";

export const MIN_REVIEWS_TO_FIT = 400;
export const HOLDOUT_SHARE = 0.2;

/**
 * The optimizer's training set: for each review after a card's first, the card's history up to
 * and including it (ratings with whole days since the previous review; 0 for the first).
 */
export function trainingItems(events: readonly MemoryEvent[]): FSRSBindingItem[] {
  const histories = new Map<string, { day: string; reviews: FSRSBindingReview[] }>();
  const items: FSRSBindingItem[] = [];
  for (const e of events) {
    const h = histories.get(e.cardKey);
    const delta = h ? daysBetweenKeys(h.day, e.day) : 0;
    if (h && delta <= 0) continue; // not a memory event
    const reviews = [...(h?.reviews ?? []), new FSRSBindingReview(ratingOfGrade(e.grade), delta)];
    histories.set(e.cardKey, { day: e.day, reviews });
    if (h) items.push(new FSRSBindingItem(reviews));
  }
  return items;
}

/**
 * Raw optimizer run: weights fitted to all of `events`. No `timeout` option: in binding 0.5.0 it
 * is the interval of the `progress` callback, and set without one the returned promise never
 * settled here (the process exited with it pending). About 0.6 s for 2,700 reviews on this machine.
 */
export async function fitWeights(events: readonly MemoryEvent[]): Promise<number[]> {
  return computeParameters(trainingItems(events), { enableShortTerm: false });
}

export type FitOutcome =
  | { status: "too-few"; reviews: number; needed: number }
  | {
      status: "fitted";
      reviews: number;
      /** Log loss on the newer 20 % of reviews, with the default and with the fitted weights. */
      holdout: { reviews: number; defaultLogLoss: number; fittedLogLoss: number };
      /** True when the fitted weights predicted the held-out reviews better: use `weights`. */
      kept: boolean;
      weights: number[];
    };

function holdoutLogLoss(events: readonly MemoryEvent[], params: FsrsParams, fromIndex: number): number {
  const scored: Scored[] = predictions(events, params).predictions.slice(fromIndex).map((p) => ({
    p: p.fsrs, y: p.recalled ? 1 : 0, elapsedDays: p.elapsedDays, reviewNumber: p.reviewNumber, lapsesBefore: p.lapsesBefore,
  }));
  return logLoss(scored);
}

/**
 * Fit on the older reviews, check on the newer ones (module comment). `events` in time order.
 * With `kept`, the returned weights are refitted on the whole history.
 */
export async function fitForLearner(events: readonly MemoryEvent[], base: FsrsParams = fsrsParams()): Promise<FitOutcome> {
  const scoredReviews = predictions(events, base).predictions;
  const reviews = scoredReviews.length;
  if (reviews < MIN_REVIEWS_TO_FIT) return { status: "too-few", reviews, needed: MIN_REVIEWS_TO_FIT };

  // Split by time: the first scored review of the newest 20 % and everything on or after its day.
  const cutIndex = Math.floor(reviews * (1 - HOLDOUT_SHARE));
  const cutDay = scoredReviews[cutIndex].day;
  const firstHeld = scoredReviews.findIndex((p) => p.day >= cutDay);
  const older = events.filter((e) => e.day < cutDay);
  const trained = fsrsParams({ ...base, weights: await fitWeights(older) });
  const defaultLogLoss = holdoutLogLoss(events, base, firstHeld);
  const fittedLogLoss = holdoutLogLoss(events, trained, firstHeld);
  const kept = fittedLogLoss < defaultLogLoss;
  return {
    status: "fitted",
    reviews,
    holdout: { reviews: reviews - firstHeld, defaultLogLoss, fittedLogLoss },
    kept,
    weights: kept ? await fitWeights(events) : [...base.weights],
  };
}
