/**
 * Retention: the share of reviews graded 3 or more (SM-2's "remembered"), split by young cards
 * (interval before the review < 21 days) and mature ones (≥ 21). Only kind "review" counts:
 * first sightings, same-day drills and quiz-triggered reschedules are not tests of memory.
 */
import { bucketIndex } from "./ranges";

export const MATURE_DAYS = 21;
export const PASS_GRADE = 3;

export const isMature = (intervalDays: number) => intervalDays >= MATURE_DAYS;

export interface RetentionRow {
  bucket: number;
  mature: boolean;
  passed: number;
  total: number;
}

export interface Share {
  passed: number;
  total: number;
  /** passed / total, or null when there was nothing to measure. */
  share: number | null;
}

export interface RetentionBucket {
  key: string;
  young: Share;
  mature: Share;
}

export interface Retention {
  buckets: RetentionBucket[];
  young: Share;
  mature: Share;
}

const share = (passed: number, total: number): Share => ({ passed, total, share: total > 0 ? passed / total : null });

export function retention(keys: readonly string[], rows: readonly RetentionRow[]): Retention {
  const acc = keys.map(() => ({ young: [0, 0], mature: [0, 0] }));
  for (const r of rows) {
    const b = acc[r.bucket];
    if (!b || !(r.total > 0)) continue;
    const side = r.mature ? b.mature : b.young;
    side[0] += Math.max(0, Math.min(r.passed, r.total));
    side[1] += r.total;
  }
  const sum = (which: "young" | "mature") => acc.reduce((s, b) => [s[0] + b[which][0], s[1] + b[which][1]], [0, 0]);
  const [yp, yt] = sum("young");
  const [mp, mt] = sum("mature");
  return {
    buckets: keys.map((key, i) => ({ key, young: share(acc[i].young[0], acc[i].young[1]), mature: share(acc[i].mature[0], acc[i].mature[1]) })),
    young: share(yp, yt),
    mature: share(mp, mt),
  };
}

export interface GradedLogLike {
  reviewedAt: Date;
  kind: string;
  grade: number;
  intervalBefore: number;
  undoneAt?: Date | null;
}

/** In-memory twin of the retention query. */
export function retentionRows(logs: readonly GradedLogLike[], boundaries: readonly Date[]): RetentionRow[] {
  const rows = new Map<string, RetentionRow>();
  for (const log of logs) {
    if (log.undoneAt || log.kind !== "review") continue;
    const bucket = bucketIndex(log.reviewedAt, boundaries);
    if (bucket < 0) continue;
    const mature = isMature(log.intervalBefore);
    const id = `${bucket}|${mature}`;
    const row = rows.get(id) ?? { bucket, mature, passed: 0, total: 0 };
    row.total += 1;
    if (log.grade >= PASS_GRADE) row.passed += 1;
    rows.set(id, row);
  }
  return [...rows.values()].sort((a, b) => a.bucket - b.bucket || Number(a.mature) - Number(b.mature));
}
