/**
 * `npm run bench [-- --quick] [-- --profile]`: the production server on a temporary database with
 * the deck and many learners with histories, measured through its real HTTP interface on
 * 127.0.0.1 (server actions posted the way React's client posts them), next to two floors
 * measured in the same run: an authenticated server action that does nothing (the framework's
 * floor) and a bare node:http + better-sqlite3 server applying the core of an answer's transaction
 * (the database's floor, db-floor-server.ts). Then growth of the due-queue query with the table sizes, first-load
 * JavaScript, and server memory. With PG_TEST_URL set (bash tests/pg/with-postgres.sh npm run bench)
 * also a PostgreSQL column for the grade action and the due-queue growth (postgres.ts). Prints one
 * markdown report on stdout; progress goes to stderr.
 *
 *   --quick    a few seconds per step, small populations, growth at 1 k and 10 k (CI smoke test)
 *   --profile[=grade|empty|review|progress|progress-heavy|answer]  instead of the benchmark, CPU-profile the
 *              server under one load (8 clients; progress-heavy: 1 client, the learner with 100,000 log
 *              rows) and print where its time goes (self time by origin and function)
 *   --browser  check the first-load figures in Chromium in --quick mode too (always in a full run)
 *   --review-paint [--answers N]  instead of the benchmark, the review screen's key press to next card
 *              painted in Chromium, server idle and under 32 grading learners (review-paint.ts)
 *
 * BENCH_SERVER_NODE_OPTIONS (e.g. "--max-old-space-size=128") is passed to the server as NODE_OPTIONS.
 *
 * Everything is bounded in time and count; the servers are stopped at the end, also on error.
 */
import Database from "better-sqlite3";
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { configureSqlite, createDb } from "@/lib/db/client";
import { hashPassword } from "@/lib/accounts/password";
import { loadDayPack } from "@/lib/reviews/day-pack";
import { syncOps } from "@/lib/reviews/sync";
import { startQuiz } from "@/lib/quizzes/attempts";
import type { Quality } from "@/lib/core/srs";
import { sourceHash, STAMP_FILE } from "@/lib/cli/build-stamp";
import { freePort, ROOT, startServer, type RunningServer } from "../helpers/server";
import { actionId } from "../helpers/actions";
import { chromiumAvailable, launchBrowser } from "../helpers/browser";
import { actionResult, HttpClient } from "./http";
import { Exhausted, percentile, runLoad, type Worker } from "./load";
import { addLearners, newId, PASSWORD, randomQuality, rng, Writer, type Account } from "./population";
import { writeBigHistory } from "./big-history";
import { checkSessions, learnerOf, withCookies, type Session } from "./sessions";
import { emptyActionWorkerFactory, GRADES_PER_ACCOUNT, gradeWorkerFactory, INVALID_SYNC_INPUT, measureStep, nextCard, Pool, tally, type FloorAction } from "./workers";
import { f0, f1, f2, failText, table, type Measured } from "./format";
import { PG_NOT_RUN, runPostgresColumn, type PgColumn } from "./postgres";
import { gradeComparison, pgGrowthCells, pgGrowthHead, pgHeader } from "./report-pg";
import { gradeTargets, queueTarget } from "./targets";
import { CpuWatch, RssSampler, treeCpuMs } from "./memory";
import { browserWeight, pageWeight, type BrowserWeight, type PageWeight } from "./client-weight";
import { measureGrowth, type GrowthResult } from "./growth";
import { topFunctions } from "./profile";

const args = new Set(process.argv.slice(2));
const QUICK = args.has("--quick");
const PROFILE = [...args].find((a) => a.startsWith("--profile"))?.split("=")[1] ?? (args.has("--profile") ? "grade" : null);
const BROWSER = !QUICK || args.has("--browser");
/** A PostgreSQL server to add the PostgreSQL column with (tests/pg/with-postgres.sh sets it). */
const PG_URL = process.env.PG_TEST_URL;

const CFG = QUICK
  ? { warmupMs: 500, durationMs: 2_000, background: 60, gradePool: 150, readers: 36, quizLearners: 4, quizAttempts: 8, growth: [1_000, 10_000], growthBudgetMs: 400, deadlineMin: 4, pgDeadlineMin: 2 }
  : { warmupMs: 1_500, durationMs: 10_000, background: 300, gradePool: 400, readers: 40, quizLearners: 8, quizAttempts: 30, growth: [1_000, 10_000, 100_000, 1_000_000], growthBudgetMs: 2_500, deadlineMin: 10, pgDeadlineMin: 12 };
const LEVELS = [1, 8, 32];
const PAGE_CONCURRENCY = 8;
/** Review-log rows of the one learner whose Progress page is measured alone (the issue's target). */
const HEAVY_LOGS = 100_000;
const PROGRESS_TARGET_MS = 150;

