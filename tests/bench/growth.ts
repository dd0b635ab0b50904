import Database from "better-sqlite3";
import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { configureSqlite, createDb, type Db } from "@/lib/db/client";
import { loadQueue } from "@/lib/reviews/queue-data";
import type { Learner } from "@/lib/reviews/learner";
import { percentile } from "./load";
import { deckCards, MAX_REVIEWS_PER_DAY, NEW_PER_DAY, newId, rng, ROLLOVER_HOUR, simulateLearner, TIME_ZONE, Writer } from "./population";

/**
 * Growth: the due-queue query (and the progress page's queries, when tests/bench/progress-queries.ts
 * exists) for one learner among more and more others, at given row counts of ReviewState and
 * ReviewLog (each table holds that many rows). The learner's own history stays the same; only
 * everybody else's grows, so a flat time means the queries stay on their indexes.
 */

export interface GrowthRow {
  rows: number;
  insertSeconds: number;
  dbMB: number;
  queue: { p50: number; p95: number; n: number };
  progress: { p50: number; p95: number; n: number } | null;
}

export interface GrowthResult {
  rows: GrowthRow[];
  learner: { states: number; logs: number; queueItems: number };
  progressNote: string;
}

type ProgressFn = (db: Db, learner: Learner & { id: string }, now: Date) => Promise<unknown>;

const DAY_MS = 86_400_000;
const MIGRATIONS = path.resolve(import.meta.dirname, "../../prisma/migrations");

/** A fresh SQLite file in the temp folder, built from the committed migrations in order. */
function freshDatabaseFile(): string {
  const dir = path.join(os.tmpdir(), "kubecards-bench");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `growth-${randomUUID()}.db`);
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  for (const name of readdirSync(MIGRATIONS).filter((n) => /^\d/.test(n)).sort()) sqlite.exec(readFileSync(path.join(MIGRATIONS, name, "migration.sql"), "utf8"));
  sqlite.close();
  return file;
}

/**
 * The progress page's queries, when tests/bench/progress-queries.ts is present. A module exporting a
 * function (default, or named *progress*) is called as fn(db, learner, now). A standalone script
 * (it runs when imported) is not imported: the call it times for the whole page,
 * loadProgress(db, learner, now, 30) from lib/progress/load.ts, is timed instead.
 */
async function progressQueries(): Promise<{ fn: ProgressFn | null; note: string }> {
  const file = path.join(import.meta.dirname, "progress-queries.ts");
  if (!existsSync(file)) return { fn: null, note: "tests/bench/progress-queries.ts not present: progress queries skipped" };
  try {
    const text = readFileSync(file, "utf8");
    if (/^export\s+(default\s+)?(async\s+)?function|^export\s+(const|default)\b/m.test(text)) {
      const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
      const name = ["default", "runProgressQueries", "progressQueries", ...Object.keys(mod).filter((k) => /progress/i.test(k))].find((k) => typeof mod[k] === "function");
      if (name) return { fn: mod[name] as ProgressFn, note: `progress queries: ${name}(db, learner, now) from tests/bench/progress-queries.ts` };
    }
    const lib = path.resolve(import.meta.dirname, "../../lib/progress/load.ts");
    if (!existsSync(lib)) return { fn: null, note: "tests/bench/progress-queries.ts exports no function and lib/progress/load.ts is absent: progress queries skipped" };
    const { loadProgress } = (await import(pathToFileURL(lib).href)) as { loadProgress: (db: Db, learner: Learner, now: Date, range: number) => Promise<unknown> };
    return {
      fn: (db, learner, now) => loadProgress(db, learner, now, 30),
      note: "progress queries: loadProgress(db, learner, now, 30) from lib/progress/load.ts, the whole-page call tests/bench/progress-queries.ts times (that file is a standalone script, so it is not imported)",
    };
  } catch (e) {
    return { fn: null, note: `progress queries failed to load: ${(e as Error).message}` };
  }
}

/** p50/p95 of repeated calls after 10 unmeasured ones, within a time budget. */
export async function timeCalls(fn: () => Promise<unknown>, budgetMs: number, maxRuns: number): Promise<{ p50: number; p95: number; n: number }> {
  for (let i = 0; i < 10; i++) await fn();
  const samples: number[] = [];
  const end = performance.now() + budgetMs;
  while (samples.length < maxRuns && performance.now() < end) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), n: samples.length };
}

