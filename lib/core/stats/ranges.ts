/**
 * Learner-local day and week ranges as lists of UTC boundary instants.
 *
 * Why boundaries: a learner day is not 24 hours long on a DST switch (23 h in spring, 25 h in
 * autumn), and it starts at the learner's rollover hour, not at midnight. So the database must
 * not bucket by `floor((reviewedAt - origin) / 86_400_000)`; instead the exact start instant of
 * every learner day is computed here (with lib/core/srs/days, which handles gaps and overlaps), and
 * the database only compares timestamps with this short list — portable SQL that is exact across
 * DST, each bucket a range on the (userId, reviewedAt) / (userId, dueAt) index (lib/progress/sql).
 * `bucketIndex` is the in-memory equivalent, used by the pure twins of those queries.
 *
 * Pure: the current instant, time zone and rollover hour are arguments.
 */
import { addLocalDays, dayBounds, dayStart } from "@/lib/core/srs/days";

export interface BucketRange {
  /** One key per bucket, oldest first ("YYYY-MM-DD": the learner day, or a week's Monday). */
  keys: string[];
  /** keys.length + 1 instants: bucket i is [boundaries[i], boundaries[i + 1]). */
  boundaries: Date[];
}

function checkCount(count: number): void {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`count must be a positive integer, got ${String(count)}`);
}

/** Learner days from `fromKey` through `toKey` (inclusive), oldest first. Empty if from > to. */
export function daysBetween(fromKey: string, toKey: string, timeZone: string, rolloverHour: number): BucketRange {
  const keys: string[] = [];
  for (let k = fromKey; k <= toKey; k = addLocalDays(k, 1)) keys.push(k);
  if (!keys.length) return { keys, boundaries: [] };
  const boundaries = keys.map((k) => dayStart(k, timeZone, rolloverHour));
  boundaries.push(dayStart(addLocalDays(toKey, 1), timeZone, rolloverHour));
  return { keys, boundaries };
}

/** The `count` learner days ending with today (the day containing `now`), oldest first. */
export function lastDays(now: Date, count: number, timeZone: string, rolloverHour: number): BucketRange {
  checkCount(count);
  const today = dayBounds(now, timeZone, rolloverHour).key;
  return daysBetween(addLocalDays(today, 1 - count), today, timeZone, rolloverHour);
}

/** The `count` learner days starting with today, for a forecast. */
export function nextDays(now: Date, count: number, timeZone: string, rolloverHour: number): BucketRange {
  checkCount(count);
  const today = dayBounds(now, timeZone, rolloverHour).key;
  return daysBetween(today, addLocalDays(today, count - 1), timeZone, rolloverHour);
}

/** 0 = Monday … 6 = Sunday, for a day key (calendar arithmetic, no time zone). */
export function weekdayOf(dayKey: string): number {
  const [y, m, d] = dayKey.split("-").map(Number);
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

/** Monday of the week containing `dayKey`. */
export function mondayOf(dayKey: string): string {
  return addLocalDays(dayKey, -weekdayOf(dayKey));
}

/**
 * The `count` learner weeks (Monday to Sunday, by learner days) ending with the current week,
 * oldest first. The last bucket ends at the end of today: the current week so far.
 */
export function lastWeeks(now: Date, count: number, timeZone: string, rolloverHour: number): BucketRange {
  checkCount(count);
  const today = dayBounds(now, timeZone, rolloverHour);
  const thisMonday = mondayOf(today.key);
  const keys = Array.from({ length: count }, (_, i) => addLocalDays(thisMonday, 7 * (i + 1 - count)));
  const boundaries = keys.map((k) => dayStart(k, timeZone, rolloverHour));
  boundaries.push(today.end);
  return { keys, boundaries };
}

/**
 * Index of the bucket holding `t`: i with boundaries[i] ≤ t < boundaries[i + 1], or −1 when `t`
 * is outside. With `openStart`, anything before boundaries[0] falls into bucket 0 (a forecast
 * counts overdue cards as due today).
 */
export function bucketIndex(t: Date | number, boundaries: readonly (Date | number)[], openStart = false): number {
  const ms = typeof t === "number" ? t : t.getTime();
  const at = (i: number) => {
    const b = boundaries[i];
    return typeof b === "number" ? b : b.getTime();
  };
  const n = boundaries.length - 1;
  if (n < 1 || !(ms < at(n))) return -1;
  if (ms < at(0)) return openStart ? 0 : -1;
  let lo = 0;
  let hi = n; // answer in [lo, hi)
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (ms < at(mid)) hi = mid;
    else lo = mid;
  }
  return lo;
}

/** Splits a range into consecutive ranges of at most `size` buckets (bounded query parameters). */
export function chunkRange(range: BucketRange, size: number): BucketRange[] {
  checkCount(size);
  const out: BucketRange[] = [];
  for (let i = 0; i < range.keys.length; i += size) {
    const keys = range.keys.slice(i, i + size);
    out.push({ keys, boundaries: range.boundaries.slice(i, i + keys.length + 1) });
  }
  return out;
}