const log = (s: string) => process.stderr.write(`[bench] ${s}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------
// Build

async function buildIfNeeded(): Promise<string> {
  const hash = sourceHash(ROOT);
  const stamp = path.join(ROOT, STAMP_FILE);
  if (existsSync(path.join(ROOT, ".next/BUILD_ID")) && existsSync(stamp) && readFileSync(stamp, "utf8") === hash) return "up to date";
  for (let attempt = 1; attempt <= 5; attempt++) {
    log(`next build (attempt ${attempt})`);
    const t0 = performance.now();
    const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve) => {
      const child = spawn(path.join(ROOT, "node_modules/.bin/next"), ["build"], {
        cwd: ROOT,
        env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let out = "";
      const onData = (d: Buffer) => {
        out += d;
        process.stderr.write(d);
      };
      child.stdout.on("data", onData);
      child.stderr.on("data", onData);
      const timer = setTimeout(() => child.kill("SIGKILL"), 15 * 60_000);
      child.on("close", (c) => {
        clearTimeout(timer);
        resolve({ code: c, output: out });
      });
    });
    if (code === 0) {
      writeFileSync(stamp, hash);
      return `built in ${((performance.now() - t0) / 1000).toFixed(0)} s`;
    }
    if (!/Another next build process is already running/i.test(output)) throw new Error("next build failed");
    log("another build is running: waiting a minute");
    await sleep(60_000);
  }
  throw new Error("next build: gave up waiting for another build");
}

// ---------------------------------------------------------------------------------------------
// Workers (the grade action and the empty action are in workers.ts, shared with the PostgreSQL column)

function floorWorkerFactory(client: HttpClient, file: string, pool: Pool<Session>, failures: Map<string, number>) {
  const sqlite = new Database(file, { readonly: true });
  const cardsOf = sqlite.prepare(`SELECT c.id, COALESCE(s.version, 0) AS version FROM "Card" c LEFT JOIN "ReviewState" s ON s."cardId" = c.id AND s."userId" = ? WHERE c."retiredAt" IS NULL ORDER BY c.position`);
  const factory = (i: number): Worker => {
    const r = rng(2000 + i);
    let acct: Session | null = null;
    let cards: { id: string; version: number }[] = [];
    let next = 0;
    return {
      async step() {
        if (!acct || next >= cards.length) {
          acct = pool.take();
          if (!acct) throw new Exhausted();
          cards = cardsOf.all(acct.id) as { id: string; version: number }[];
          next = 0;
          return null;
        }
        const card = cards[next];
        const input = { userId: acct.id, cardId: card.id, quality: randomQuality(r), expectedVersion: card.version, requestId: randomUUID(), durationMs: Math.round(2_000 + r() * 12_000) };
        const res = await client.request("POST", "/grade", { "Content-Type": "application/json" }, JSON.stringify(input));
        const out = JSON.parse(res.text) as { ok: boolean; error?: string; version: number };
        card.version = out.version;
        next++;
        if (!out.ok) tally(failures, out.error ?? "not ok");
        return out.ok;
      },
    };
  };
  return {
    factory,
    close: () => {
      if (sqlite.open) sqlite.close();
    },
  };
}

function pageWorkerFactory(client: HttpClient, pagePath: string, readers: Session[], failures: Map<string, number>) {
  return (i: number): Worker => {
    const acct = readers[(i + 7) % readers.length];
    return {
      async step() {
        const res = await client.request("GET", pagePath, { Cookie: acct.cookie, Accept: "text/html" });
        if (res.status !== 200) tally(failures, `HTTP ${res.status}`);
        return res.status === 200 && res.text.length > 0;
      },
    };
  };
}

interface QuizItem {
  attemptId: string;
  position: number;
  response: unknown;
}

function quizWorkerFactory(client: HttpClient, answerId: string, queues: { cookie: string; items: QuizItem[] }[], failures: Map<string, number>) {
  return (i: number): Worker => {
    const q = queues[i % queues.length];
    return {
      async step() {
        const item = q.items.shift();
        if (!item) throw new Exhausted();
        const res = await client.action(`/quizzes/${item.attemptId}`, answerId, [{ attemptId: item.attemptId, position: item.position, response: item.response, requestId: randomUUID() }], q.cookie);
        if (res.status !== 200) {
          tally(failures, `HTTP ${res.status}`);
          return false;
        }
        const out = actionResult<{ ok: boolean; error?: string }>(res.text);
        if (!out.ok) tally(failures, out.error ?? "not ok");
        return out.ok;
      },
    };
  };
}

// ---------------------------------------------------------------------------------------------
// Helpers

/** The page an action is posted to: the first page that references it in the build. */
function actionPage(id: string): string {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, ".next/server/server-reference-manifest.json"), "utf8")) as { node: Record<string, { workers: Record<string, unknown> }> };
  const routes = JSON.parse(readFileSync(path.join(ROOT, ".next/app-path-routes-manifest.json"), "utf8")) as Record<string, string>;
  const worker = Object.keys(manifest.node[id].workers)[0]; // e.g. "app/(app)/review/page"
  return routes[worker.replace(/^app/, "")] ?? "/";
}

async function startFloorServer(file: string): Promise<{ baseURL: string; child: ChildProcess; stop: () => Promise<void> }> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "db-floor-server.ts"), file, String(port)], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`DB floor server did not start:\n${output}`)), 20_000);
    const onData = (d: Buffer) => {
      output += d;
      if (output.includes("listening")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.on("exit", () => reject(new Error(`DB floor server exited:\n${output}`)));
  });
  return {
    baseURL: `http://127.0.0.1:${port}`,
    child,
    async stop() {
      if (child.exitCode !== null || child.signalCode) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await Promise.race([exited, sleep(3_000)]);
      if (child.exitCode === null && !child.signalCode) child.kill("SIGKILL");
    },
  };
}

/**
 * The grade action's work in this process (Prisma, no HTTP, no framework), counting its queries:
 * the answer applied (syncOps) and the learner's day pack read back (loadDayPack), as syncAction does.
 */
