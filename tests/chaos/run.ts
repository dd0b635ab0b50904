/**
 * `npm run chaos [-- --seconds N --learners N --kills N]`: many simulated learners grade cards
 * through the real HTTP interface of the production server while it is killed with SIGKILL and
 * restarted on the same database. Afterwards:
 *   - every grade the server acknowledged (by request id) is in the review log,
 *   - every review state equals the replay of its log (lib/ops/replay.ts),
 *   - PRAGMA integrity_check is ok.
 * Prints the figures and exits non-zero on any loss or mismatch. Loopback only, bounded in time,
 * and the server is always killed at the end.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { configureSqlite, createDb } from "@/lib/db/client";
import { createAccount } from "@/lib/accounts/sign-up";
import { checkReviewStates, integrityCheck, type Mismatch } from "@/lib/ops/replay";
import { actionId } from "../helpers/actions";
import { ensureBuild, ROOT, startServer, type RunningServer } from "../helpers/server";

const { values: opts } = parseArgs({
  options: {
    seconds: { type: "string", default: "60" },
    learners: { type: "string", default: "16" },
    kills: { type: "string", default: "1" },
  },
});
const SECONDS = Number(opts.seconds);
const LEARNERS = Number(opts.learners);
const KILLS = Number(opts.kills);
for (const [name, v, max] of [["seconds", SECONDS, 3600], ["learners", LEARNERS, 200], ["kills", KILLS, 20]] as const) {
  if (!Number.isInteger(v) || v < 1 || v > max) {
    console.error(`--${name} must be a whole number from 1 to ${max}`);
    process.exit(2);
  }
}

const SECRET = `chaos-${randomUUID()}-${randomUUID()}`;
const PASSWORD = "chaos monkey password";
const REQUEST_TIMEOUT_MS = 15_000;
const log = (...a: unknown[]) => console.log("[chaos]", ...a);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * fetch with a hard time limit on the whole exchange, body included. A plain timer and controller
 * (not AbortSignal.timeout, whose signal can be collected before it fires and leave a request to
 * a half-started server hanging forever), and a race as a last resort.
 */
async function timedFetch(url: string, init: RequestInit = {}, ms = REQUEST_TIMEOUT_MS): Promise<{ res: Response; text: string }> {
  const ac = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const e = new Error(`timeout after ${ms} ms`);
      ac.abort(e);
      setTimeout(() => reject(e), 1000);
    }, ms);
  });
  try {
    return await Promise.race([
      (async () => {
        const res = await fetch(url, { ...init, signal: ac.signal });
        return { res, text: await res.text() };
      })(),
      expired,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

// ---------------------------------------------------------------------------------------------
// The server: started by the test helper (temp DB, migrated, seeded), restarted here on the same
// database and port after each SIGKILL.

/** Another `next build` (e.g. a parallel test run) holds .next/lock: worth waiting for. */
function otherBuildRunning(): boolean {
  try {
    for (const pid of readdirSync("/proc").filter((p) => /^\d+$/.test(p) && Number(p) !== process.pid)) {
      try {
        const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
        if (cmd.some((a) => a.endsWith("next") || a.endsWith("next/dist/bin/next")) && cmd.includes("build")) return true;
      } catch {
        // gone meanwhile
      }
    }
  } catch {
    // no /proc: cannot tell
  }
  return false;
}

async function buildOnce(): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      ensureBuild();
      return;
    } catch (e) {
      if (attempt >= 5 || !otherBuildRunning()) throw e;
      log("another next build is running; waiting a minute before trying again");
      await sleep(60_000);
    }
  }
}

interface Server {
  child: ChildProcess;
  output: string[];
}

let first: RunningServer | undefined;
let current: Server | undefined;
let port = 0;
let baseURL = "";
let serverEnv: NodeJS.ProcessEnv = { ...process.env };

