/**
 * SQL building blocks for the Progress queries, portable between SQLite and PostgreSQL.
 *
 * Dates: on SQLite the driver adapter stores DateTime columns as ISO-8601 text in one fixed
 * format ("2026-03-08T10:00:00.000+00:00", always with milliseconds and "+00:00"; checked in
 * tests/integration/progress.test.ts), and binds a Date parameter in the very same format, so
 * `"reviewedAt" >= ?` is a correct (lexicographic) comparison there and a timestamp comparison on
 * PostgreSQL, where a parameter compared with a column takes the column's type. No date
 * arithmetic happens in SQL at all.
 *
 * Learner days: the UTC instants where the learner's days begin are computed in JS
 * (lib/core/stats/ranges, on lib/core/srs/days), which is what makes the buckets exact across DST — a 23-
 * or 25-hour day is simply two boundaries closer together or further apart. Grouping by
 * `floor((reviewedAt - origin) / 86400000)` would put the hour after a spring switch (or the
 * extra one in autumn) into the wrong day, break for zones whose rollover falls into a DST gap,
 * and would need engine-specific date functions besides.
 *
 * Bucketing: `perBucket` writes one small SELECT per bucket, `"reviewedAt" >= b[i] AND
 * "reviewedAt" < b[i+1]`, glued with UNION ALL, so each bucket is one range seek on the
 * (userId, reviewedAt) or (userId, dueAt) index and every parameter gets its type from the
 * column it is compared with. (A single scan with a nested CASE over the boundaries was
 * measured too: on SQLite it was 2–3 times slower, because every comparison of a parameter with
 * the DATETIME column re-applies column affinity.) SQLite allows at most 500 terms in a compound
 * SELECT, so callers split long ranges into chunks of MAX_BUCKETS_PER_QUERY.
 *
 * Identifiers are double-quoted (Prisma's camelCase names need that on PostgreSQL).
 */
import { Prisma } from "@/lib/generated/prisma/client";

/** Most buckets in one statement (SQLite's compound-SELECT limit is 500). */
export const MAX_BUCKETS_PER_QUERY = 400;

/**
 * One SELECT per bucket [boundaries[i], boundaries[i + 1]), glued with UNION ALL. `select` gets
 * the bucket index as an SQL literal and the bucket's bounds; with `openStart`, the first bucket
 * has no lower bound (null), e.g. a forecast's overdue cards count for today.
 */
export function perBucket(
  boundaries: readonly Date[],
  select: (bucket: Prisma.Sql, start: Date | null, end: Date) => Prisma.Sql,
  openStart = false,
): Prisma.Sql {
  const n = boundaries.length - 1;
  if (n < 1 || n > MAX_BUCKETS_PER_QUERY) throw new RangeError(`between 1 and ${MAX_BUCKETS_PER_QUERY} buckets per query, got ${n}`);
  const parts: Prisma.Sql[] = [];
  for (let i = 0; i < n; i++) parts.push(select(Prisma.raw(String(i)), openStart && i === 0 ? null : boundaries[i], boundaries[i + 1]));
  return Prisma.join(parts, " UNION ALL ");
}

/** `AND <column> >= start AND <column> < end` (no lower bound for null). */
export function within(column: Prisma.Sql, start: Date | null, end: Date): Prisma.Sql {
  return start ? Prisma.sql`AND ${column} >= ${start} AND ${column} < ${end}` : Prisma.sql`AND ${column} < ${end}`;
}

/** COUNT/SUM come back as bigint, number or numeric string depending on driver: a plain number. */
export function toNumber(v: unknown): number {
  if (typeof v === "number") return v;
  if (typeof v === "bigint") return Number(v);
  if (typeof v === "string") return Number(v);
  return 0;
}
