import pg from "pg";
import { rmSync } from "node:fs";
import { createDb } from "@/lib/db/client";
import { startServer } from "../helpers/server";
import { dropPostgresDatabase, emptyPostgresDatabase } from "../helpers/test-db";
import type { Measured } from "./format";
import { measureGrowthPg, type PgGrowthResult } from "./growth-pg";
import { HttpClient } from "./http";
import { runLoad } from "./load";
import { addLearnersPg } from "./population-pg";
import { checkSessions, withCookies } from "./sessions";
import { emptyActionWorkerFactory, gradeWorkerFactory, measureStep, Pool, type FloorAction } from "./workers";

/**
 * The benchmark's PostgreSQL column (when PG_TEST_URL names a server, e.g. under
 * tests/pg/with-postgres.sh): a second production server on an empty PostgreSQL database, migrated
 * and seeded by startServer as `npm start` would, with learners and histories like the SQLite
 * server's; the grade action and the empty action through HTTP with the same workers and
 * concurrency levels; then the due-queue growth on PostgreSQL. The server is stopped and both
 * databases dropped when it is done, and through `cleanups` on error or at the run's deadline.
 */

export interface PgConfig {
  warmupMs: number;
  durationMs: number;
  levels: number[];
  background: number;
  gradePool: number;
  readers: number;
  realSignIns: number;
  growth: number[];
  growthBudgetMs: number;
}

export interface PgColumn {
  version: string;
  counts: { users: number; states: number; logs: number; cards: number };
  /** Seconds to start the server (migrate deploy + seed + start) and to write the learners. */
  startSeconds: number;
  populateSeconds: number;
  realSignIns: number;
  gradeRuns: Measured[];
  poolUse: string;
  /** Up to five distinct error lines the PostgreSQL server printed during the run. */
  serverErrors: string[];
  growth: PgGrowthResult;
  seconds: number;
}

/** What the report says when there was no PostgreSQL to run against. */
export const PG_NOT_RUN = (quick: boolean) =>
  `The PostgreSQL column was not run (PG_TEST_URL is not set). To get it: \`bash tests/pg/with-postgres.sh npm run bench${quick ? " -- --quick" : ""}\`.`;

export async function runPostgresColumn(opts: {
  adminUrl: string;
  cfg: PgConfig;
  actions: { grade: string; gradePage: string; floor: FloorAction };
  passwordHash: string;
  log: (s: string) => void;
  cleanups: (() => Promise<void> | void)[];
}): Promise<PgColumn> {
  const { cfg, log, cleanups } = opts;
  const started = performance.now();
  const url = await emptyPostgresDatabase(opts.adminUrl, "bench");
  const drop = () => dropPostgresDatabase(opts.adminUrl, url);
  cleanups.push(drop);
  log("postgres: starting a production server on an empty database (migrate deploy + seed)");
  const server = await startServer({ DATABASE_URL: url });
  cleanups.push(() => server.stop(), () => rmSync(server.dataDir, { recursive: true, force: true }));
  const startSeconds = (performance.now() - started) / 1000;
  // An HTTP 500 says nothing; the server's own error lines say why (e.g. a Prisma code).
  // Lines that differ only in time stamps and request ids count once.
  const serverErrors = new Map<string, string>();
  server.process.stderr?.on("data", (d: Buffer) => {
    for (const line of String(d).split("\n")) {
      if (!/error|P\d{4}|timed out/i.test(line) || serverErrors.size >= 5) continue;
      const key = line.replace(/"time":"[^"]*"|\d{5,}/g, "");
      if (!serverErrors.has(key)) serverErrors.set(key, line.trim().slice(0, 240));
    }
  });

  log("postgres: adding learners with histories");
  const t0 = performance.now();
  const sql = new pg.Client({ connectionString: url });
  await sql.connect();
  cleanups.push(() => sql.end());
  const common = { passwordHash: opts.passwordHash };
  await addLearnersPg(sql, { ...common, count: cfg.background, prefix: "bg", seed: 1 });
  const grade = await addLearnersPg(sql, { ...common, count: cfg.gradePool, prefix: "grader", seed: 2 });
  const read = await addLearnersPg(sql, { ...common, count: cfg.readers, prefix: "reader", seed: 3 });
  await sql.query(`VACUUM ANALYZE "User", "ReviewState", "ReviewLog"`);
  const populateSeconds = (performance.now() - t0) / 1000;
  const { rows } = await sql.query<Record<string, string>>(
    `SELECT (SELECT count(*) FROM "User") AS users, (SELECT count(*) FROM "ReviewState") AS states, (SELECT count(*) FROM "ReviewLog") AS logs, (SELECT count(*) FROM "Card") AS cards, current_setting('server_version') AS version`,
  );
  const counts = { users: Number(rows[0].users), states: Number(rows[0].states), logs: Number(rows[0].logs), cards: Number(rows[0].cards) };
  log(`postgres: ${counts.users} learners, ${counts.states} review states, ${counts.logs} log rows in ${populateSeconds.toFixed(1)} s`);

  const client = new HttpClient(server.baseURL, 128);
  cleanups.push(() => client.close());
  const readers = await withCookies(client, read.accounts, cfg.realSignIns);
  const graders = await withCookies(client, grade.accounts);
  await checkSessions(client, readers[0], readers[cfg.realSignIns]);
  // The grade workers find each learner's first card the way the review page does, on this database.
  const prisma = createDb(url);
  cleanups.push(() => prisma.$disconnect());

  const { floor } = opts.actions;
  const gradeIds = { sync: opts.actions.grade, page: opts.actions.gradePage };
  log("postgres: warming up");
  await runLoad({ concurrency: 4, warmupMs: 0, durationMs: 1_500, makeWorker: emptyActionWorkerFactory(client, floor, readers, new Map()) });
  await runLoad({ concurrency: 4, warmupMs: 0, durationMs: 1_500, makeWorker: gradeWorkerFactory(client, gradeIds, new Pool(graders.slice(-20)), prisma, new Map()) });
  const pool = new Pool(graders.slice(0, -20));
  const step = { warmupMs: cfg.warmupMs, durationMs: cfg.durationMs };
  const gradeRuns: Measured[] = [];
  for (const c of cfg.levels) {
    log(`postgres c=${c}: empty action`);
    gradeRuns.push(await measureStep("empty", { ...step, concurrency: c }, (f) => emptyActionWorkerFactory(client, floor, readers, f)));
    log(`postgres c=${c}: grade action`);
    gradeRuns.push(await measureStep("grade", { ...step, concurrency: c }, (f) => gradeWorkerFactory(client, gradeIds, pool, prisma, f)));
    log(`postgres c=${c}: ${gradeRuns.slice(-2).map((m) => `${m.name} p50 ${m.res.p50.toFixed(2)} ms ${m.res.rps.toFixed(0)}/s`).join(" · ")}`);
  }
  await client.close();
  await server.stop();
  await prisma.$disconnect();

  log("postgres: growth");
  const growth = await measureGrowthPg({ adminUrl: opts.adminUrl, sourceUrl: url, sizes: cfg.growth, budgetMs: cfg.growthBudgetMs, log });
  await sql.end();
  await drop();
  return { version: rows[0].version, counts, startSeconds, populateSeconds, realSignIns: cfg.realSignIns, gradeRuns, poolUse: `${pool.used} of ${graders.length - 20}`, serverErrors: [...serverErrors.values()], growth, seconds: (performance.now() - started) / 1000 };
}