export async function measureGrowth(opts: { sourceDb: string; sizes: number[]; budgetMs: number; log: (s: string) => void }): Promise<GrowthResult> {
  const file = freshDatabaseFile();
  const sqlite = new Database(file);
  // Bulk loading only: no journal, no fsync, a big page cache. The app's settings (WAL and the
  // rest, lib/db/client.ts) are back on before anything is measured.
  const bulk = () => {
    sqlite.pragma("journal_mode = OFF");
    sqlite.pragma("synchronous = OFF");
    sqlite.pragma("cache_size = -262144");
  };
  bulk();
  // The deck, copied from the server's seeded database.
  sqlite.exec(`ATTACH DATABASE '${opts.sourceDb.replace(/'/g, "''")}' AS src`);
  sqlite.exec(`INSERT INTO main."Deck" SELECT * FROM src."Deck"; INSERT INTO main."Card" SELECT * FROM src."Card";`);
  sqlite.exec("DETACH DATABASE src");
  const cards = deckCards(sqlite);
  const w = new Writer(sqlite);
  const now = Date.now();
  const r = rng(7);

  // The measured learner: 60 days of simulated study.
  const learner = { id: newId(), timeZone: TIME_ZONE, rolloverHour: ROLLOVER_HOUR, newPerDay: NEW_PER_DAY, maxReviewsPerDay: MAX_REVIEWS_PER_DAY };
  const own = simulateLearner(learner.id, cards, 60, now, r);
  sqlite.transaction(() => {
    w.addUser(learner.id, "measured@bench.example.com", "x", now - 60 * DAY_MS);
    for (const s of own.states) w.addState(s);
    for (const l of own.logs) w.addLog(l);
  })();
  let states = own.states.length;
  let logs = own.logs.length;

  // Everybody else: one state per card (a spread of SM-2 states and due dates) and log rows
  // spread over the last 90 days, until both tables reach the size asked for.
  let other = 0;
  const grow = (target: number) => {
    const batch = sqlite.transaction((learners: number) => {
      for (let n = 0; n < learners && (states < target || logs < target); n++) {
        const userId = newId();
        w.addUser(userId, `other-${other++}@bench.example.com`, "x", now - 120 * DAY_MS);
        for (const cardId of cards) {
          if (states < target) {
            const interval = 1 + Math.floor(r() * 120);
            const due = now + Math.round((r() * 90 - 30) * DAY_MS);
            const last = due - interval * DAY_MS;
            w.addState({ id: newId(), userId, cardId, repetitions: 1 + Math.floor(r() * 8), easiness: Math.round((1.3 + r() * 1.5) * 10_000) / 10_000, intervalDays: interval, dueAt: due, lapses: Math.floor(r() * 3), lastReviewedAt: last, introducedAt: last - 30 * DAY_MS, version: 1 + Math.floor(r() * 10) });
            states++;
          }
          if (logs < target) {
            const at = now - Math.round(r() * 90 * DAY_MS);
            w.addLog({
              id: newId(), userId, cardId, grade: Math.floor(r() * 6), origin: "review", kind: "review",
              before: { repetitions: 2, easiness: 2.5, intervalDays: 6, dueAt: at, lapses: 0 },
              after: { repetitions: 3, easiness: 2.6, intervalDays: 15, dueAt: at + 15 * DAY_MS, lapses: 0 },
              reviewedAt: at, durationMs: 5_000, requestId: newId(),
            });
            logs++;
          }
        }
      }
    });
    while (states < target || logs < target) batch(500);
  };

  const { fn: progress, note: progressNote } = await progressQueries();
  let db: Db | null = null;
  const out: GrowthRow[] = [];
  try {
    for (const size of opts.sizes) {
      await db?.$disconnect();
      bulk();
      const t0 = performance.now();
      grow(size);
      const insertSeconds = (performance.now() - t0) / 1000;
      sqlite.pragma("journal_mode = WAL");
      sqlite.pragma("synchronous = NORMAL");
      // A fresh client per size, configured as the app configures its own.
      db = createDb(`file:${file}`);
      await configureSqlite(db);
      const client = db;
      const dbMB = (sqlite.prepare("SELECT page_count * page_size AS b FROM pragma_page_count(), pragma_page_size()").get() as { b: number }).b / 1e6;
      const at = new Date();
      const queue = await timeCalls(() => loadQueue(client, learner, at), opts.budgetMs, 5000);
      let prog: GrowthRow["progress"] = null;
      if (progress) {
        try {
          prog = await timeCalls(() => progress(client, learner, at), opts.budgetMs, 5000);
        } catch (e) {
          opts.log(`progress queries failed at ${size}: ${(e as Error).message}`);
        }
      }
      opts.log(`growth ${size.toLocaleString("en")} rows (inserted in ${insertSeconds.toFixed(1)} s, ${dbMB.toFixed(0)} MB): queue p50 ${queue.p50.toFixed(2)} ms`);
      out.push({ rows: size, insertSeconds, dbMB, queue, progress: prog });
    }
    const q = await loadQueue(db!, learner, new Date());
    return { rows: out, learner: { states: own.states.length, logs: own.logs.length, queueItems: q.queue.items.length }, progressNote };
  } finally {
    await db?.$disconnect();
    sqlite.close();
    for (const ext of ["", "-wal", "-shm"]) rmSync(file + ext, { force: true });
  }
}
