/**
 * The replay check over a SQLite file: every stored review state must equal the replay of its log
 * through the schedule model (lib/core/srs/replay, the same rules the grade, undo and quiz paths
 * commit). Used by the backup test on a snapshot and by the chaos run after killing the server.
 * Each learner's days are taken from their current time zone and rollover hour.
 */
import type { Database } from "better-sqlite3";
import { checkSchedule, type ReplayRow, type Schedule } from "@/lib/core/srs";
import { schedulesOfRow } from "@/lib/reviews/schedule-store";

export interface Mismatch {
  userId: string;
  cardId: string;
  /** The log row where the chain broke, when it broke inside the log. */
  logId?: string;
  problem: string;
  expected?: unknown;
  actual?: unknown;
}

/** SQLite keeps Prisma DateTimes as ISO text (or epoch milliseconds, depending on the adapter option). */
function toDate(v: unknown): Date | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "bigint") return new Date(Number(v));
  const d = new Date(String(v));
  if (Number.isNaN(d.getTime())) throw new Error(`unreadable date ${String(v)}`);
  return d;
}

export interface ReplayReport {
  states: number;
  logs: number;
  cards: number;
  mismatches: Mismatch[];
}

function rowOf(r: Record<string, unknown>): ReplayRow & { userId: string; cardId: string } {
  const reviewedAt = toDate(r.reviewedAt)!;
  const kind = String(r.kind);
  return {
    id: String(r.id),
    userId: String(r.userId),
    cardId: String(r.cardId),
    origin: String(r.origin),
    kind,
    grade: Number(r.grade),
    reviewedAt,
    undoneAt: toDate(r.undoneAt),
    ...schedulesOfRow({
      kind,
      reviewedAt,
      repsBefore: Number(r.repsBefore),
      easeBefore: Number(r.easeBefore),
      intervalBefore: Number(r.intervalBefore),
      dueBefore: toDate(r.dueBefore),
      lapsesBefore: Number(r.lapsesBefore),
      lastReviewedBefore: toDate(r.lastReviewedBefore),
      repsAfter: Number(r.repsAfter),
      easeAfter: Number(r.easeAfter),
      intervalAfter: Number(r.intervalAfter),
      dueAfter: toDate(r.dueAfter)!,
      lapsesAfter: Number(r.lapsesAfter),
    }),
  };
}

/** Replays every learner's log in a SQLite database (commit order: reviewedAt, then insertion) and compares it with the stored states. */
export function checkReviewStates(sqlite: Database): ReplayReport {
  const users = new Map(
    (sqlite.prepare(`select id, timeZone, rolloverHour from "User"`).all() as { id: string; timeZone: string; rolloverHour: number }[]).map((u) => [u.id, u]),
  );
  const logsByCard = new Map<string, ReplayRow[]>();
  const rows = sqlite.prepare(`select * from "ReviewLog" order by userId, cardId, reviewedAt, rowid`).all() as Record<string, unknown>[];
  for (const r of rows) {
    const row = rowOf(r);
    const key = `${row.userId}\u0000${row.cardId}`;
    const list = logsByCard.get(key);
    if (list) list.push(row);
    else logsByCard.set(key, [row]);
  }

  const stored = new Map<string, Schedule>();
  const states = sqlite.prepare(`select userId, cardId, repetitions, easiness, intervalDays, lapses, dueAt, lastReviewedAt from "ReviewState"`).all() as Record<string, unknown>[];
  for (const s of states) {
    stored.set(`${s.userId}\u0000${s.cardId}`, {
      repetitions: Number(s.repetitions),
      easiness: Number(s.easiness),
      intervalDays: Number(s.intervalDays),
      lapses: Number(s.lapses),
      dueAt: toDate(s.dueAt)!,
      lastReviewedAt: toDate(s.lastReviewedAt),
    });
  }

  const mismatches: Mismatch[] = [];
  const keys = new Set([...logsByCard.keys(), ...stored.keys()]);
  for (const key of keys) {
    const [userId, cardId] = key.split("\u0000");
    const zone = users.get(userId) ?? { timeZone: "UTC", rolloverHour: 4 };
    for (const p of checkSchedule(logsByCard.get(key) ?? [], stored.get(key) ?? null, zone)) {
      mismatches.push({ userId, cardId, ...(p.logId ? { logId: p.logId } : {}), problem: p.problem, ...(p.expected !== undefined ? { expected: p.expected, actual: p.actual } : {}) });
    }
  }
  return { states: states.length, logs: rows.length, cards: keys.size, mismatches };
}

/** `PRAGMA integrity_check` as a list of messages: ["ok"] for a sound file. */
export function integrityCheck(sqlite: Database): string[] {
  return (sqlite.pragma("integrity_check") as { integrity_check: string }[]).map((r) => r.integrity_check);
}
