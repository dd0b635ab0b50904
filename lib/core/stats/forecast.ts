/** Cards due on each of the next days. Overdue cards count as due today. */
import { bucketIndex } from "./ranges";

export interface BucketCount {
  bucket: number;
  count: number;
}

export interface ForecastDay {
  key: string;
  due: number;
}

export function forecast(keys: readonly string[], rows: readonly BucketCount[]): ForecastDay[] {
  const due = keys.map(() => 0);
  for (const r of rows) if (r.bucket >= 0 && r.bucket < due.length && r.count > 0) due[r.bucket] += r.count;
  return keys.map((key, i) => ({ key, due: due[i] }));
}

/** In-memory twin of the forecast query: due instants bucketed, anything overdue into day 0. */
export function forecastRows(dueAts: readonly Date[], boundaries: readonly Date[]): BucketCount[] {
  const counts = new Map<number, number>();
  for (const d of dueAts) {
    const b = bucketIndex(d, boundaries, true);
    if (b >= 0) counts.set(b, (counts.get(b) ?? 0) + 1);
  }
  return [...counts].map(([bucket, count]) => ({ bucket, count })).sort((a, b) => a.bucket - b.bucket);
}

/** Today's bar is "due today" by its one definition (lib/reviews/due-today): owed repeats included, nothing moved today counted twice. */
export function withDueToday(days: readonly ForecastDay[], dueToday: number): ForecastDay[] {
  return days.map((d, i) => (i === 0 ? { ...d, due: dueToday } : d));
}
