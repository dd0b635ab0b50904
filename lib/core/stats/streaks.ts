/**
 * Study streaks: runs of consecutive learner days with at least one review. Days are the
 * learner's own (time zone and rollover hour), so a review at 01:30 with a 04:00 rollover
 * belongs to the evening before.
 */
import { addLocalDays } from "@/lib/core/srs/days";

export interface Streaks {
  /** The run ending today — or ending yesterday while today has no review yet (the day is not over). */
  current: number;
  longest: number;
  /** Whether today already counts. */
  today: boolean;
}

/** From the set of day keys with a review and today's key; keys after today are ignored. */
export function streaks(activeDays: Iterable<string>, todayKey: string): Streaks {
  const days = [...new Set(activeDays)].filter((k) => k <= todayKey).sort();
  let longest = 0;
  let run = 0;
  let prev: string | null = null;
  for (const k of days) {
    run = prev !== null && addLocalDays(prev, 1) === k ? run + 1 : 1;
    longest = Math.max(longest, run);
    prev = k;
  }
  const last = days.at(-1);
  const today = last === todayKey;
  const current = last !== undefined && (today || last === addLocalDays(todayKey, -1)) ? run : 0;
  return { current, longest, today };
}