async function inProcessGrade(url: string, accounts: Account[], budgetMs: number): Promise<{ p50: number; p95: number; n: number; queries: number; applyP50: number; applyQueries: number; viewP50: number }> {
  const adapter = new PrismaBetterSQLite3({ url, timeout: 5000 });
  const prisma = new PrismaClient({ adapter, log: [{ level: "query", emit: "event" }] });
  let queries = 0;
  prisma.$on("query", () => queries++);
  await configureSqlite(prisma);
  const r = rng(99);
  const samples: number[] = [];
  const applies: number[] = [];
  const views: number[] = [];
  let countedQueries = 0;
  let applyQueries = 0;
  let counted = 0;
  try {
    const end = performance.now() + budgetMs;
    for (const a of accounts) {
      const learner = learnerOf(a.id);
      const t0 = performance.now();
      let card = nextCard(await loadDayPack(prisma, learner, new Date()));
      views.push(performance.now() - t0);
      for (let n = 0; card && n < 60 && performance.now() < end; n++) {
        const before = queries;
        const t1 = performance.now();
        const [result] = await syncOps(prisma, learner, [{ type: "grade", requestId: randomUUID(), cardId: card, grade: randomQuality(r) as Quality, answeredAt: new Date(), durationMs: 5_000 }], new Date());
        applies.push(performance.now() - t1);
        applyQueries += queries - before;
        const pack = await loadDayPack(prisma, learner, new Date());
        samples.push(performance.now() - t1);
        countedQueries += queries - before;
        counted++;
        if (result.status !== "applied") throw new Error(`in-process grade: ${JSON.stringify(result)}`);
        card = nextCard(pack);
      }
      if (performance.now() >= end) break;
    }
  } finally {
    await prisma.$disconnect();
  }
  samples.sort((a, b) => a - b);
  applies.sort((a, b) => a - b);
  views.sort((a, b) => a - b);
  return {
    p50: percentile(samples, 50), p95: percentile(samples, 95), n: samples.length, queries: counted ? countedQueries / counted : NaN,
    applyP50: percentile(applies, 50), applyQueries: counted ? applyQueries / counted : NaN, viewP50: percentile(views, 50),
  };
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const started = performance.now();
  const cleanups: (() => Promise<void> | void)[] = [];
  let deadline: NodeJS.Timeout | undefined;
  const onSignal = () => void Promise.allSettled(cleanups.reverse().map((c) => c())).then(() => process.exit(130));
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);

  try {
    const load0 = os.loadavg()[0];
    const build = await buildIfNeeded();
    // The run itself (not the build) is bounded: past the deadline everything is stopped.
    const deadlineMin = CFG.deadlineMin + (PG_URL ? CFG.pgDeadlineMin : 0);
    deadline = setTimeout(() => {
      log(`deadline of ${deadlineMin} min reached: stopping`);
      void Promise.allSettled(cleanups.reverse().map((c) => c())).then(() => process.exit(2));
    }, deadlineMin * 60_000);
    deadline.unref();
    const buildId = readFileSync(path.join(ROOT, ".next/BUILD_ID"), "utf8").trim();
    log(`build ${build} (${buildId})`);

    const ids = {
      // The review screen's outbox: a grade is the sync action with one answer.
      grade: actionId("app/(app)/review/actions.ts", "syncAction"),
      answer: actionId("app/(app)/quizzes/actions.ts", "answerAction"),
    };
    // Production builds hold no benchmark code: the floor is the sync action refusing an invalid
    // op, i.e. the wrapper every action goes through (session, flood guard, zod) and no more.
    const floorAction: FloorAction = { id: ids.grade, page: "/review", input: INVALID_SYNC_INPUT, fallback: true, label: "empty action (syncAction, invalid op: session + flood guard + zod only)" };
    const gradePage = actionPage(ids.grade);
    // First-load JavaScript from the build's manifests, read now (another build may replace .next later).
    const pages = [
      { route: "/review", path: "/review" },
      { route: "/quizzes", path: "/quizzes" },
      { route: "/quizzes/[id]", path: "/quizzes/" },
      { route: "/progress", path: "/progress" },
    ];
    const weights: PageWeight[] = pages.map((p) => pageWeight(ROOT, p.route));

    // Server on a fresh, migrated and seeded database.
    log("starting the production server");
    const profDir = path.join(os.tmpdir(), "kubecards-bench-prof", randomUUID());
    if (PROFILE) mkdirSync(profDir, { recursive: true });
    // Next's own profiler hook (next/dist/server/lib/cpu-profile): written when the server exits.
    const serverEnv: Record<string, string> = PROFILE ? { __NEXT_PRIVATE_CPU_PROFILE: "bench-server", NEXT_CPU_PROF_DIR: profDir } : {};
    if (process.env.BENCH_SERVER_NODE_OPTIONS) serverEnv.NODE_OPTIONS = process.env.BENCH_SERVER_NODE_OPTIONS;
    const server: RunningServer = await startServer(serverEnv);
    cleanups.push(() => server.stop(), () => rmSync(server.dataDir, { recursive: true, force: true }));
    const dbFile = server.databaseUrl.slice("file:".length);
    const pid = server.process.pid!;

    // Learners with histories.
    log("adding learners with histories");
    const t0 = performance.now();
    const passwordHash = await hashPassword(PASSWORD);
    const sqlite = new Database(dbFile, { timeout: 10_000 });
    sqlite.pragma("journal_mode = WAL");
    const bg = addLearners(sqlite, { count: CFG.background, prefix: "bg", passwordHash, seed: 1 });
    const grade = addLearners(sqlite, { count: CFG.gradePool, prefix: "grader", passwordHash, seed: 2 });
    const read = addLearners(sqlite, { count: CFG.readers, prefix: "reader", passwordHash, seed: 3 });
    const diag = addLearners(sqlite, { count: 20, prefix: "diag", passwordHash, seed: 4 });
    const quiz = addLearners(sqlite, { count: CFG.quizLearners, prefix: "quizzer", passwordHash, seed: 5 });
    // One learner with two years and HEAVY_LOGS review-log rows, for GET /progress at 1 client.
    const heavy: Account = { id: newId(), email: "heavy@bench.example.com" };
    new Writer(sqlite).addUser(heavy.id, heavy.email, passwordHash, Date.now() - 730 * 86_400_000);
    const cardTopics = sqlite.prepare(`SELECT id, topic FROM "Card" WHERE "retiredAt" IS NULL ORDER BY "position"`).all() as { id: string; topic: string }[];
    writeBigHistory(sqlite, heavy.id, cardTopics, { logs: HEAVY_LOGS, now: Date.now() });
    sqlite.pragma("wal_checkpoint(TRUNCATE)");
    const counts = sqlite.prepare(`SELECT (SELECT count(*) FROM "User") AS users, (SELECT count(*) FROM "ReviewState") AS states, (SELECT count(*) FROM "ReviewLog") AS logs, (SELECT count(*) FROM "Card") AS cards`).get() as Record<string, number>;
    log(`${counts.users} learners, ${counts.states} review states, ${counts.logs} log rows in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    void bg;

    // Sessions: a few through next-auth's real credentials sign-in, the rest minted with next-auth's
    // own encode() (the same cookie; signing hundreds in would spend a minute on argon2).
    const client = new HttpClient(server.baseURL, 128);
    cleanups.push(() => client.close());
    const realSignIns = QUICK ? 2 : 4;
    const readers = await withCookies(client, read.accounts, realSignIns);
    const graders = await withCookies(client, grade.accounts);
    const quizzers = await withCookies(client, quiz.accounts);
    const heavySession = await withCookies(client, [heavy]);
    await checkSessions(client, readers[0], readers[realSignIns]);

    // Quiz attempts, made by the app's own use case, then the answers to send.
    const prisma = createDb(server.databaseUrl);
    await configureSqlite(prisma);
    cleanups.push(() => prisma.$disconnect());
    const quizQueues: { cookie: string; items: QuizItem[] }[] = [];
    const qr = rng(42);
    for (const s of quizzers) {
      const items: QuizItem[] = [];
      for (let n = 0; n < CFG.quizAttempts; n++) {
        const started = await startQuiz(prisma, s.id, { topic: "mixed", length: 20, requestId: randomUUID() });
        if (!started.ok) throw new Error(`startQuiz: ${started.error}`);
        const questions = await prisma.quizQuestion.findMany({ where: { attemptId: started.attemptId }, orderBy: { position: "asc" } });
        for (const q of questions) {
          const pub = JSON.parse(q.prompt) as { type: string; options?: { id: string }[]; items?: { id: string }[] };
          const answer = JSON.parse(q.answer) as unknown;
          const right = qr() < 0.75;
          const response =
            pub.type === "choice"
              ? { type: "choice", optionId: right ? answer : pub.options!.find((o) => o.id !== answer)!.id }
              : pub.type === "ordering"
                ? { type: "ordering", order: right ? answer : [...(answer as string[])].reverse() }
                : pub.type === "typed"
                  ? { type: "typed", text: right ? (answer as { accepted: string[] }).accepted[0] : "no idea" }
                  : pub.type === "multi"
                    ? { type: "multi", optionIds: right ? answer : pub.options!.map((o) => o.id) }
                    : { type: "true-false", value: right ? answer : !answer };
          items.push({ attemptId: started.attemptId, position: q.position, response });
        }
      }
      quizQueues.push({ cookie: s.cookie, items });
    }

    // The DB floor gets a copy of the populated database, so its writes touch nothing else.
    const floorFile = path.join(server.dataDir, "floor.db");
    sqlite.exec(`VACUUM INTO '${floorFile.replace(/'/g, "''")}'`);
    sqlite.close();
    const floorServer = await startFloorServer(floorFile);
    cleanups.push(() => floorServer.stop());
    const floorClient = new HttpClient(floorServer.baseURL, 128);
    cleanups.push(() => floorClient.close());
    const floorPool = new Pool(graders, true);
    const floorFailures = new Map<string, number>();
    const floorWorkers = floorWorkerFactory(floorClient, floorFile, floorPool, floorFailures);
    cleanups.push(() => floorWorkers.close());

    if (PROFILE) {
      const makeWorker = {
        grade: gradeWorkerFactory(client, { sync: ids.grade, page: gradePage }, new Pool(graders), prisma, new Map()),
        empty: emptyActionWorkerFactory(client, floorAction, readers, new Map()),
        review: pageWorkerFactory(client, "/review", readers, new Map()),
        progress: pageWorkerFactory(client, "/progress", readers, new Map()),
        "progress-heavy": pageWorkerFactory(client, "/progress", heavySession, new Map()),
        answer: quizWorkerFactory(client, ids.answer, quizQueues, new Map()),
      }[PROFILE];
      if (!makeWorker) throw new Error(`--profile=${PROFILE}: expected grade, empty, review, progress, progress-heavy or answer`);
      const clients = PROFILE === "progress-heavy" ? 1 : Math.min(8, PROFILE === "answer" ? quizQueues.length : 8);
      log(`profiling the server under ${PROFILE} load, ${clients} client(s)`);
      const from = Number(process.hrtime.bigint() / 1000n) + CFG.warmupMs * 1000;
      const res = await runLoad({ concurrency: clients, warmupMs: CFG.warmupMs, durationMs: CFG.durationMs, minSamples: 10, makeWorker });
      const to = Number(process.hrtime.bigint() / 1000n);
      await client.close();
      await floorServer.stop();
      await server.stop();
      process.stdout.write(
        `## KubeCards server CPU profile: ${PROFILE}${QUICK ? " (--quick)" : ""}\n\n${os.cpus().length} cores, load average ${load0.toFixed(2)} at start. ` +
          `${res.ok} requests in ${f0(res.seconds)} s measured (${f0(res.rps)}/s, p50 ${f2(res.p50)} ms); self times below are from the measured window only.\n\n${profileReport(profDir, { from, to })}\n`,
      );
      return;
    }

    // Warm-up: every route and action a few times, then the first memory figure.
    log("warming up");
    const rss = new RssSampler(pid);
    const rssStart = rss.sample();
    const warmFailures = new Map<string, number>();
    const warmPool = new Pool(graders.slice(-20));
    await runLoad({ concurrency: 4, warmupMs: 0, durationMs: QUICK ? 1_500 : 4_000, makeWorker: emptyActionWorkerFactory(client, floorAction, readers, warmFailures) });
    await runLoad({ concurrency: 4, warmupMs: 0, durationMs: QUICK ? 1_500 : 4_000, makeWorker: gradeWorkerFactory(client, { sync: ids.grade, page: gradePage }, warmPool, prisma, warmFailures) });
    await runLoad({ concurrency: 1, warmupMs: 0, durationMs: QUICK ? 300 : 1_000, makeWorker: pageWorkerFactory(client, "/progress", heavySession, warmFailures) });
    for (const p of ["/review", "/progress", "/quizzes", "/"]) await runLoad({ concurrency: 2, warmupMs: 0, durationMs: QUICK ? 300 : 1_000, makeWorker: pageWorkerFactory(client, p, readers, warmFailures) });
    const rssWarm = rss.sample();
    const graderPool = new Pool(graders.slice(0, -20));
    // This process's tree holds both servers (they are its children).
    const cpu = new CpuWatch(() => [process.pid]);

    // Grade action vs its floors, at each concurrency.
    const gradeRuns: Measured[] = [];
    const tick = () => rss.sample();
    for (const c of LEVELS) {
      const step = { concurrency: c, warmupMs: CFG.warmupMs, durationMs: CFG.durationMs, onTick: tick };
      log(`c=${c}: empty action`);
      gradeRuns.push(await measureStep("empty", step, (f) => emptyActionWorkerFactory(client, floorAction, readers, f)));
      gradeRuns.at(-1)!.rss = rss.sample();
      log(`c=${c}: grade action`);
      gradeRuns.push(await measureStep("grade", step, (f) => gradeWorkerFactory(client, { sync: ids.grade, page: gradePage }, graderPool, prisma, f)));
      gradeRuns.at(-1)!.rss = rss.sample();
      log(`c=${c}: DB floor`);
      const floorBefore = new Map(floorFailures);
      const res = await runLoad({ concurrency: c, warmupMs: CFG.warmupMs, durationMs: CFG.durationMs, minSamples: 10, makeWorker: floorWorkers.factory });
      const delta = new Map([...floorFailures].map(([k, v]) => [k, v - (floorBefore.get(k) ?? 0)] as [string, number]).filter(([, v]) => v > 0));
      gradeRuns.push({ name: "floor", failures: delta, res });
      gradeRuns.at(-1)!.rss = rss.sample();
      const last = gradeRuns.slice(-3).map((m) => `${m.name} p50 ${f2(m.res.p50)} ms ${f0(m.res.rps)}/s`);
      log(`c=${c}: ${last.join(" · ")}`);
    }

    // Pages and the quiz answer action.
    const pageRuns: Measured[] = [];
    for (const [name, p] of [["GET /review", "/review"], ["GET /progress", "/progress"]] as const) {
      const failures = new Map<string, number>();
      log(name);
      pageRuns.push({ name, failures, res: await runLoad({ concurrency: PAGE_CONCURRENCY, warmupMs: CFG.warmupMs, durationMs: CFG.durationMs, minSamples: 10, makeWorker: pageWorkerFactory(client, p, readers, failures), onTick: tick }) });
      pageRuns.at(-1)!.rss = rss.sample();
    }
    {
      const failures = new Map<string, number>();
      log(`GET /progress, 1 learner with ${HEAVY_LOGS.toLocaleString("en")} log rows`);
      // Server CPU per request over the whole step, warm-up included: what the page costs the
      // server, even when other work on the machine stretches the latencies.
      const page = pageWorkerFactory(client, "/progress", heavySession, failures);
      let requests = 0;
      const cpu0 = treeCpuMs(pid);
      const res = await runLoad({ concurrency: 1, warmupMs: CFG.warmupMs, durationMs: CFG.durationMs, minSamples: 10, makeWorker: (i) => { const w = page(i); return { step: () => (requests++, w.step()) }; }, onTick: tick });
      const cpuPerRequest = (treeCpuMs(pid) - cpu0) / requests;
      pageRuns.push({ name: `GET /progress (1 learner, ${HEAVY_LOGS.toLocaleString("en")} log rows; server CPU ${f0(cpuPerRequest)} ms a request)`, failures, res });
      pageRuns.at(-1)!.rss = rss.sample();
    }
    {
      const failures = new Map<string, number>();
      log("quiz answer action");
      pageRuns.push({ name: "quiz answer action", failures, res: await runLoad({ concurrency: Math.min(PAGE_CONCURRENCY, quizQueues.length), warmupMs: CFG.warmupMs, durationMs: CFG.durationMs, minSamples: 10, makeWorker: quizWorkerFactory(client, ids.answer, quizQueues, failures), onTick: tick }) });
      pageRuns.at(-1)!.rss = rss.sample();
    }
    const rssEnd = rss.sample();
    const cpuShare = cpu.read();
    const poolUse = `${graderPool.used} of ${graders.length - 20}`;

    // Where the grade's time goes, without HTTP: the same use cases called in this process.
    log("in-process syncOps + loadDayPack (Prisma, no HTTP)");
    const inProc = await inProcessGrade(server.databaseUrl, diag.accounts, QUICK ? 1_000 : 4_000);

    // First-load JavaScript.
    log("client weight");
    pages[2].path = `/quizzes/${quizQueues[0]?.items.at(-1)?.attemptId ?? "x"}`;
    const inBrowser: BrowserWeight[] = [];
    let browserNote = "";
    if (BROWSER && chromiumAvailable()) {
      const browser = await launchBrowser();
      cleanups.push(() => browser.close());
      // The quiz learner's session: the quiz page shows only the learner's own attempt.
      const [name, value] = quizzers[0].cookie.split(/=(.*)/s);
      try {
        for (const [i, p] of pages.entries()) inBrowser.push(await browserWeight(browser, server.baseURL, { name, value }, p, weights[i].files));
      } catch (e) {
        browserNote = `browser check failed: ${(e as Error).message}`;
      }
      await browser.close();
    } else {
      browserNote = BROWSER ? "Chromium not found: browser check skipped" : "browser check skipped in --quick (add --browser)";
    }

    const buildIdAfter = readFileSync(path.join(ROOT, ".next/BUILD_ID"), "utf8").trim();
    await client.close();
    await floorServer.stop();
    await server.stop();
    await prisma.$disconnect();

    // Growth, after the servers are gone (nothing else competes for the cores).
    log("growth");
    const growth: GrowthResult = await measureGrowth({ sourceDb: dbFile, sizes: CFG.growth, budgetMs: CFG.growthBudgetMs, log });

    // The PostgreSQL column, on a server of its own after the SQLite servers are gone.
    // A failure there still prints the SQLite figures, then fails the run.
    let pg: PgColumn | null = null;
    let pgMissing = PG_NOT_RUN(QUICK);
    if (PG_URL) {
      try {
        pg = await runPostgresColumn({
          adminUrl: PG_URL,
          cfg: { warmupMs: CFG.warmupMs, durationMs: CFG.durationMs, levels: LEVELS, background: CFG.background, gradePool: CFG.gradePool, readers: CFG.readers, realSignIns, growth: CFG.growth, growthBudgetMs: CFG.growthBudgetMs },
          actions: { grade: ids.grade, gradePage, floor: floorAction },
          passwordHash,
          log,
          cleanups,
        });
      } catch (e) {
        log(`PostgreSQL column failed: ${e instanceof Error ? e.stack : String(e)}`);
        pgMissing = `The PostgreSQL column FAILED: ${(e instanceof Error ? e.message : String(e)).split("\n")[0]}`;
      }
    }

    printReport({
      load0, cpuShare, poolUse, build, buildId, buildIdAfter, counts, realSignIns, floorAction, gradeRuns, pageRuns, inProc, rssStart, rssWarm, rssEnd, rssPeak: rss.peak,
      weights, inBrowser, browserNote, growth, pg, pgMissing, seconds: (performance.now() - started) / 1000,
    });
    if (PG_URL && !pg) throw new Error(pgMissing);
  } finally {
    for (const c of cleanups.reverse()) {
      try {
        await c();
      } catch {
        // already stopped
      }
    }
    clearTimeout(deadline);
  }
}

