import pg from "pg";
import { createDb, type Db } from "@/lib/db/client";
import { loadQueue } from "@/lib/reviews/queue-data";
import { dropPostgresDatabase, freshPostgresDatabase } from "../helpers/test-db";
import { timeCalls } from "./growth";
import { MAX_REVIEWS_PER_DAY, NEW_PER_DAY, newId, rng, ROLLOVER_HOUR, simulateLearner, TIME_ZONE } from "./population";
import { deckCardsPg, pgTime, PgWriter } from "./population-pg";

/**
 * growth.ts on PostgreSQL: the due-queue query for one learner among more and more others, in a
 * database of its own (made from the committed PostgreSQL migrations, dropped at the end). The
 * measured learner's history is simulated as in growth.ts; everybody else's rows are generated
 * inside the server with generate_series (a million rows in seconds, no round trips), with the
 * same shape: one state and one log row per card and learner, due dates from 30 days ago to 60
 * days ahead, log rows over the last 90 days.
 */

export interface PgGrowthRow {
  rows: number;
  insertSeconds: number;
  dbMB: number;
  queue: { p50: number; p95: number; n: number };
}

export interface PgGrowthResult {
  rows: PgGrowthRow[];
  learner: { states: number; logs: number; queueItems: number };
}

const DAY_MS = 86_400_000;

/** The deck, copied row for row from the server's seeded database through JSON (no type round trips in JS). */
async function copyDeck(from: pg.Client, to: pg.Client): Promise<void> {
  for (const table of ["Deck", "Card"]) {
    const { rows } = await from.query<{ j: unknown }>(`SELECT coalesce(json_agg(t), '[]') AS j FROM "${table}" t`);
    await to.query(`INSERT INTO "${table}" SELECT * FROM json_populate_recordset(NULL::"${table}", $1::json)`, [JSON.stringify(rows[0].j)]);
  }
}

// $1, $2: first and last row number; $3: cards per learner; $4: card ids in deck order; $5: now.
// Row g belongs to learner g / $3 and card g % $3, so both tables cover the same learners.
const USERS = `INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt", "createdAt")
  SELECT 'gu' || u, 'other-' || u || '@bench.example.com', 'Bench learner', 'x', $3::timestamp, $3::timestamp FROM generate_series($1::int, $2::int) u`;
const STATES = `INSERT INTO "ReviewState" (id, "userId", "cardId", repetitions, easiness, "intervalDays", "dueAt", lapses, "lastReviewedAt", "introducedAt", version)
  SELECT 'gs' || g, 'gu' || (g / $3), ($4::text[])[1 + g % $3], 1 + floor(random() * 8)::int, round((1.3 + random() * 1.5)::numeric, 4)::float8,
         iv, due, floor(random() * 3)::int, due - iv * interval '1 day', due - (iv + 30) * interval '1 day', 1 + floor(random() * 10)::int
  FROM (SELECT g, 1 + floor(random() * 120)::int AS iv, $5::timestamp + (random() * 90 - 30) * interval '1 day' AS due FROM generate_series($1::int, $2::int) g) x`;
const LOGS = `INSERT INTO "ReviewLog" (id, "userId", "cardId", grade, origin, kind, "repsBefore", "easeBefore", "intervalBefore", "dueBefore", "lapsesBefore",
    "repsAfter", "easeAfter", "intervalAfter", "dueAfter", "lapsesAfter", "reviewedAt", "durationMs", "requestId")
  SELECT 'gl' || g, 'gu' || (g / $3), ($4::text[])[1 + g % $3], floor(random() * 6)::int, 'review', 'review', 2, 2.5, 6, at, 0,
         3, 2.6, 15, at + interval '15 days', 0, at, 5000, 'gr' || g
  FROM (SELECT g, $5::timestamp - random() * interval '90 days' AS at FROM generate_series($1::int, $2::int) g) x`;

export async function measureGrowthPg(opts: { adminUrl: string; sourceUrl: string; sizes: number[]; budgetMs: number; log: (s: string) => void }): Promise<PgGrowthResult> {
  const url = await freshPostgresDatabase(opts.adminUrl, "bench_growth");
  const sql = new pg.Client({ connectionString: url });
  let db: Db | null = null;
  try {
    await sql.connect();
    const source = new pg.Client({ connectionString: opts.sourceUrl });
    await source.connect();
    try {
      await copyDeck(source, sql);
    } finally {
      await source.end();
    }
    const cards = await deckCardsPg(sql);
    const now = Date.now();
    await sql.query("SELECT setseed(0.7)");

    const learner = { id: newId(), timeZone: TIME_ZONE, rolloverHour: ROLLOVER_HOUR, newPerDay: NEW_PER_DAY, maxReviewsPerDay: MAX_REVIEWS_PER_DAY };
    const own = simulateLearner(learner.id, cards, 60, now, rng(7));
    const w = new PgWriter(sql);
    w.addUser(learner.id, "measured@bench.example.com", "x", now - 60 * DAY_MS);
    for (const s of own.states) w.addState(s);
    for (const l of own.logs) w.addLog(l);
    await w.flush();

    // Rows the other learners hold so far: row numbers 0 … n-1 of each table exist. Each table
    // grows to the size asked for, counting the measured learner's own rows, as in growth.ts.
    const done = { states: 0, logs: 0, users: 0 };
    const out: PgGrowthRow[] = [];
    for (const size of opts.sizes) {
      await db?.$disconnect();
      const states = Math.max(done.states, size - own.states.length);
      const logs = Math.max(done.logs, size - own.logs.length);
      const users = Math.ceil(Math.max(states, logs) / cards.length);
      const t0 = performance.now();
      if (users > done.users) await sql.query(USERS, [done.users, users - 1, pgTime(now - 120 * DAY_MS)]);
      if (states > done.states) await sql.query(STATES, [done.states, states - 1, cards.length, cards, pgTime(now)]);
      if (logs > done.logs) await sql.query(LOGS, [done.logs, logs - 1, cards.length, cards, pgTime(now)]);
      Object.assign(done, { states, logs, users });
      // Planner statistics and the visibility map as autovacuum would leave them on a settled
      // database; right after a bulk load they are missing, and the plan would be a guess.
      await sql.query(`VACUUM ANALYZE "User", "ReviewState", "ReviewLog"`);
      const insertSeconds = (performance.now() - t0) / 1000;
      const { rows } = await sql.query<{ b: string }>("SELECT pg_database_size(current_database()) AS b");
      db = createDb(url);
      const client = db;
      const at = new Date();
      const queue = await timeCalls(() => loadQueue(client, learner, at), opts.budgetMs, 5000);
      opts.log(`postgres growth ${size.toLocaleString("en")} rows (inserted in ${insertSeconds.toFixed(1)} s, ${(Number(rows[0].b) / 1e6).toFixed(0)} MB): queue p50 ${queue.p50.toFixed(2)} ms`);
      out.push({ rows: size, insertSeconds, dbMB: Number(rows[0].b) / 1e6, queue });
    }
    const q = db ? await loadQueue(db, learner, new Date()) : null;
    return { rows: out, learner: { states: own.states.length, logs: own.logs.length, queueItems: q?.queue.items.length ?? 0 } };
  } finally {
    await db?.$disconnect();
    await sql.end().catch(() => {});
    await dropPostgresDatabase(opts.adminUrl, url);
  }
}
