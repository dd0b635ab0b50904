import type pg from "pg";
import { MAX_REVIEWS_PER_DAY, NEW_PER_DAY, rng, ROLLOVER_HOUR, TIME_ZONE, writeLearner, type Account, type LogRow, type StateRow } from "./population";

/**
 * The same learners with histories as population.ts, written into PostgreSQL. Rows go in as
 * column arrays expanded by unnest(), thousands per statement: one round trip per batch instead
 * of one per row (Prisma's createMany would build and send the same rows far more slowly).
 * Timestamps are sent as UTC text without a zone, which is how Prisma stores DateTime in a
 * `timestamp(3)` column (a JS Date would be sent in the server's own time zone).
 */

const BATCH = 5_000;

/** UTC wall time as `timestamp` text: 2026-11-25T11:43:06.676 */
export function pgTime(d: Date | number): string {
  return new Date(d).toISOString().slice(0, -1);
}

type Column = [name: string, type: string];

const USER: Column[] = [["id", "text"], ["email", "text"], ["name", "text"], ["passwordHash", "text"], ["timeZone", "text"], ["rolloverHour", "int"], ["newPerDay", "int"], ["maxReviewsPerDay", "int"], ["createdAt", "timestamp"], ["updatedAt", "timestamp"]];
const STATE: Column[] = [["id", "text"], ["userId", "text"], ["cardId", "text"], ["repetitions", "int"], ["easiness", "float8"], ["intervalDays", "int"], ["dueAt", "timestamp"], ["lapses", "int"], ["lastReviewedAt", "timestamp"], ["introducedAt", "timestamp"], ["version", "int"]];
const LOG: Column[] = [
  ["id", "text"], ["userId", "text"], ["cardId", "text"], ["grade", "int"], ["origin", "text"], ["kind", "text"],
  ["repsBefore", "int"], ["easeBefore", "float8"], ["intervalBefore", "int"], ["dueBefore", "timestamp"], ["lapsesBefore", "int"],
  ["repsAfter", "int"], ["easeAfter", "float8"], ["intervalAfter", "int"], ["dueAfter", "timestamp"], ["lapsesAfter", "int"],
  ["reviewedAt", "timestamp"], ["durationMs", "int"], ["requestId", "text"],
];

async function insertColumns(client: pg.Client, table: string, columns: Column[], rows: unknown[][]): Promise<void> {
  const names = columns.map(([n]) => `"${n}"`).join(", ");
  const arrays = columns.map(([, t], i) => `$${i + 1}::${t}[]`).join(", ");
  const sql = `INSERT INTO "${table}" (${names}) SELECT * FROM unnest(${arrays})`;
  for (let from = 0; from < rows.length; from += BATCH) {
    const batch = rows.slice(from, from + BATCH);
    await client.query(sql, columns.map((_, i) => batch.map((r) => r[i])));
  }
}

/** Buffers users, review states and log rows; flush() writes them, users first (foreign keys). */
export class PgWriter {
  private users: unknown[][] = [];
  private states: unknown[][] = [];
  private logs: unknown[][] = [];
  constructor(private readonly client: pg.Client) {}

  addUser(id: string, email: string, passwordHash: string, createdAt: number): void {
    const at = pgTime(createdAt);
    this.users.push([id, email, "Bench learner", passwordHash, TIME_ZONE, ROLLOVER_HOUR, NEW_PER_DAY, MAX_REVIEWS_PER_DAY, at, at]);
  }

  addState(s: StateRow): void {
    this.states.push([s.id, s.userId, s.cardId, s.repetitions, s.easiness, s.intervalDays, pgTime(s.dueAt), s.lapses, s.lastReviewedAt === null ? null : pgTime(s.lastReviewedAt), pgTime(s.introducedAt), s.version]);
  }

  addLog(l: LogRow): void {
    const b = l.before;
    const a = l.after;
    this.logs.push([
      l.id, l.userId, l.cardId, l.grade, l.origin, l.kind,
      b.repetitions, b.easiness, b.intervalDays, b.dueAt === null ? null : pgTime(b.dueAt), b.lapses,
      a.repetitions, a.easiness, a.intervalDays, pgTime(a.dueAt), a.lapses,
      pgTime(l.reviewedAt), l.durationMs, l.requestId,
    ]);
  }

  async flush(): Promise<void> {
    const [users, states, logs] = [this.users, this.states, this.logs];
    this.users = [];
    this.states = [];
    this.logs = [];
    await insertColumns(this.client, "User", USER, users);
    await insertColumns(this.client, "ReviewState", STATE, states);
    await insertColumns(this.client, "ReviewLog", LOG, logs);
  }
}

/** Live cards in deck order. */
export async function deckCardsPg(client: pg.Client): Promise<string[]> {
  const res = await client.query<{ id: string }>(`SELECT id FROM "Card" WHERE "retiredAt" IS NULL ORDER BY "position"`);
  return res.rows.map((r) => r.id);
}

/** addLearners (population.ts) for PostgreSQL: the same simulated histories, 100 learners per flush. */
export async function addLearnersPg(client: pg.Client, opts: { count: number; prefix: string; passwordHash: string; seed: number; now?: number }): Promise<{ accounts: Account[]; states: number; logs: number }> {
  const w = new PgWriter(client);
  const cards = await deckCardsPg(client);
  const r = rng(opts.seed);
  const now = opts.now ?? Date.now();
  const accounts: Account[] = [];
  let states = 0;
  let logs = 0;
  for (let i = 0; i < opts.count; i++) {
    const h = writeLearner(w, `${opts.prefix}-${i}@bench.example.com`, opts.passwordHash, cards, now, r);
    states += h.states;
    logs += h.logs;
    accounts.push(h.account);
    if (i % 100 === 99) await w.flush();
  }
  await w.flush();
  return { accounts, states, logs };
}