function profileReport(dir: string, window: { from: number; to: number }): string {
  const file = existsSync(dir) ? readdirSync(dir).find((f) => f.endsWith(".cpuprofile")) : undefined;
  if (!file) return "no profile was written";
  return `Profile: ${path.join(dir, file)} (open in Chrome DevTools → Performance).\n\n${topFunctions(path.join(dir, file), 30, window)}`;
}

interface ReportInput {
  load0: number;
  cpuShare: { ours: number; others: number };
  poolUse: string;
  build: string;
  buildId: string;
  buildIdAfter: string;
  counts: Record<string, number>;
  realSignIns: number;
  floorAction: { label: string; fallback: boolean };
  gradeRuns: Measured[];
  pageRuns: Measured[];
  inProc: Awaited<ReturnType<typeof inProcessGrade>>;
  rssStart: number;
  rssWarm: number;
  rssEnd: number;
  rssPeak: number;
  weights: PageWeight[];
  inBrowser: BrowserWeight[];
  browserNote: string;
  growth: GrowthResult;
  pg: PgColumn | null;
  /** Why there is no PostgreSQL column (not asked for, or failed). */
  pgMissing: string;
  seconds: number;
}

function printReport(r: ReportInput): void {
  const lines: string[] = [];
  const cpus = os.cpus();
  lines.push(`## KubeCards benchmark${QUICK ? " (--quick)" : ""}`);
  lines.push("");
  lines.push(
    `${cpus.length} cores (${cpus[0]?.model.trim() ?? "?"}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}, load average ${r.load0.toFixed(2)} at start; ` +
      `build ${r.buildId} (${r.build})${process.env.BENCH_SERVER_NODE_OPTIONS ? `, server NODE_OPTIONS="${process.env.BENCH_SERVER_NODE_OPTIONS}"` : ""}${r.buildIdAfter !== r.buildId ? ` — WARNING: .next was rebuilt during the run (${r.buildIdAfter})` : ""}. ` +
      `Server: \`next start\` on 127.0.0.1 with ${r.counts.users} learners, ${r.counts.cards} cards, ${r.counts.states} review states, ${r.counts.logs} log rows. ` +
      `Closed-loop load from this process on the same cores, ${f1(CFG.warmupMs / 1000)} s warm-up + ${f1(CFG.durationMs / 1000)} s measured per step. ` +
      `Sessions: ${r.realSignIns} via next-auth credentials sign-in, the rest minted with next-auth's encode(). Latencies in ms. ` +
      `During the HTTP load the benchmark (runner + servers) used ${f0(r.cpuShare.ours * 100)} % of all cores' time and other processes ${f0(r.cpuShare.others * 100)} %` +
      (r.cpuShare.others > 0.15 ? " — WARNING: the machine was busy with other work; treat absolute figures with care." : "."),
  );
  lines.push("");
  lines.push(r.pg ? pgHeader(r.pg) : r.pgMissing);
  lines.push("");

  lines.push("### Grade action and its floors");
  lines.push("");
  const label = { grade: "grade action (syncAction, one answer; replies with the day pack)", empty: r.floorAction.label, floor: "DB floor (node:http + better-sqlite3, the grade transaction alone)" } as Record<string, string>;
  lines.push(
    table(
      ["endpoint", "learners", "p50", "p95", "p99", "req/s", "server RSS after, MB", "ok", "failed"],
      r.gradeRuns.map((m) => [label[m.name], m.res.concurrency, f2(m.res.p50), f2(m.res.p95), f2(m.res.p99), f0(m.res.rps), m.name === "floor" ? "–" : f0(m.rss ?? NaN), m.res.ok, failText(m.failures) + (m.res.exhausted ? ` (${m.res.exhausted} workers ran out of learners)` : "") + (m.res.firstError ? ` (${m.res.firstError})` : "")]),
    ),
  );
  lines.push("");

  lines.push(`Learners used by the grade steps: ${r.poolUse} (each grades its own session until it is empty, at most ${GRADES_PER_ACCOUNT} grades, under the per-learner flood guard of 600 a minute). Empty action: each step as the next signed-in reader; pages: one signed-in learner per client.`);
  lines.push("");
  lines.push("### Grade action: SQLite and PostgreSQL");
  lines.push("");
  if (r.pg) {
    lines.push(gradeComparison(r.gradeRuns, r.pg, LEVELS));
    lines.push("");
    lines.push(`The ratios compare each server with the empty action measured on the same server in the same run. PostgreSQL learners used by the grade steps: ${r.pg.poolUse}.`);
    if (r.pg.serverErrors.length) lines.push("", `The PostgreSQL server's error output during the run (first lines): ${r.pg.serverErrors.map((e) => `\`${e.replace(/`/g, "'")}\``).join("; ")}.`);
  } else {
    lines.push(r.pgMissing);
  }
  lines.push("");
  lines.push("### Pages and the quiz answer action");
  lines.push("");
  lines.push(table(["endpoint", "concurrency", "req/s", "p50", "p99", "server RSS after, MB", "ok", "failed"], r.pageRuns.map((m) => [m.name, m.res.concurrency, f0(m.res.rps), f2(m.res.p50), f2(m.res.p99), f0(m.rss ?? NaN), m.res.ok, failText(m.failures) + (m.res.exhausted ? ` (${m.res.exhausted} ran out of questions)` : "")])));
  lines.push("");

  lines.push("### Growth: one learner among many (Prisma client in this process)");
  lines.push("");
  const g = r.growth;
  const pg = r.pg;
  lines.push(
    table(
      ["ReviewState rows = ReviewLog rows", "DB size MB", "insert s", "due queue p50", "due queue p95", "progress queries p50", "progress queries p95", ...(pg ? pgGrowthHead : [])],
      g.rows.map((x) => [x.rows.toLocaleString("en"), f0(x.dbMB), f1(x.insertSeconds), f2(x.queue.p50), f2(x.queue.p95), x.progress ? f2(x.progress.p50) : "skipped", x.progress ? f2(x.progress.p95) : "skipped", ...(pg ? pgGrowthCells(pg, x.rows) : [])]),
    ),
  );
  lines.push("");
  lines.push(`Measured learner: ${g.learner.states} states, ${g.learner.logs} log rows, ${g.learner.queueItems} cards in today's queue. ${g.progressNote}.`);
  lines.push("");
  lines.push(
    pg
      ? `PostgreSQL: loadQueue through createDb(url) on a database of its own; the measured learner has ${pg.growth.learner.states} states, ${pg.growth.learner.logs} log rows, ${pg.growth.learner.queueItems} cards in today's queue; the other learners' rows are generated in the server (generate_series), then VACUUM ANALYZE. Sizes run: ${pg.growth.rows.map((x) => x.rows.toLocaleString("en")).join(", ")}.`
      : "PostgreSQL columns not run (see above).",
  );
  lines.push("");

  lines.push("### First-load JavaScript");
  lines.push("");
  lines.push(
    table(
      ["page", "chunks", "raw KB", "gzip KB (zlib, manifests)", "of which root main files (every page)", "Next's chunk list", "Chromium: scripts until load", "Chromium: transferred KB"],
      r.weights.map((w) => {
        const b = r.inBrowser.find((x) => x.route === w.route);
        const diff = b && (b.extra.length || b.missing.length) ? ` (+${b.extra.length} −${b.missing.length} files vs manifest)` : "";
        return [w.route, w.chunks, f1(w.rawKB), f1(w.gzipKB), f1(w.rootGzipKB), w.agreesWithNext === null ? "n/a" : w.agreesWithNext ? "same chunks" : `differs (${f1(w.nextRawKB ?? NaN)} KB raw)`, b ? `${b.scripts}${diff}` : "–", b ? f1(b.transferredKB) : "–"];
      }),
    ),
  );
  if (r.browserNote) lines.push("", r.browserNote + ".");
  lines.push("");

  lines.push("### Server memory (RSS of the `next start` process tree)");
  lines.push("");
  lines.push(table(["when", "RSS MB"], [["started, idle", f0(r.rssStart)], ["after warm-up", f0(r.rssWarm)], ["end of load", f0(r.rssEnd)], ["peak sampled during load", f0(r.rssPeak)]]));
  lines.push("");

  lines.push("### Targets (reported, not asserted)");
  lines.push("");
  const targets: string[][] = [];
  for (const c of LEVELS) {
    const gr = r.gradeRuns.find((m) => m.name === "grade" && m.res.concurrency === c)!.res;
    const fl = r.gradeRuns.find((m) => m.name === "floor" && m.res.concurrency === c)!.res;
    targets.push(...gradeTargets(r.gradeRuns, c));
    targets.push([`(context) grade vs DB floor (${c} learners)`, `${f2(gr.p50)} vs ${f2(fl.p50)} ms; ${f0(gr.rps)} vs ${f0(fl.rps)}/s`, `${f1(gr.p50 / fl.p50)}× p50; ${f0((gr.rps / fl.rps) * 100)} % req/s`, "–"]);
  }
  if (pg) for (const c of LEVELS) targets.push(...gradeTargets(pg.gradeRuns, c, "PostgreSQL, "));
  targets.push(queueTarget(g.rows));
  const heavyRun = r.pageRuns.find((m) => m.name.startsWith("GET /progress (1 learner"));
  if (heavyRun) targets.push([`GET /progress p50 ≤ ${PROGRESS_TARGET_MS} ms (1 client, a learner with ${HEAVY_LOGS.toLocaleString("en")} log rows)`, `${f2(heavyRun.res.p50)} ms`, `${f0((heavyRun.res.p50 / PROGRESS_TARGET_MS) * 100)} % of budget`, heavyRun.res.p50 <= PROGRESS_TARGET_MS ? "met" : "missed"]);
  if (pg) targets.push(queueTarget(pg.growth.rows, "PostgreSQL: "));
  const review = r.weights.find((w) => w.route === "/review")!;
  targets.push(["first-load JS of /review ≤ 150 KB gzip", `${f1(review.gzipKB)} KB`, `${f0((review.gzipKB / 150) * 100)} % of budget`, review.gzipKB <= 150 ? "met" : "missed"]);
  const rssMax = Math.max(r.rssWarm, r.rssEnd, r.rssPeak);
  targets.push(["server RSS ≤ 350 MB (warm-up / end / peak)", `${f0(r.rssWarm)} / ${f0(r.rssEnd)} / ${f0(r.rssPeak)} MB`, `${f0((rssMax / 350) * 100)} % of budget`, rssMax <= 350 ? "met" : "missed"]);
  lines.push(table(["target", "measured", "ratio", ""], targets));
  lines.push("");

  lines.push("### Diagnostics");
  lines.push("");
  lines.push(
    table(
      ["what", "figure"],
      [
        ["syncOps + loadDayPack (the grade action's work) in this process (Prisma + SQLite, no HTTP/Next), p50 / p95", `${f2(r.inProc.p50)} / ${f2(r.inProc.p95)} ms over ${r.inProc.n} grades`],
        ["of which syncOps (the answer applied), p50", `${f2(r.inProc.applyP50)} ms`],
        ["SQL statements per grade: all / syncOps (Prisma query events)", `${f1(r.inProc.queries)} / ${f1(r.inProc.applyQueries)}`],
        ["loadDayPack (the review page's data) in this process, p50", `${f2(r.inProc.viewP50)} ms`],
        ["empty action", "syncAction refusing an invalid op (session, flood guard, zod): production builds hold no benchmark code"],
      ],
    ),
  );
  lines.push("", `_Run took ${f0(r.seconds)} s._`);
  process.stdout.write(lines.join("\n") + "\n");
}

// --review-paint: only the review screen's key-press-to-paint benchmark (review-paint.ts), on a server of its own.
const entry = args.has("--review-paint") ? () => import("./review-paint").then((m) => m.cli(process.argv.slice(2))) : main;
entry().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`[bench] failed: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
  },
);
