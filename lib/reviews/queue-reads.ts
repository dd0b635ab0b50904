import type { DbTx } from "@/lib/db/client";
import type { QueueCardState } from "@/lib/core/srs";

/**
 * The review screen's hot-path reads as plain SQL (identical on SQLite and PostgreSQL: quoted
 * identifiers, parameters only). Prisma's query builder costs about 0.5 ms of CPU per statement
 * against about 0.1 ms for a raw one, and a grade runs a dozen of them (npm run bench, issue 8).
 * Integer results are passed through Number(): counts come back as bigint.
 */

export interface TodayGrade {
  id: string;
  cardId: string;
  /** "review" (a grade) or "quiz" (a missed question's effect on the card). */
  origin: string;
  grade: number;
  kind: string;
  durationMs: number;
  reviewedAt: Date;
}

/** Today's log rows (grades and quiz misses, not undone), oldest first. Uses the (userId, reviewedAt) index. */
export async function readTodayGrades(db: DbTx, userId: string, start: Date): Promise<TodayGrade[]> {
  const rows = await db.$queryRaw<TodayGrade[]>`
    SELECT "id", "cardId", "origin", "grade", "kind", "durationMs", "reviewedAt" FROM "ReviewLog"
    WHERE "userId" = ${userId} AND "undoneAt" IS NULL AND "reviewedAt" >= ${start}
    ORDER BY "reviewedAt" ASC, "id" ASC`;
  return rows.map((r) => ({ ...r, grade: Number(r.grade), durationMs: Number(r.durationMs) }));
}

/** States due before `end` on cards still in the deck, oldest first, at most `limit`. */
export async function readDueStates(db: DbTx, userId: string, end: Date, limit: number): Promise<QueueCardState[]> {
  const rows = await db.$queryRaw<QueueCardState[]>`
    SELECT s."cardId", s."dueAt", s."repetitions", s."easiness", s."intervalDays", s."version", s."lastReviewedAt"
    FROM "ReviewState" s JOIN "Card" c ON c."id" = s."cardId"
    WHERE s."userId" = ${userId} AND s."dueAt" < ${end} AND c."retiredAt" IS NULL
    ORDER BY s."dueAt" ASC, s."cardId" ASC
    LIMIT ${limit}`;
  return rows.map((r) => ({
    ...r,
    repetitions: Number(r.repetitions),
    easiness: Number(r.easiness),
    intervalDays: Number(r.intervalDays),
    version: Number(r.version),
  }));
}

/** How many cards the learner first graded since `start` (the new-card allowance is per day). */
export async function countIntroducedSince(db: DbTx, userId: string, start: Date): Promise<number> {
  const [row] = await db.$queryRaw<{ n: bigint | number }[]>`
    SELECT COUNT(*) AS "n" FROM "ReviewState" WHERE "userId" = ${userId} AND "introducedAt" >= ${start}`;
  return Number(row?.n ?? 0);
}

/** Cards the learner has never studied, in deck order, at most `limit`. */
export async function readNewCardIds(db: DbTx, userId: string, limit: number): Promise<string[]> {
  if (limit <= 0) return [];
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT c."id" FROM "Card" c
    WHERE c."retiredAt" IS NULL
      AND NOT EXISTS (SELECT 1 FROM "ReviewState" s WHERE s."cardId" = c."id" AND s."userId" = ${userId})
    ORDER BY c."position" ASC
    LIMIT ${limit}`;
  return rows.map((r) => r.id);
}
