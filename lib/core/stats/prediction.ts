/**
 * How well does a schedule predict the learner's memory?
 *
 * For every review in a history, the probability of recall SM-2 and FSRS predicted from the
 * card's earlier reviews only (time-series order, never the future), against what happened
 * (recalled = grade ≥ 3, i.e. not Again). Metrics as the open srs-benchmark
 * (github.com/open-spaced-repetition/srs-benchmark) defines them: log loss, RMSE (bins) and AUC,
 * plus a calibration table.
 *
 * Memory events. Only the first review-screen grade of a card on a learner day moves its
 * schedule; same-day repeats (drills), undone grades and quiz rows (which move a due date, not
 * the memory state) are left out, for both algorithms (see lib/core/srs/fsrs.ts).
 *
 * Which reviews are scored. A card's first review has no prediction (nothing was known about
 * the card), and a review on the same learner day as the previous one cannot happen by the
 * rule above. The benchmark leaves out the same two.
 *
 * SM-2's prediction. SM-2 has no forgetting curve; like the benchmark we assume the interval it
 * chose is the one at which recall falls to 90 %, on an exponential curve:
 *   R_SM2 = 0.9 ^ (elapsed days / interval SM-2 set at the previous review)
 * with SM-2 replayed from the grades (lib/core/srs/sm2.ts), so it is the same for an FSRS learner.
 *
 * FSRS's prediction. ts-fsrs's forgetting curve (FSRS-6, power law) at the elapsed days, from the
 * memory state after the previous review. With the default weights nothing is fitted, so nothing
 * is learnt from the future. (Weights fitted on the same history would be: evaluate those only
 * on reviews after the fit.)
 *
 * RMSE (bins), as in srs-benchmark's rmse_matrix: reviews are grouped by three rounded
 * features — days elapsed, the review's number for its card, and the card's lapses so far — with
 * log-spaced bins:
 *   elapsed → round(2.48 · 3.62^⌊ln t / ln 3.62⌋, 2)
 *   number  → round(1.99 · 1.89^⌊ln i / ln 1.89⌋)
 *   lapses  → 0 if none, else round(1.65 · 1.73^⌊ln l / ln 1.73⌋)
 * and RMSE = √( Σ n_b (mean recalled_b − mean predicted_b)² / Σ n_b ).
 */
import { daysBetweenKeys, fsrsMemoryStep, fsrsRecall, ratingOfGrade, DEFAULT_FSRS_PARAMS, type FsrsMemory, type FsrsParams } from "../srs/fsrs";
import { dayBounds, type DayBounds } from "../srs/days";
import { INITIAL_SM2, sm2, type Quality, type Sm2State } from "../srs/sm2";

export interface MemoryEvent {
  cardKey: string;
  /** Learner day key of the grade. */
  day: string;
  grade: Quality;
}

/** One scored review: what each algorithm predicted and what happened. */
export interface Prediction {
  cardKey: string;
  day: string;
  elapsedDays: number;
  /** 2 for a card's second review, 3 for its third… */
  reviewNumber: number;
  /** Lapses (grades below 3 after the first review) before this review. */
  lapsesBefore: number;
  recalled: boolean;
  sm2: number;
  fsrs: number;
}

export interface CalibrationBin {
  /** Predicted recall from (inclusive) … to (exclusive; the last bin includes 1). */
  from: number;
  to: number;
  count: number;
  /** Mean predicted recall in the bin; null when empty. */
  predicted: number | null;
  /** Share actually recalled; null when empty. */
  actual: number | null;
}

export interface Metrics {
  /** Lower is better; 0 would be certainty, and always predicting the average recall scores its entropy. */
  logLoss: number;
  /** Lower is better, 0–1. */
  rmseBins: number;
  /** Higher is better; 0.5 is no better than chance. Null when every review had the same outcome. */
  auc: number | null;
  calibration: CalibrationBin[];
}

