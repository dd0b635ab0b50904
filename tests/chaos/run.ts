/**
 * `npm run chaos [-- --seconds N --learners N --kills N]`: many simulated learners review through
 * the real HTTP interface of the production server, the way the review screen does (the day pack
 * from the sync action, the next card computed locally, answers and undos sent in order from an
 * outbox, several at once after an offline stretch, a batch sent again when its reply is lost),
 * while the server is killed with SIGKILL and restarted on the same database. Afterwards:
 *   - every answer the server acknowledged (by request id) is in the review log exactly once,
 *   - a batch sent again was answered as the first time, and the new pack showed what the screen
 *     had predicted,
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
import { algorithmFor, applyOps, localSession, type DayPack, type PackOp } from "@/lib/core/srs";
import { wireOp } from "@/lib/core/srs/op-wire";
import type { OpResult } from "@/lib/reviews/sync";
import { actionId } from "../helpers/actions";
import { actionReply } from "../helpers/flight";
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
// Learners over HTTP, each behaving like the review screen: the learner's day pack from the sync
// action, the card on screen computed in the "browser" (lib/core/srs/day-pack), answers and undos
// kept in an outbox and sent in order, sometimes several after a stretch offline.

interface Learner {
  email: string;
  userId: string;
  jar: Map<string, string>;
  /** The day as the server last sent it (null: ask for it). */
  pack: DayPack | null;
  /** Answers and undos given but not yet acknowledged, oldest first. */
  outbox: PackOp[];
  /** Answers still to give before the network comes back (an offline stretch). */
  offlineLeft: number;
  done: boolean;
}

const stats = {
  requests: 0,
  gradesSent: 0,
  undosSent: 0,
  syncCalls: 0,
  batchesOfSeveral: 0,
  largestBatch: 0,
  lostReplies: 0,
  acknowledged: 0,
  refused: {} as Record<string, number>,
  networkErrors: 0,
  serverErrors: 0,
  errors: {} as Record<string, number>,
  retriedAfterFailure: 0,
  quizMisses: 0,
  learnersStarted: 0,
  kills: 0,
  downtimeMs: [] as number[],
  /** Milliseconds per answered sync request that carried ops. */
  latencies: [] as number[],
  /** Replies to a resent batch that told a different story than the first reply. */
  resendDisagreed: [] as string[],
  /** After a delivery: the screen's prediction from the old pack and the outbox, vs the new pack. */
  predictions: 0,
  predictionMisses: [] as string[],
};
/** requestId → userId of every answer the server said it applied. */
const acknowledged = new Map<string, string>();
/** Ops sent again after a failed attempt: requestId → when first sent again. */
const resent = new Map<string, number>();
const killedAt: number[] = [];
/** Request ids of answers whose undo was acknowledged (userId alongside). */
const undone = new Map<string, string>();
let syncId = "";
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

type Refusal = { ok: false; error: string };
type SyncReply = { ok: true; results: OpResult[]; pack: DayPack } | (Refusal & { results: []; pack: null });
type QuizReply = { ok: true; attemptId?: string; feedback?: { correct: boolean } } | Refusal;

class Unavailable extends Error {}

/** Posts a server action the way React's client does. Network failures and 5xx are Unavailable. */
async function callAction<T>(l: Learner, id: string, arg: unknown, page = "/review"): Promise<T> {
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
  return actionReply<T>(text);
}

function refused(error: string): void {
  stats.refused[error] = (stats.refused[error] ?? 0) + 1;
}

const algorithmOf = (pack: DayPack) => algorithmFor({ algorithm: pack.learner.algorithm, desiredRetention: pack.learner.desiredRetention, weights: pack.learner.fsrsWeights });

/** What the screen shows at `now`: the pack with the outbox on top (the browser's model). */
function screen(pack: DayPack, ops: readonly PackOp[], now: Date) {
  const algorithm = algorithmOf(pack);
  return localSession(applyOps(pack, ops, now, algorithm), now, algorithm);
}


/**
 * One sync call, sent again with the same ops (same request ids) until the server answers, like
 * the outbox after a failed send. Null when the run's time is up first.
 */
async function sync(l: Learner, ops: readonly PackOp[], deadline: number): Promise<SyncReply | null> {
  for (let attempt = 0; Date.now() < deadline + 30_000; attempt++) {
    try {
      if (attempt > 0 && ops.length) {
        stats.retriedAfterFailure++;
        for (const op of ops) if (!resent.has(op.requestId)) resent.set(op.requestId, Date.now());
      }
      const t0 = Date.now();
      stats.syncCalls++;
      const out = await callAction<SyncReply>(l, syncId, { userId: l.userId, ops: ops.map(wireOp) });
      if (ops.length) stats.latencies.push(Date.now() - t0);
      if (out.ok || out.error !== "rate-limited") return out;
      refused("rate-limited");
      await sleep(1000);
    } catch (e) {
      if (!(e instanceof Unavailable)) throw e;
      await sleep(150);
    }
  }
  return null;
}