function killHard(s: Server | undefined): Promise<void> {
  if (!s || s.child.exitCode !== null || s.child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((r) => s.child.once("exit", () => r()));
  s.child.kill("SIGKILL");
  return Promise.race([exited, sleep(5000)]).then(() => undefined);
}

async function healthy(timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (current && (current.child.exitCode !== null || current.child.signalCode !== null)) return false;
    try {
      const { res, text } = await timedFetch(`${baseURL}/api/health`, {}, 2000);
      if (res.status === 200 && JSON.parse(text).ok === true) return true;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  return false;
}

/** `next start` on the same port and database, as `npm start` would after a crash (no build, no seed). */
async function restart(): Promise<void> {
  const child = spawn(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env: serverEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  child.stdout?.on("data", (d) => output.push(String(d)));
  child.stderr?.on("data", (d) => output.push(String(d)));
  current = { child, output };
  if (!(await healthy(60_000))) throw new Error(`the server did not come back after the kill:\n${output.join("")}`);
}

// ---------------------------------------------------------------------------------------------
// Learners over HTTP.

interface Learner {
  email: string;
  userId: string;
  jar: Map<string, string>;
  card: { id: string; version: number } | null;
  undoLogId: string | null;
  done: boolean;
}

const stats = {
  requests: 0,
  gradesSent: 0,
  acknowledged: 0,
  refused: {} as Record<string, number>,
  networkErrors: 0,
  serverErrors: 0,
  errors: {} as Record<string, number>,
  retriedAfterFailure: 0,
  undosAcknowledged: 0,
  quizMisses: 0,
  learnersStarted: 0,
  kills: 0,
  downtimeMs: [] as number[],
  /** Milliseconds per answered grade request. */
  latencies: [] as number[],
};
/** requestId → userId of every grade whose response said ok. */
const acknowledged = new Map<string, string>();
/** Grades sent again after a failed attempt: requestId → when first sent. */
const resent = new Map<string, number>();
const killedAt: number[] = [];
/** Log rows whose undo was acknowledged. */
const undone = new Set<string>();
let gradeId = "";
let undoId = "";
let startQuizId = "";
let answerId = "";
let dbFile = "";

function cookieHeader(jar: Map<string, string>): string {
  return [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
}

function keepCookies(jar: Map<string, string>, res: Response): void {
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(";");
    const i = pair.indexOf("=");
    if (i > 0) jar.set(pair.slice(0, i).trim(), pair.slice(i + 1).trim());
  }
}

async function signIn(l: Learner): Promise<void> {
  l.jar.clear();
  const csrf = await timedFetch(`${baseURL}/api/auth/csrf`);
  keepCookies(l.jar, csrf.res);
  const { csrfToken } = JSON.parse(csrf.text) as { csrfToken: string };
  const { res } = await timedFetch(`${baseURL}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookieHeader(l.jar) },
    body: new URLSearchParams({ csrfToken, email: l.email, password: PASSWORD, json: "true" }),
  });
  keepCookies(l.jar, res);
  if (![...l.jar.keys()].some((k) => k.endsWith("next-auth.session-token"))) throw new Error(`sign-in failed (${res.status})`);
}

type ActionResult = {
  ok: boolean;
  error?: string;
  session: { card: { id: string; version: number } | null; undoLogId: string | null } | null;
  attemptId?: string;
  feedback?: { correct: boolean };
};

/** The action's return value from React's flight response: row 0 points at the row holding it. */
function parseFlight(text: string): ActionResult {
  const rows = new Map<string, string>();
  for (const line of text.split("\n")) {
    const i = line.indexOf(":");
    if (i > 0) rows.set(line.slice(0, i), line.slice(i + 1));
  }
  const root = JSON.parse(rows.get("0") ?? "null") as { a?: string } | null;
  const ref = root?.a?.startsWith("$@") ? root.a.slice(2) : null;
  const row = ref ? rows.get(ref) : undefined;
  if (!row) throw new Error(`unexpected action response: ${text.slice(0, 200)}`);
  return JSON.parse(row) as ActionResult;
}

class Unavailable extends Error {}

/** Posts a server action the way React's client does. Network failures and 5xx are Unavailable. */
async function callAction(l: Learner, id: string, arg: unknown, page = "/review"): Promise<ActionResult> {
  stats.requests++;
  let res: Response;
  let text: string;
  try {
    ({ res, text } = await timedFetch(`${baseURL}${page}`, {
      method: "POST",
      headers: {
        "Next-Action": id,
        "Content-Type": "text/plain;charset=UTF-8",
        Accept: "text/x-component",
        Origin: baseURL,
        Cookie: cookieHeader(l.jar),
      },
      body: JSON.stringify([arg]),
    }));
  } catch (e) {
    // Refused, reset or timed out: the server is down or restarting. The outcome is unknown.
    stats.networkErrors++;
    throw new Unavailable((e as Error).message);
  }
  if (res.status >= 500) {
    stats.serverErrors++;
    throw new Unavailable(`HTTP ${res.status}`);
  }
  if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${text.slice(0, 200)}`);
  return parseFlight(text);
}

function refused(error: string): void {
  stats.refused[error] = (stats.refused[error] ?? 0) + 1;
}

/**
 * The learner's current card, asked of the server itself: a grade at a version no card has is
 * refused as a conflict (nothing written) and answered with the session, like a stale screen.
 */
async function refresh(l: Learner, anyCardId: string): Promise<void> {
  const out = await callAction(l, gradeId, { cardId: anyCardId, quality: 4, expectedVersion: 999_999_999, requestId: randomUUID(), durationMs: 0 });
  if (out.error === "unauthorized") {
    l.jar.clear(); // sign in again
    throw new Error("unauthorized");
  }
  l.card = out.session?.card ?? null;
  l.undoLogId = out.session?.undoLogId ?? null;
  if (!out.session) throw new Error(`no session in the answer (${out.error})`);
}

const QUALITIES = [0, 1, 2, 3, 3, 4, 4, 4, 5, 5, 5, 5] as const;

/** A response of the right shape that is wrong where it can be (the test reads the answer from the file, as only the server can). */
function wrongResponse(prompt: { type: string; options?: { id: string }[] }, answer: unknown): unknown {
  if (prompt.type === "choice") return { type: "choice", optionId: prompt.options!.find((o) => o.id !== answer)!.id };
  if (prompt.type === "true-false") return { type: "true-false", value: !answer };
  if (prompt.type === "typed") return { type: "typed", text: "not a component" };
  if (prompt.type === "multi") {
    const right = new Set((answer as string[]) ?? []);
    return { type: "multi", optionIds: prompt.options!.filter((o) => !right.has(o.id)).slice(0, 1).map((o) => o.id) };
  }
  return { type: "ordering", order: [...(answer as string[])].reverse() };
}

/**
 * Now and then a learner takes a short quiz between grades and misses every question: the misses
 * bring cards answered today back as repeats and due cards forward, through the schedule model,
 * interleaved with grades, undos and the kills, for the replay check at the end.
 */
async function quizRound(l: Learner): Promise<void> {
  const start = await callAction(l, startQuizId, { topic: "mixed", length: 5, requestId: randomUUID() }, "/quizzes");
  if (!start.ok || !start.attemptId) return;
  const file = new Database(dbFile, { readonly: true });
  let questions: { position: number; prompt: string; answer: string }[];
  try {
    questions = file.prepare(`select position, prompt, answer from "QuizQuestion" where attemptId = ? order by position`).all(start.attemptId) as typeof questions;
  } finally {
    file.close();
  }
  for (const q of questions) {
    const out = await callAction(l, answerId, { attemptId: start.attemptId, position: q.position, response: wrongResponse(JSON.parse(q.prompt), JSON.parse(q.answer)), requestId: randomUUID() }, `/quizzes/${start.attemptId}`);
    if (out.ok) stats.quizMisses += out.feedback?.correct ? 0 : 1;
  }
  l.card = null; // the session changed: ask again
}

/**
 * One simulated learner: grade the card on screen, at a human-ish (fast) pace; now and then undo.
 * A request that fails because the server is down is sent again with the same request id until
 * it gets an answer, exactly like the review screen's retry.
 */
async function runLearner(l: Learner, deadline: number, anyCardId: string): Promise<void> {
  while (Date.now() < deadline && !l.done) {
    try {
      if (!l.jar.size) await signIn(l);
      if (!l.card) {
        await refresh(l, anyCardId);
        if (!l.card) {
          l.done = true; // nothing left today
          break;
        }
      }
      const input = {
        cardId: l.card.id,
        quality: QUALITIES[Math.floor(Math.random() * QUALITIES.length)],
        expectedVersion: l.card.version,
        requestId: randomUUID(),
        durationMs: 500 + Math.floor(Math.random() * 5000),
      };
      stats.gradesSent++;
      let out: ActionResult | undefined;
      for (let attempt = 0; !out && Date.now() < deadline + 30_000; attempt++) {
        try {
          if (attempt > 0) {
            stats.retriedAfterFailure++;
            if (!resent.has(input.requestId)) resent.set(input.requestId, Date.now());
          }
          const t0 = Date.now();
          out = await callAction(l, gradeId, input);
          stats.latencies.push(Date.now() - t0);
        } catch (e) {
          if (!(e instanceof Unavailable)) throw e;
          await sleep(150);
        }
      }
      if (!out) break;
      if (out.ok) {
        acknowledged.set(input.requestId, l.userId);
        stats.acknowledged++;
      } else {
        refused(out.error ?? "unknown");
        if (out.error === "unauthorized") l.jar.clear();
        if (out.error === "rate-limited") await sleep(1000);
      }
      l.card = out.session?.card ?? null;
      l.undoLogId = out.session?.undoLogId ?? null;
      if (!out.session) l.card = null;
      else if (!l.card) l.done = true;

      if (out.ok && Math.random() < 0.03) await quizRound(l);
      else if (out.ok && l.undoLogId && Math.random() < 0.04) {
        const logId = l.undoLogId;
        const u = await callAction(l, undoId, { logId }).catch((e) => {
          if (e instanceof Unavailable) return null;
          throw e;
        });
        if (u?.ok) {
          undone.add(logId);
          stats.undosAcknowledged++;
          l.card = u.session?.card ?? null;
        } else {
          l.card = null; // unknown: ask again
        }
      }
    } catch (e) {
      // Mostly the server being down (sign-in, a probe); counted by message, and the learner goes on.
      const msg = e instanceof Unavailable ? "server unavailable" : String((e as Error).message ?? e).slice(0, 120);
      stats.errors[msg] = (stats.errors[msg] ?? 0) + 1;
      l.card = null;
      await sleep(200);
    }
    await sleep(150 + Math.random() * 200); // stays under the server's 300 grades/minute guard
  }
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  log(`${SECONDS} s, ${LEARNERS} concurrent learners, ${KILLS} SIGKILL(s)`);
  await buildOnce();
  // The run itself is bounded too: the clock, the restarts and the checks.
  setTimeout(() => {
    console.error("[chaos] watchdog: the run is taking too long, giving up");
    void cleanup().finally(() => process.exit(3));
  }, (SECONDS + 300) * 1000).unref();
  gradeId = actionId("app/(app)/review/actions.ts", "gradeAction");
  undoId = actionId("app/(app)/review/actions.ts", "undoAction");
  startQuizId = actionId("app/(app)/quizzes/actions.ts", "startQuizAction");
  answerId = actionId("app/(app)/quizzes/actions.ts", "answerAction");

  first = await startServer({ NEXTAUTH_SECRET: SECRET });
  baseURL = first.baseURL;
  port = Number(new URL(baseURL).port);
  dbFile = first.databaseUrl.slice("file:".length);
  serverEnv = {
    ...process.env,
    DATABASE_URL: first.databaseUrl,
    DATA_DIR: first.dataDir,
    NEXTAUTH_SECRET: SECRET,
    AUTH_TRUST_HOST: "true",
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: "production",
  };
  current = { child: first.process, output: [] };
  log(`server on ${baseURL}, database ${dbFile}`);

  // Accounts straight into the database, enough for learners who finish the deck to be replaced;
  // then the connection is closed, so each restart recovers the WAL on its own.
  const pool: Learner[] = [];
  const prisma = createDb(first.databaseUrl);
  let anyCardId: string;
  try {
    await configureSqlite(prisma);
    anyCardId = (await prisma.card.findFirstOrThrow({ where: { retiredAt: null }, select: { id: true } })).id;
    const size = LEARNERS * (1 + Math.ceil(SECONDS / 20));
    for (let i = 0; i < size; i++) {
      const email = `chaos-${i}-${randomUUID().slice(0, 8)}@example.com`;
      const r = await createAccount(prisma, { email, name: `Chaos ${i}`, password: PASSWORD, timeZone: "UTC", locale: "en" });
      if (!r.ok) throw new Error(`createAccount: ${JSON.stringify(r.errors)}`);
      // The whole deck in one day, so a learner stays busy.
      await prisma.user.update({ where: { id: r.userId }, data: { newPerDay: 500, maxReviewsPerDay: 9999 } });
      pool.push({ email, userId: r.userId, jar: new Map(), card: null, undoLogId: null, done: false });
    }
  } finally {
    await prisma.$disconnect();
  }
  log(`${pool.length} accounts created`);

  // Warm-up, outside the clock: the first learners sign in and load their first card, so a fresh
  // server's cold start does not eat the short CI run.
  let next = 0;
  const firstWave = pool.slice(0, LEARNERS);
  next = firstWave.length;
  await Promise.all(
    firstWave.map(async (l) => {
      for (let attempt = 0; attempt < 5 && !l.card; attempt++) {
        try {
          if (!l.jar.size) await signIn(l);
          await refresh(l, anyCardId);
        } catch {
          await sleep(500);
        }
      }
    }),
  );
  log(`${firstWave.filter((l) => l.card).length} learners signed in and on their first card`);

  const started = Date.now();
  const deadline = started + SECONDS * 1000;
  const killTimes = Array.from({ length: KILLS }, (_, i) => started + ((i + 1) * SECONDS * 1000) / (KILLS + 1));

  const killer = (async () => {
    for (const at of killTimes) {
      await sleep(Math.max(0, at - Date.now()));
      // A kill before anything was acknowledged would test nothing: wait for the next grade.
      const acked = stats.acknowledged;
      while (stats.acknowledged === acked && Date.now() < deadline - 1000) await sleep(20);
      const t0 = Date.now();
      killedAt.push(t0);
      await killHard(current);
      stats.kills++;
      log(`SIGKILL at ${((t0 - started) / 1000).toFixed(1)} s (${stats.acknowledged} grades acknowledged so far)`);
      await restart();
      stats.downtimeMs.push(Date.now() - t0);
      log(`back after ${Date.now() - t0} ms`);
    }
  })();

  const slots = firstWave.map(async (l) => {
    stats.learnersStarted++;
    await runLearner(l, deadline, anyCardId);
    while (Date.now() < deadline && next < pool.length) {
      const fresh = pool[next++];
      stats.learnersStarted++;
      await runLearner(fresh, deadline, anyCardId);
    }
  });
  await Promise.all([...slots, killer]);
  const elapsed = (Date.now() - started) / 1000;

  const healthAfter = await healthy(5000);
  await cleanup();

  // ---- checks, on the database the killed and restarted servers wrote
  const sqlite = new Database(dbFile);
  let integrity: string[];
  const lost: string[] = [];
  let wrongOwner = 0;
  let undoLost = 0;
  let persistedAcked = 0;
  let committedBeforeKill = 0;
  let mismatches: Mismatch[];
  let totalLogs: number;
  let states: number;
  try {
    integrity = integrityCheck(sqlite);
    const find = sqlite.prepare(`select userId, undoneAt from "ReviewLog" where requestId = ?`);
    for (const [requestId, userId] of acknowledged) {
      const rows = find.all(requestId) as { userId: string; undoneAt: string | null }[];
      if (!rows.length) lost.push(requestId);
      else {
        persistedAcked++;
        if (!rows.some((r) => r.userId === userId)) wrongOwner++;
      }
    }
    // Resent grades that had in fact been committed before the kill: answered from the log on the
    // retry (same request id), not applied twice.
    const reviewedAt = sqlite.prepare(`select reviewedAt from "ReviewLog" where requestId = ?`);
    for (const id of resent.keys()) {
      const row = reviewedAt.get(id) as { reviewedAt: string } | undefined;
      if (row && killedAt.some((k) => new Date(row.reviewedAt).getTime() < k && resent.get(id)! >= k)) committedBeforeKill++;
    }
    const undoneRow = sqlite.prepare(`select undoneAt from "ReviewLog" where id = ?`);
    for (const id of undone) if (!(undoneRow.get(id) as { undoneAt: string | null } | undefined)?.undoneAt) undoLost++;
    const report = checkReviewStates(sqlite);
    mismatches = report.mismatches;
    totalLogs = report.logs;
    states = report.states;
  } finally {
    sqlite.close();
  }
  const reviewRows = totalLogs;

  console.log("");
  console.log("== chaos results");
  console.log(`duration            ${elapsed.toFixed(1)} s, ${stats.learnersStarted} learners (${LEARNERS} at a time)`);
  console.log(`server kills        ${stats.kills} (SIGKILL), downtime ${stats.downtimeMs.map((d) => `${d} ms`).join(", ") || "-"}`);
  console.log(`requests            ${stats.requests} (network errors ${stats.networkErrors}, 5xx ${stats.serverErrors}, resent with the same request id ${stats.retriedAfterFailure})`);
  console.log(`learner errors      ${JSON.stringify(stats.errors)}`);
  const lat = [...stats.latencies].sort((a, b) => a - b);
  const pct = (p: number) => (lat.length ? lat[Math.min(lat.length - 1, Math.floor((p / 100) * lat.length))] : 0);
  console.log(`grade latency       p50 ${pct(50)} ms, p95 ${pct(95)} ms, max ${lat.at(-1) ?? 0} ms`);
  console.log(`grades sent         ${stats.gradesSent}`);
  console.log(`acknowledged        ${acknowledged.size} (${resent.size} only after resending; ${committedBeforeKill} of those had committed before the kill and were answered from the log)`);
  console.log(`persisted           ${persistedAcked} of the acknowledged (lost: ${lost.length}, wrong learner: ${wrongOwner})`);
  console.log(`refused             ${JSON.stringify(stats.refused)}`);
  console.log(`undos acknowledged  ${undone.size} (not marked undone: ${undoLost})`);
  console.log(`quiz misses         ${stats.quizMisses} (each through the schedule model, interleaved with the grades)`);
  console.log(`log rows / states   ${reviewRows} / ${states} (log rows not acknowledged: ${reviewRows - persistedAcked}, e.g. in flight at the kill)`);
  console.log(`replay mismatches   ${mismatches.length}`);
  console.log(`integrity_check     ${integrity.join("; ")}`);
  console.log(`health after        ${healthAfter ? "200 ok" : "NOT OK"}`);

  const failures: string[] = [];
  if (lost.length) failures.push(`${lost.length} acknowledged grades are missing from the log (e.g. ${lost.slice(0, 3).join(", ")})`);
  if (wrongOwner) failures.push(`${wrongOwner} acknowledged grades are logged for another learner`);
  if (undoLost) failures.push(`${undoLost} acknowledged undos are not marked undone`);
  if (mismatches.length) {
    failures.push(`${mismatches.length} review states or log rows disagree with the replay`);
    for (const m of mismatches.slice(0, 10)) console.log("   ", JSON.stringify(m));
  }
  if (integrity.length !== 1 || integrity[0] !== "ok") failures.push("integrity_check failed");
  if (!healthAfter) failures.push("the restarted server was not healthy at the end");
  if (acknowledged.size === 0) failures.push("no grade was acknowledged: the run proved nothing");
  if (stats.kills !== KILLS) failures.push(`only ${stats.kills} of ${KILLS} kills happened`);
  if (failures.length) {
    console.log(`\nFAIL\n  - ${failures.join("\n  - ")}`);
    return 1;
  }
  console.log("\nPASS: nothing acknowledged was lost, every state equals the replay of its log, the file is sound.");
  return 0;
}

async function cleanup(): Promise<void> {
  await killHard(current).catch(() => {});
  if (first && first.process.exitCode === null && first.process.signalCode === null) await first.stop().catch(() => {});
}

for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.on(sig, () => {
    void cleanup().finally(() => process.exit(130));
  });
}
// Bounded whatever happens: the run, a build and two server starts.
const watchdog = setTimeout(() => {
  console.error("[chaos] watchdog: taking too long, giving up");
  void cleanup().finally(() => process.exit(3));
}, (SECONDS + 900) * 1000);
watchdog.unref();

main()
  .then(async (code) => {
    await cleanup();
    process.exit(code);
  })
  .catch(async (e) => {
    console.error("[chaos] error:", e);
    if (current?.output.length) console.error(current.output.join("").slice(-4000));
    await cleanup();
    process.exit(1);
  });