export interface Evaluation {
  /** Reviews scored (with a prediction). */
  reviews: number;
  cards: number;
  /** Share of the scored reviews recalled. */
  recallRate: number | null;
  sm2: Metrics | null;
  fsrs: Metrics | null;
}

export const CALIBRATION_BINS = 10;
const EPS = 1e-15;

/** SM-2's recall prediction (module comment). */
export function sm2Retrievability(elapsedDays: number, intervalDays: number): number {
  return Math.pow(0.9, elapsedDays / Math.max(1, intervalDays));
}

export interface LogRow {
  cardKey: string;
  grade: number;
  origin: string;
  /** Learner day of `reviewedAt` (the caller owns the time zone and rollover hour). */
  day: string;
  undone: boolean;
}

/**
 * Learner day key of each instant, for instants mostly in time order: one day's bounds are
 * computed once and reused for every grade inside them (a log has many grades per day, and each
 * time-zone lookup costs microseconds).
 */
export function learnerDays(timeZone: string, rolloverHour: number): (at: Date) => string {
  let day: DayBounds | null = null;
  return (at) => {
    if (!day || at < day.start || at >= day.end) day = dayBounds(at, timeZone, rolloverHour);
    return day.key;
  };
}

/**
 * The memory events of a review log in time order (module comment): review-screen grades, not
 * undone, the first per card and learner day. Rows must come oldest first.
 */
export function memoryEvents(rows: Iterable<LogRow>): MemoryEvent[] {
  const lastDay = new Map<string, string>();
  const out: MemoryEvent[] = [];
  for (const r of rows) {
    if (r.origin !== "review" || r.undone || !Number.isInteger(r.grade) || r.grade < 0 || r.grade > 5) continue;
    if (lastDay.get(r.cardKey) === r.day) continue;
    lastDay.set(r.cardKey, r.day);
    out.push({ cardKey: r.cardKey, day: r.day, grade: r.grade as Quality });
  }
  return out;
}

interface CardTrack {
  sm2: Sm2State;
  fsrs: FsrsMemory | null;
  lastDay: string;
  reviews: number;
  lapses: number;
}

/** Each event's predictions from the card's earlier events only. Events must be in time order per card. */
export function predictions(events: Iterable<MemoryEvent>, params: FsrsParams = DEFAULT_FSRS_PARAMS): { predictions: Prediction[]; cards: number } {
  const cards = new Map<string, CardTrack>();
  const out: Prediction[] = [];
  for (const e of events) {
    const track = cards.get(e.cardKey);
    const recalled = e.grade >= 3;
    if (track) {
      const elapsed = daysBetweenKeys(track.lastDay, e.day);
      if (elapsed < 0) throw new RangeError(`events of card ${e.cardKey} are out of order`);
      if (elapsed > 0) {
        out.push({
          cardKey: e.cardKey,
          day: e.day,
          elapsedDays: elapsed,
          reviewNumber: track.reviews + 1,
          lapsesBefore: track.lapses,
          recalled,
          sm2: sm2Retrievability(elapsed, track.sm2.intervalDays),
          fsrs: fsrsRecall(track.fsrs!.stability, elapsed, params),
        });
      } else continue; // a second event the same day is not a memory event (module comment)
    }
    const next: CardTrack = track ?? { sm2: INITIAL_SM2, fsrs: null, lastDay: e.day, reviews: 0, lapses: 0 };
    if (track && !recalled) next.lapses += 1;
    next.sm2 = sm2(next.sm2, e.grade);
    next.fsrs = fsrsMemoryStep(next.fsrs, track ? daysBetweenKeys(track.lastDay, e.day) : 0, ratingOfGrade(e.grade), params);
    next.lastDay = e.day;
    next.reviews += 1;
    cards.set(e.cardKey, next);
  }
  return { predictions: out, cards: cards.size };
}

export interface Scored {
  p: number;
  y: 0 | 1;
  elapsedDays: number;
  reviewNumber: number;
  lapsesBefore: number;
}