function refusedReply(l: Learner, out: Refusal): never {
  refused(out.error);
  if (out.error === "unauthorized") l.jar.clear(); // sign in again; the outbox waits
  throw new Error(`sync refused: ${out.error}`);
}

/** Sends the outbox in order; on an answer, takes the new pack and checks what the screen predicted. */
async function deliver(l: Learner, deadline: number): Promise<void> {
  const batch = l.outbox.slice(0, 50);
  const old = l.pack!;
  const out = await sync(l, batch, deadline);
  if (!out) return;
  if (!out.ok) refusedReply(l, out);
  if (batch.length > 1) stats.batchesOfSeveral++;
  stats.largestBatch = Math.max(stats.largestBatch, batch.length);
  const byId = new Map(out.results.map((r) => [r.requestId, r]));
  for (const op of batch) {
    const r = byId.get(op.requestId);
    if (!r) stats.resendDisagreed.push(`${op.requestId}: no result for a sent op`);
    else if (r.status === "applied") {
      if (!acknowledged.has(op.requestId)) stats.acknowledged++;
      acknowledged.set(op.requestId, l.userId);
    } else if (r.status === "undone" && op.type === "undo") undone.set(op.target, l.userId);
    else if (r.status === "refused") refused(r.error);
  }
  l.outbox = l.outbox.slice(batch.length);
  l.pack = out.pack;
  if (!l.outbox.length && batch.length) {
    // The learner's own answers, nobody else's: the pack must be what the screen predicted.
    const now = new Date();
    const predicted = screen(old, batch, now);
    const served = screen(out.pack, [], now);
    const seen = (s: typeof predicted) => JSON.stringify({ card: s.card?.id ?? null, kind: s.card?.kind ?? null, left: s.left, reviewed: s.today.reviewed });
    stats.predictions++;
    if (seen(predicted) !== seen(served)) stats.predictionMisses.push(`${l.email}: predicted ${seen(predicted)}, server ${seen(served)}`);
  }
  if (batch.length && (Math.random() < 0.1 || stats.lostReplies === 0)) {
    // The reply was lost: the outbox sends the same batch again, and each op is applied once.
    stats.lostReplies++;
    const again = await sync(l, batch, deadline);
    if (!again) return;
    if (!again.ok) refusedReply(l, again);
    for (const r of out.results) {
      const second = again.results.find((x) => x.requestId === r.requestId);
      const same = second && second.status === r.status && (r.status !== "applied" || (second.status === "applied" && second.kind === r.kind && second.at.getTime() === r.at.getTime()));
      if (r.status !== "refused" && !same) stats.resendDisagreed.push(`${r.requestId}: ${JSON.stringify(r)} then ${JSON.stringify(second)}`);
    }
    l.pack = again.pack;
  }
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
  // The server moves cards with each miss: ask for the day again afterwards, also when the round
  // breaks off (the server killed after a miss committed but before its reply came).
  l.pack = null;
  const start = await callAction<QuizReply>(l, startQuizId, { topic: "mixed", length: 5, requestId: randomUUID() }, "/quizzes");
  if (!start.ok || !start.attemptId) return;
  const file = new Database(dbFile, { readonly: true });
  let questions: { position: number; prompt: string; answer: string }[];
  try {
    questions = file.prepare(`select position, prompt, answer from "QuizQuestion" where attemptId = ? order by position`).all(start.attemptId) as typeof questions;
  } finally {
    file.close();
  }
  for (const q of questions) {
    const out = await callAction<QuizReply>(l, answerId, { attemptId: start.attemptId, position: q.position, response: wrongResponse(JSON.parse(q.prompt), JSON.parse(q.answer)), requestId: randomUUID() }, `/quizzes/${start.attemptId}`);
    if (out.ok) stats.quizMisses += out.feedback?.correct ? 0 : 1;
  }
}

/**
 * One simulated learner, like the review screen: the card shown is computed from the pack and the
 * outbox; each answer (now and then an undo) goes to the outbox and is sent at once, except during
 * an offline stretch, after which the outbox goes in one call. A call that fails because the
 * server is down is sent again with the same ops until it gets an answer.
 */
