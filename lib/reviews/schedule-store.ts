import { v7 as uuidv7 } from "uuid";
import type { DbTx } from "@/lib/db/client";
import { INITIAL_SM2, type LogDraft, type Schedule, type TodayRow } from "@/lib/core/srs";

/**
 * Where the schedule model's states and log entries meet the database: a card's schedule as
 * stored, its rows of today, and the one writer of a model outcome (state and log row together, in
 * the caller's transaction). Plain SQL, identical on SQLite and PostgreSQL (the review hot path).
 */

export interface StoredSchedule {
  id: string;
  version: number;
  schedule: Schedule;
}

interface StateRow {
  id: string;
  repetitions: number;
  easiness: number;
  intervalDays: number;
  dueAt: Date;
  lapses: number;
  lastReviewedAt: Date | null;
  stability: number | null;
  difficulty: number | null;
  version: number;
}

export async function readSchedule(db: DbTx, userId: string, cardId: string): Promise<StoredSchedule | null> {
  const [row] = await db.$queryRaw<StateRow[]>`
    SELECT "id", "repetitions", "easiness", "intervalDays", "dueAt", "lapses", "lastReviewedAt", "stability", "difficulty", "version"
    FROM "ReviewState" WHERE "userId" = ${userId} AND "cardId" = ${cardId}`;
  if (!row) return null;
  return { id: row.id, version: Number(row.version), schedule: scheduleOfState(row) };
}

const num = (x: number | null): number | null => (x === null ? null : Number(x));

/** A ReviewState row as read by plain SQL (integers may come back as bigint) as the model's Schedule. */
export function scheduleOfState(row: Omit<StateRow, "id" | "version">): Schedule {
  return {
    repetitions: Number(row.repetitions),
    easiness: Number(row.easiness),
    intervalDays: Number(row.intervalDays),
    lapses: Number(row.lapses),
    dueAt: row.dueAt,
    lastReviewedAt: row.lastReviewedAt,
    stability: num(row.stability),
    difficulty: num(row.difficulty),
  };
}

/** A log row read back: the model's view of it plus what the database keeps beside. */
export interface StoredRow extends TodayRow {
  id: string;
  requestId: string;
  reviewedAt: Date;
  undoneAt: Date | null;
  algorithm: string;
  before: Schedule | null;
  after: Schedule;
}

interface LogRowSql {
  id: string;
  origin: string;
  kind: string;
  grade: number;
  requestId: string;
  reviewedAt: Date;
  undoneAt: Date | null;
  repsBefore: number;
  easeBefore: number;
  intervalBefore: number;
  dueBefore: Date | null;
  lapsesBefore: number;
  lastReviewedBefore: Date | null;
  repsAfter: number;
  easeAfter: number;
  intervalAfter: number;
  dueAfter: Date;
  lapsesAfter: number;
  algorithm: string;
  stabilityBefore: number | null;
  difficultyBefore: number | null;
  stabilityAfter: number | null;
  difficultyAfter: number | null;
}

const MOVING = new Set(["new", "review"]);

/** The schedules a row recorded. A "new" row had none before; after it, lastReviewedAt is the
 * row's moment for a schedule-moving grade and unchanged otherwise. */
export function schedulesOfRow(r: Omit<LogRowSql, "id" | "requestId" | "undoneAt" | "grade" | "origin" | "algorithm">): { before: Schedule | null; after: Schedule } {
  const before: Schedule | null =
    r.kind === "new"
      ? null
      : {
          repetitions: Number(r.repsBefore),
          easiness: Number(r.easeBefore),
          intervalDays: Number(r.intervalBefore),
          lapses: Number(r.lapsesBefore),
          dueAt: r.dueBefore ?? new Date(Number.NaN),
          lastReviewedAt: r.lastReviewedBefore,
          stability: num(r.stabilityBefore),
          difficulty: num(r.difficultyBefore),
        };
  const after: Schedule = {
    repetitions: Number(r.repsAfter),
    easiness: Number(r.easeAfter),
    intervalDays: Number(r.intervalAfter),
    lapses: Number(r.lapsesAfter),
    dueAt: r.dueAfter,
    lastReviewedAt: MOVING.has(r.kind) ? r.reviewedAt : r.lastReviewedBefore,
    stability: num(r.stabilityAfter),
    difficulty: num(r.difficultyAfter),
  };
  return { before, after };
}

