/**
 * Figures derived from a learner's review-screen grades, remembered per learner in this process
 * and reused while those grades are unchanged.
 *
 * Why: the schedule-prediction read (20,000 grades) and the year of per-day counts were most of
 * the Progress page's server time for a long history (tests/bench), and they are the same on
 * every visit until the learner grades or undoes something.
 *
 * Keyed by the data they derive from, never by time: the stamp below (historyStamp) changes with
 * every write that can change a non-undone review-screen grade: a grade adds a row (possibly dated
 * in the past: an answer given offline), an undo sets `undoneAt`, deleting an account deletes the
 * learner; cards are retired, never deleted. With several server processes each keeps its own copy, and each is exact for the
 * stamp it was computed under, so a copy can be cold but never stale. What else an entry depends
 * on (time zone, rollover hour, today's date) is part of its key.
 */
import type { DbTx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";

/** Learners remembered at once (least recently used first out); an entry is a few kilobytes. */
export const HISTORY_CACHE_LEARNERS = 200;

/**
 * One string that changes whenever the learner's non-undone review-screen grades change: how many
 * review rows there are (an answer delivered from an offline outbox is dated when it was given,
 * possibly before the latest row, so "the latest row" would miss it) and the latest undo. Read
 * from the (userId, origin, undoneAt, reviewedAt) index.
 */
export async function historyStamp(db: DbTx, userId: string): Promise<string> {
  const [row] = await db.$queryRaw<{ rows: unknown; undone: unknown }[]>(Prisma.sql`
    SELECT
      (SELECT COUNT(*) FROM "ReviewLog" WHERE "userId" = ${userId} AND "origin" = 'review') AS "rows",
      (SELECT MAX("undoneAt") FROM "ReviewLog" WHERE "userId" = ${userId} AND "origin" = 'review') AS undone`);
  return `${stampPart(row?.rows)}|${stampPart(row?.undone)}`;
}

/** A DateTime comes back as a Date (PostgreSQL) or as its stored text (SQLite): one spelling. */
function stampPart(v: unknown): string {
  if (v === null || v === undefined) return "-";
  if (v instanceof Date) return v.toISOString();
  const s = String(v);
  const t = Date.parse(s);
  return /^\d{4}-\d\d-\d\dT/.test(s) && Number.isFinite(t) ? new Date(t).toISOString() : s;
}

/** A small least-recently-used map. */
export class Lru<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly max: number) {}
  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }
  set(key: string, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    while (this.map.size > this.max) this.map.delete(this.map.keys().next().value!);
  }
  get size(): number {
    return this.map.size;
  }
}

/**
 * Per learner, the value computed under the latest stamp seen, with what else it depends on
 * (`context`). One entry per learner, so a learner's older versions never pile up.
 */
export class HistoryMemo<V> {
  private readonly lru: Lru<{ key: string; value: V }>;
  constructor(max = HISTORY_CACHE_LEARNERS) {
    this.lru = new Lru(max);
  }

  async get(db: DbTx, userId: string, context: string, compute: () => Promise<V>): Promise<V> {
    const stamp = await historyStamp(db, userId);
    const key = `${context}|${stamp}`;
    const hit = this.lru.get(userId);
    if (hit && hit.key === key) return hit.value;
    const value = await compute();
    // A grade or undo that landed while `compute` read may be in the value: then it does not
    // belong to `stamp`, and serves this request only.
    if ((await historyStamp(db, userId)) === stamp) this.lru.set(userId, { key, value });
    return value;
  }
}