async function runLearner(l: Learner, deadline: number): Promise<void> {
  while (Date.now() < deadline && !l.done) {
    try {
      if (!l.jar.size) await signIn(l);
      if (!l.pack) {
        const out = await sync(l, [], deadline);
        if (!out) break;
        if (!out.ok) refusedReply(l, out);
        l.pack = out.pack;
      }
      const now = new Date();
      const shown = screen(l.pack, l.outbox, now);
      let op: PackOp | null = null;
      if (shown.undoTarget && Math.random() < 0.04) {
        op = { type: "undo", requestId: randomUUID(), target: shown.undoTarget, at: now };
        stats.undosSent++;
      } else if (shown.card) {
        const grade = QUALITIES[Math.floor(Math.random() * QUALITIES.length)];
        op = { type: "grade", requestId: randomUUID(), cardId: shown.card.id, grade, answeredAt: now, durationMs: 500 + Math.floor(Math.random() * 5000), expected: shown.card.expected };
        stats.gradesSent++;
      }
      if (op) l.outbox.push(op);
      if (!op && !l.outbox.length) {
        l.done = true; // nothing left today
        break;
      }
      if (l.offlineLeft === 0 && Math.random() < 0.08) l.offlineLeft = 2 + Math.floor(Math.random() * 9);
      if (l.offlineLeft > 0 && op) l.offlineLeft--;
      else {
        l.offlineLeft = 0;
        await deliver(l, deadline);
        if (!l.outbox.length && Math.random() < 0.03) await quizRound(l);
      }
    } catch (e) {
      // Mostly the server being down (sign-in, a quiz); counted by message, and the learner goes
      // on with its outbox as it was.
      const msg = e instanceof Unavailable ? "server unavailable" : String((e as Error).message ?? e).slice(0, 120);
      stats.errors[msg] = (stats.errors[msg] ?? 0) + 1;
      await sleep(200);
    }
    await sleep(150 + Math.random() * 200); // a human-ish (fast) pace, under the sync action's flood guard
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
  syncId = actionId("app/(app)/review/actions.ts", "syncAction");
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
  try {
    await configureSqlite(prisma);
    const size = LEARNERS * (1 + Math.ceil(SECONDS / 20));
    for (let i = 0; i < size; i++) {
      const email = `chaos-${i}-${randomUUID().slice(0, 8)}@example.com`;
      const r = await createAccount(prisma, { email, name: `Chaos ${i}`, password: PASSWORD, timeZone: "UTC", locale: "en" });
      if (!r.ok) throw new Error(`createAccount: ${JSON.stringify(r.errors)}`);
      // The whole deck in one day, so a learner stays busy.
      await prisma.user.update({ where: { id: r.userId }, data: { newPerDay: 500, maxReviewsPerDay: 9999 } });
            // A quarter of the learners start offline for three answers, so even a slow run has outboxes of several.
      pool.push({ email, userId: r.userId, jar: new Map(), pack: null, outbox: [], offlineLeft: i % 4 === 0 ? 3 : 0, done: false });
    }
  } finally {
    await prisma.$disconnect();
  }
  log(`${pool.length} accounts created`);

  // Warm-up, outside the clock: the first learners sign in and load their day, so a fresh
  // server's cold start does not eat the short CI run.
  let next = 0;
  const firstWave = pool.slice(0, LEARNERS);
  next = firstWave.length;
  await Promise.all(
    firstWave.map(async (l) => {
      for (let attempt = 0; attempt < 5 && !l.pack; attempt++) {
        try {
          if (!l.jar.size) await signIn(l);
          const out = await sync(l, [], Date.now());
          if (out?.ok) l.pack = out.pack;
        } catch {
          await sleep(500);
        }
      }
    }),
  );
  log(`${firstWave.filter((l) => l.pack).length} learners signed in, holding their day pack`);

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
    await runLearner(l, deadline);
    while (Date.now() < deadline && next < pool.length) {
      const fresh = pool[next++];
      stats.learnersStarted++;
      await runLearner(fresh, deadline);
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
  let duplicated = 0;
  let undoLost = 0;
  let persistedAcked = 0;
  let committedBeforeKill = 0;
  let mismatches: Mismatch[];
  let totalLogs: number;
  let reviewRows: number;
  let states: number;
  try {
    integrity = integrityCheck(sqlite);
    const find = sqlite.prepare(`select userId, undoneAt from "ReviewLog" where requestId = ?`);
    for (const [requestId, userId] of acknowledged) {
      const rows = find.all(requestId) as { userId: string; undoneAt: string | null }[];
      if (!rows.length) lost.push(requestId);
      else {
        persistedAcked++;
        if (rows.length > 1) duplicated++;
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
    const undoneRow = sqlite.prepare(`select undoneAt from "ReviewLog" where userId = ? and requestId = ?`);
    for (const [requestId, userId] of undone) if (!(undoneRow.get(userId, requestId) as { undoneAt: string | null } | undefined)?.undoneAt) undoLost++;
    const report = checkReviewStates(sqlite);
    mismatches = report.mismatches;
    totalLogs = report.logs;
    states = report.states;
    // Answers only: quiz misses (and their re-application after an undo) are log rows too.
    reviewRows = (sqlite.prepare(`select count(*) as n from "ReviewLog" where origin = 'review'`).get() as { n: number }).n;
  } finally {
    sqlite.close();
  }

  console.log("");
  console.log("== chaos results");
  console.log(`duration            ${elapsed.toFixed(1)} s, ${stats.learnersStarted} learners (${LEARNERS} at a time)`);
  console.log(`server kills        ${stats.kills} (SIGKILL), downtime ${stats.downtimeMs.map((d) => `${d} ms`).join(", ") || "-"}`);
  console.log(`requests            ${stats.requests} (network errors ${stats.networkErrors}, 5xx ${stats.serverErrors}, resent with the same request id ${stats.retriedAfterFailure})`);
  console.log(`learner errors      ${JSON.stringify(stats.errors)}`);
  const lat = [...stats.latencies].sort((a, b) => a - b);
  const pct = (p: number) => (lat.length ? lat[Math.min(lat.length - 1, Math.floor((p / 100) * lat.length))] : 0);
  console.log(`sync latency        p50 ${pct(50)} ms, p95 ${pct(95)} ms, max ${lat.at(-1) ?? 0} ms (calls carrying ops)`);
  console.log(`ops given           ${stats.gradesSent} grades, ${stats.undosSent} undos; ${stats.syncCalls} sync calls, ${stats.batchesOfSeveral} outboxes of several ops after an offline stretch (largest ${stats.largestBatch})`);
  console.log(`acknowledged        ${acknowledged.size} answers applied (${resent.size} ops only after resending; ${committedBeforeKill} of those had committed before the kill and were answered from the log)`);
  console.log(`lost replies        ${stats.lostReplies} batches sent again after an answer; replies that disagreed: ${stats.resendDisagreed.length}`);
  console.log(`persisted           ${persistedAcked} of the acknowledged (lost: ${lost.length}, more than once: ${duplicated}, wrong learner: ${wrongOwner})`);
  console.log(`screen predictions  ${stats.predictions} deliveries, the new pack showed what the screen predicted in ${stats.predictions - stats.predictionMisses.length}`);
  console.log(`refused             ${JSON.stringify(stats.refused)}`);
  console.log(`undos acknowledged  ${undone.size} (not marked undone: ${undoLost})`);
  console.log(`quiz misses         ${stats.quizMisses} (each through the schedule model, interleaved with the grades)`);
  console.log(`log rows / states   ${totalLogs} / ${states}; answers logged ${reviewRows}, of them not acknowledged ${reviewRows - persistedAcked} (in flight at the kill, or sent when the run stopped)`);
  console.log(`replay mismatches   ${mismatches.length}`);
  console.log(`integrity_check     ${integrity.join("; ")}`);
  console.log(`health after        ${healthAfter ? "200 ok" : "NOT OK"}`);

  const failures: string[] = [];
  if (lost.length) failures.push(`${lost.length} acknowledged grades are missing from the log (e.g. ${lost.slice(0, 3).join(", ")})`);
  if (wrongOwner) failures.push(`${wrongOwner} acknowledged grades are logged for another learner`);
  if (duplicated) failures.push(`${duplicated} acknowledged answers are logged more than once`);
  if (stats.resendDisagreed.length) {
    failures.push(`${stats.resendDisagreed.length} ops were answered differently when their batch was sent again`);
    for (const m of stats.resendDisagreed.slice(0, 5)) console.log("   ", m);
  }
  if (stats.predictionMisses.length) {
    failures.push(`${stats.predictionMisses.length} deliveries: the server's pack disagreed with the screen's prediction`);
    for (const m of stats.predictionMisses.slice(0, 5)) console.log("   ", m);
  }
  if (stats.refused["bad-input"]) failures.push(`${stats.refused["bad-input"]} well-formed sync calls were refused as bad input`);
  if (undoLost) failures.push(`${undoLost} acknowledged undos are not marked undone`);
  if (mismatches.length) {
    failures.push(`${mismatches.length} review states or log rows disagree with the replay`);
    for (const m of mismatches.slice(0, 10)) console.log("   ", JSON.stringify(m));
  }
  if (integrity.length !== 1 || integrity[0] !== "ok") failures.push("integrity_check failed");
  if (!healthAfter) failures.push("the restarted server was not healthy at the end");
  if (acknowledged.size === 0) failures.push("no grade was acknowledged: the run proved nothing");
  if (stats.batchesOfSeveral === 0 || stats.lostReplies === 0) failures.push("no outbox of several ops or no lost reply: the run did not test delivery after being offline");
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