function toStoredRow(r: LogRowSql): StoredRow {
  return { id: r.id, origin: r.origin, kind: r.kind, grade: Number(r.grade), requestId: r.requestId, reviewedAt: r.reviewedAt, undoneAt: r.undoneAt, algorithm: r.algorithm, ...schedulesOfRow(r) };
}

/** A card's standing rows (not undone) since `since`, oldest first. */
export async function readCardRowsSince(db: DbTx, userId: string, cardId: string, since: Date): Promise<StoredRow[]> {
  const rows = await db.$queryRaw<LogRowSql[]>`
    SELECT "id", "origin", "kind", "grade", "requestId", "reviewedAt", "undoneAt", "repsBefore", "easeBefore", "intervalBefore", "dueBefore",
           "lapsesBefore", "lastReviewedBefore", "repsAfter", "easeAfter", "intervalAfter", "dueAfter", "lapsesAfter",
           "algorithm", "stabilityBefore", "difficultyBefore", "stabilityAfter", "difficultyAfter"
    FROM "ReviewLog" WHERE "userId" = ${userId} AND "cardId" = ${cardId} AND "undoneAt" IS NULL AND "reviewedAt" >= ${since}
    ORDER BY "reviewedAt" ASC, "id" ASC`;
  return rows.map(toStoredRow);
}

export interface WriteExtra {
  requestId: string;
  durationMs: number;
}

/**
 * Commits one model outcome: the schedule (inserted, updated at the expected version, or deleted
 * when it goes back to new) and its log row. Returns the log row's id, or null when the version
 * moved underneath (the caller's conflict).
 */
export async function writeOutcome(
  tx: DbTx,
  userId: string,
  cardId: string,
  prior: { id: string; version: number } | null,
  next: Schedule | null,
  log: LogDraft | null,
  extra: WriteExtra,
): Promise<{ logId: string | null; version: number } | null> {
  const version = (prior?.version ?? 0) + 1;
  if (!prior && next) {
    const introducedAt = log?.at ?? next.lastReviewedAt ?? next.dueAt;
    await tx.$executeRaw`
      INSERT INTO "ReviewState" ("id", "userId", "cardId", "repetitions", "easiness", "intervalDays", "dueAt", "lapses", "lastReviewedAt", "stability", "difficulty", "introducedAt", "version")
      VALUES (${uuidv7()}, ${userId}, ${cardId}, ${next.repetitions}, ${next.easiness}, ${next.intervalDays}, ${next.dueAt}, ${next.lapses}, ${next.lastReviewedAt},
        ${next.stability ?? null}, ${next.difficulty ?? null}, ${introducedAt}, ${version})`;
  } else if (prior && next) {
    const count = await tx.$executeRaw`
      UPDATE "ReviewState" SET "repetitions" = ${next.repetitions}, "easiness" = ${next.easiness}, "intervalDays" = ${next.intervalDays},
        "dueAt" = ${next.dueAt}, "lapses" = ${next.lapses}, "lastReviewedAt" = ${next.lastReviewedAt},
        "stability" = ${next.stability ?? null}, "difficulty" = ${next.difficulty ?? null}, "version" = ${version}
      WHERE "id" = ${prior.id} AND "version" = ${prior.version}`;
    if (count !== 1) return null;
  } else if (prior && !next) {
    const count = await tx.$executeRaw`DELETE FROM "ReviewState" WHERE "id" = ${prior.id} AND "version" = ${prior.version}`;
    if (count !== 1) return null;
  }
  if (!log) return { logId: null, version };
  return { logId: await insertLogRow(tx, userId, cardId, log, extra), version };
}

