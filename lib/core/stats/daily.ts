/**
 * Reviews per learner day, stacked by kind. The database returns (bucket, kind, count) rows;
 * this turns them into one entry per day. `countByBucket` is the in-memory twin of that query
 * (used by tests and small inputs).
 */
import { bucketIndex } from "./ranges";

export const LOG_KINDS = ["review", "new", "drill", "quiz"] as const;
export type LogKind = (typeof LOG_KINDS)[number];

export interface BucketKindCount {
  bucket: number;
  kind: string;
  count: number;
}

export interface DayCounts {
  key: string;
  review: number;
  new: number;
  drill: number;
  quiz: number;
  /** Everything, quiz-triggered reschedules included. */
  total: number;
  /** What the learner did on the review screen (review + new + drill). */
  studied: number;
}

const isKind = (k: string): k is LogKind => (LOG_KINDS as readonly string[]).includes(k);

/** One entry per key; rows outside the range or of an unknown kind are ignored. */
export function dailyCounts(keys: readonly string[], rows: readonly BucketKindCount[]): DayCounts[] {
  const days = keys.map((key) => ({ key, review: 0, new: 0, drill: 0, quiz: 0, total: 0, studied: 0 }));
  for (const r of rows) {
    const day = days[r.bucket];
    if (!day || !isKind(r.kind) || !(r.count > 0)) continue;
    day[r.kind] += r.count;
    day.total += r.count;
    if (r.kind !== "quiz") day.studied += r.count;
  }
  return days;
}

export interface LogLike {
  reviewedAt: Date;
  kind: string;
  undoneAt?: Date | null;
}

/** In-memory twin of the per-day query: count non-undone logs per (bucket, kind). */
export function countByBucket(logs: readonly LogLike[], boundaries: readonly Date[]): BucketKindCount[] {
  const counts = new Map<string, BucketKindCount>();
  for (const log of logs) {
    if (log.undoneAt) continue;
    const bucket = bucketIndex(log.reviewedAt, boundaries);
    if (bucket < 0) continue;
    const id = `${bucket}|${log.kind}`;
    const row = counts.get(id) ?? { bucket, kind: log.kind, count: 0 };
    row.count += 1;
    counts.set(id, row);
  }
  return [...counts.values()].sort((a, b) => a.bucket - b.bucket || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
}

export interface SeriesSummary {
  total: number;
  activeDays: number;
  /** Average per day over the whole range (days without reviews included). */
  average: number;
  busiest: { key: string; count: number } | null;
}

/**
 * Totals for a chart's title and summary: reviews only (`studied`: new, review and repeat grades),
 * the same count as the Today tile and the calendar. Quiz misses are their own series in the bars
 * and counted apart in `quizMisses`.
 */
export function summarizeDays(days: readonly DayCounts[]): SeriesSummary & { quizMisses: number } {
  let total = 0;
  let activeDays = 0;
  let quizMisses = 0;
  let busiest: SeriesSummary["busiest"] = null;
  for (const d of days) {
    total += d.studied;
    quizMisses += d.quiz;
    if (d.studied > 0) activeDays += 1;
    if (d.studied > 0 && (!busiest || d.studied > busiest.count)) busiest = { key: d.key, count: d.studied };
  }
  return { total, activeDays, average: days.length ? total / days.length : 0, busiest, quizMisses };
}