export function logLoss(items: readonly Scored[]): number {
  let sum = 0;
  for (const { p, y } of items) {
    const q = Math.min(1 - EPS, Math.max(EPS, p));
    sum -= y ? Math.log(q) : Math.log(1 - q);
  }
  return sum / items.length;
}

function logBin(x: number, base: number, scale: number): number {
  return scale * Math.pow(base, Math.floor(Math.log(x) / Math.log(base)));
}

/** The benchmark's bin of a review (module comment). */
export function rmseBinKey(elapsedDays: number, reviewNumber: number, lapses: number): string {
  const t = Math.round(logBin(elapsedDays, 3.62, 2.48) * 100) / 100;
  const i = Math.round(logBin(reviewNumber, 1.89, 1.99));
  const l = lapses === 0 ? 0 : Math.round(logBin(lapses, 1.73, 1.65));
  return `${t}|${i}|${l}`;
}

export function rmseBins(items: readonly Scored[]): number {
  const bins = new Map<string, { n: number; p: number; y: number }>();
  for (const s of items) {
    const k = rmseBinKey(s.elapsedDays, s.reviewNumber, s.lapsesBefore);
    const b = bins.get(k) ?? { n: 0, p: 0, y: 0 };
    b.n += 1;
    b.p += s.p;
    b.y += s.y;
    bins.set(k, b);
  }
  let sum = 0;
  for (const b of bins.values()) sum += b.n * ((b.y - b.p) / b.n) ** 2;
  return Math.sqrt(sum / items.length);
}

/** Area under the ROC curve (Mann–Whitney, ties count half); null without both outcomes. */
export function auc(items: readonly Scored[]): number | null {
  const sorted = [...items].sort((a, b) => a.p - b.p);
  let pos = 0;
  let rankSum = 0;
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j < sorted.length && sorted[j].p === sorted[i].p) j++;
    const avgRank = (i + 1 + j) / 2; // ranks i+1 … j
    for (let k = i; k < j; k++) if (sorted[k].y) { pos += 1; rankSum += avgRank; }
    i = j;
  }
  const neg = sorted.length - pos;
  if (pos === 0 || neg === 0) return null;
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

export function calibration(items: readonly Scored[], bins = CALIBRATION_BINS): CalibrationBin[] {
  const acc = Array.from({ length: bins }, () => ({ n: 0, p: 0, y: 0 }));
  for (const s of items) {
    const b = acc[Math.min(bins - 1, Math.max(0, Math.floor(s.p * bins)))];
    b.n += 1;
    b.p += s.p;
    b.y += s.y;
  }
  return acc.map((b, i) => ({
    from: i / bins,
    to: (i + 1) / bins,
    count: b.n,
    predicted: b.n ? b.p / b.n : null,
    actual: b.n ? b.y / b.n : null,
  }));
}

export function metrics(items: readonly Scored[]): Metrics | null {
  if (items.length === 0) return null;
  return { logLoss: logLoss(items), rmseBins: rmseBins(items), auc: auc(items), calibration: calibration(items) };
}

/** Predictions for every memory event, then the metrics of both algorithms on them. */
export function evaluateSchedules(events: Iterable<MemoryEvent>, params: FsrsParams = DEFAULT_FSRS_PARAMS): Evaluation {
  const { predictions: ps, cards } = predictions(events, params);
  const scored = (pick: (p: Prediction) => number): Scored[] =>
    ps.map((p) => ({ p: pick(p), y: p.recalled ? 1 : 0, elapsedDays: p.elapsedDays, reviewNumber: p.reviewNumber, lapsesBefore: p.lapsesBefore }));
  const recalled = ps.reduce((n, p) => n + (p.recalled ? 1 : 0), 0);
  return {
    reviews: ps.length,
    cards,
    recallRate: ps.length ? recalled / ps.length : null,
    sm2: metrics(scored((p) => p.sm2)),
    fsrs: metrics(scored((p) => p.fsrs)),
  };
}