/** Appends one log entry of the model (the row records the schedules before and after it). */
export async function insertLogRow(tx: DbTx, userId: string, cardId: string, log: LogDraft, extra: WriteExtra): Promise<string> {
  const b = log.before ?? { ...INITIAL_SM2, lapses: 0, dueAt: null, lastReviewedAt: null, stability: null, difficulty: null };
  const a = log.after;
  const logId = uuidv7(); // time-ordered: undo takes the latest grade by (reviewedAt, id)
  await tx.$executeRaw`
    INSERT INTO "ReviewLog" ("id", "userId", "cardId", "grade", "origin", "kind", "repsBefore", "easeBefore", "intervalBefore", "dueBefore", "lapsesBefore",
      "lastReviewedBefore", "repsAfter", "easeAfter", "intervalAfter", "dueAfter", "lapsesAfter", "algorithm", "stabilityBefore", "difficultyBefore",
      "stabilityAfter", "difficultyAfter", "reviewedAt", "durationMs", "requestId")
    VALUES (${logId}, ${userId}, ${cardId}, ${log.grade}, ${log.origin}, ${log.kind}, ${b.repetitions}, ${b.easiness}, ${b.intervalDays},
      ${b.dueAt}, ${b.lapses}, ${b.lastReviewedAt}, ${a.repetitions}, ${a.easiness}, ${a.intervalDays}, ${a.dueAt}, ${a.lapses}, ${log.algorithm},
      ${b.stability ?? null}, ${b.difficulty ?? null}, ${a.stability ?? null}, ${a.difficulty ?? null}, ${log.at}, ${extra.durationMs}, ${extra.requestId})`;
  return logId;
}

/** A learner's standing rows (not undone) since `since`, every card, oldest first (the day pack). */
export async function readRowsSince(db: DbTx, userId: string, since: Date): Promise<(StoredRow & { cardId: string; durationMs: number })[]> {
  const rows = await db.$queryRaw<(LogRowSql & { cardId: string; durationMs: number })[]>`
    SELECT "id", "cardId", "origin", "kind", "grade", "requestId", "reviewedAt", "undoneAt", "repsBefore", "easeBefore", "intervalBefore", "dueBefore",
           "lapsesBefore", "lastReviewedBefore", "repsAfter", "easeAfter", "intervalAfter", "dueAfter", "lapsesAfter",
           "algorithm", "stabilityBefore", "difficultyBefore", "stabilityAfter", "difficultyAfter", "durationMs"
    FROM "ReviewLog" WHERE "userId" = ${userId} AND "undoneAt" IS NULL AND "reviewedAt" >= ${since}
    ORDER BY "reviewedAt" ASC, "id" ASC`;
  return rows.map((r) => ({ ...toStoredRow(r), cardId: r.cardId, durationMs: Number(r.durationMs) }));
}

/** The moment of a card's latest standing row (an answer's moment is never before it). */
export async function latestRowAt(db: DbTx, userId: string, cardId: string): Promise<Date | null> {
  const [row] = await db.$queryRaw<{ reviewedAt: Date }[]>`
    SELECT "reviewedAt" FROM "ReviewLog" WHERE "userId" = ${userId} AND "cardId" = ${cardId} AND "undoneAt" IS NULL
    ORDER BY "reviewedAt" DESC, "id" DESC LIMIT 1`;
  return row?.reviewedAt ?? null;
}

/** Every log row of a learner (undone ones too: the replay skips them), per card in commit order. */
export async function readUserRows(db: DbTx, userId: string): Promise<Map<string, StoredRow[]>> {
  const rows = await db.$queryRaw<(LogRowSql & { cardId: string })[]>`
    SELECT "id", "cardId", "origin", "kind", "grade", "requestId", "reviewedAt", "undoneAt", "repsBefore", "easeBefore", "intervalBefore", "dueBefore",
           "lapsesBefore", "lastReviewedBefore", "repsAfter", "easeAfter", "intervalAfter", "dueAfter", "lapsesAfter",
           "algorithm", "stabilityBefore", "difficultyBefore", "stabilityAfter", "difficultyAfter"
    FROM "ReviewLog" WHERE "userId" = ${userId}
    ORDER BY "cardId" ASC, "reviewedAt" ASC, "id" ASC`;
  const byCard = new Map<string, StoredRow[]>();
  for (const r of rows) {
    const list = byCard.get(r.cardId);
    if (list) list.push(toStoredRow(r));
    else byCard.set(r.cardId, [toStoredRow(r)]);
  }
  return byCard;
}
