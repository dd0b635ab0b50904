/**
 * `npx tsx tests/bench/review-paint.ts [--answers N]` (or `npm run bench -- --review-paint [--answers N]`):
 * from a grade's key press to the next card painted on the review screen (issue 17: goal p95 ≤ 16 ms),
 * measured in Chromium by the page's own performance marks (app/(app)/review/paint-marks.ts), with
 * the production server idle, then with simulated learners grading against it continuously.
 *
 *   --answers N      answers measured per phase (default 100), after --warmup answers (default 10)
 *   --learners N     simulated learners grading in the second phase (default 32)
 *   --think-ms N     pause between the answer showing and the grade key (default 100)
 *
 * Real key presses through Chromium's input pipeline (Space reveals, a digit grades); after each
 * grade the next answer waits until the page has recorded "review:answer-to-paint", so exactly one
 * figure per answer. The learners are simulated SM-2 histories (population.ts) allowed 500 new cards
 * a day, so sessions are long; when one learner's session ends the next learner's starts (the page
 * load is not measured). Also reported: the round trip of each server action POST as the browser
 * saw it (request start to the response's last byte, from Chromium's timing), and the background
 * load's own figures. Nothing is asserted. The report goes to stdout, progress to stderr.
 */
import Database from "better-sqlite3";
import os from "node:os";
import path from "node:path";
import { rmSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { configureSqlite, createDb, type Db } from "@/lib/db/client";
import { hashPassword } from "@/lib/accounts/password";
import { ensureBuild, ROOT, startServer, type RunningServer } from "../helpers/server";
import { actionId } from "../helpers/actions";
import { chromiumAvailable, CHROMIUM, launchBrowser } from "../helpers/browser";
import { HttpClient } from "./http";
import { Exhausted, percentile, type Worker } from "./load";
import { addLearners, PASSWORD, randomQuality, rng, type Account } from "./population";
import { checkSessions, withCookies, type Session } from "./sessions";
import { gradeWorkerFactory, Pool, tally } from "./workers";
import { f0, f1, f2, failText, table } from "./format";
import { CpuWatch } from "./memory";

const MEASURE = "review:answer-to-paint";
const GOAL_MS = 16;
/** An answer whose next card has not painted by then counts as a timeout (and the page is reloaded). */
const ANSWER_TIMEOUT_MS = 15_000;
const DEADLINE_MIN = 15;
/** Simulated learners for the background load: each grades its own session (up to 250 grades). */
const LOAD_ACCOUNTS = 600;
const LOAD_WARMUP_MS = 2_000;
/** Enough new cards a day that a learner's session is the whole unseen deck plus what is due. */
const NEW_PER_DAY = 500;

export interface PaintOptions {
  answers: number;
  warmup: number;
  learners: number;
  thinkMs: number;
}

export function parsePaintArgs(argv: string[]): PaintOptions {
  const num = (flag: string, fallback: number) => {
    const i = argv.findIndex((a) => a === flag || a.startsWith(`${flag}=`));
    if (i < 0) return fallback;
    const raw = argv[i].includes("=") ? argv[i].split("=")[1] : argv[i + 1];
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0) throw new Error(`${flag}: expected a whole number, got ${raw}`);
    return n;
  };
  return { answers: Math.max(1, num("--answers", 100)), warmup: num("--warmup", 10), learners: num("--learners", 32), thinkMs: num("--think-ms", 100) };
}

const log = (s: string) => process.stderr.write(`[review-paint] ${s}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------
// The page

// Page code as text: tsx's transform wraps named functions in a helper the page does not have.

/**
 * Runs before the app's scripts: every "answer to paint" measure goes to the bench as it is
 * recorded, and so does the timing of every server action POST (fetch to the page's own URL, no
 * query; the router's own fetches carry ?_rsc=): when it started (wall clock, to tell the
 * measured answers' requests from the warm-up's across page loads), to the response's first byte
 * and to its last (Next may still stream after the action's result, so both).
 */
const OBSERVE_PAINTS = `
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) if (e.name === ${JSON.stringify(MEASURE)}) void window.__benchPainted?.(e.duration);
}).observe({ type: "measure" });
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    const url = new URL(e.name);
    if (e.initiatorType === "fetch" && url.pathname === "/review" && !url.search) void window.__benchAction?.(performance.timeOrigin + e.startTime, e.responseStart - e.startTime, e.duration);
  }
}).observe({ type: "resource" });`;

/** Median interval between animation frames over ~30 frames: the page's frame budget here. */
const FRAME_INTERVAL = `new Promise((resolve) => {
  const times = [];
  const tick = (t) => {
    times.push(t);
    if (times.length < 31) return requestAnimationFrame(tick);
    const d = times.slice(1).map((x, i) => x - times[i]).sort((a, b) => a - b);
    resolve(d[Math.floor(d.length / 2)]);
  };
  requestAnimationFrame(tick);
})`;

interface ActionTiming {
  /** Epoch ms (Chromium's clock is the machine's, as this process's Date.now()). */
  startedAt: number;
  firstByte: number;
  lastByte: number;
}

interface PhaseResult {
  name: string;
  paints: number[];
  /** Server action POSTs started during the measured answers: to first byte, to last byte (sorted). */
  actions: { firstByte: number[]; lastByte: number[] };
  timeouts: number;
  learnersUsed: number;
  /** Answers asked for but not given because the learners' sessions ran out. */
  shortBy: number;
  cpuOthers: number;
  load: LoadFigures | null;
}

class ReviewPage {
  private painted: ((ms: number) => void) | null = null;
  /** The card on screen when the last grade key was pressed. */
  graded: string | null = null;
  /** Every server action POST's timing, in the order they finished. */
  readonly actions: ActionTiming[] = [];

  private constructor(readonly context: BrowserContext, readonly page: Page, private readonly baseURL: string) {}

  static async open(browser: Browser, baseURL: string): Promise<ReviewPage> {
    const context = await browser.newContext({ locale: "en-US", timezoneId: "UTC", viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const rp = new ReviewPage(context, page, baseURL);
    await page.exposeFunction("__benchPainted", (ms: number) => rp.painted?.(ms));
    await page.addInitScript(OBSERVE_PAINTS);
    // Chromium's resource timing of the action POSTs (Playwright's requestfinished missed most of them).
    await page.exposeFunction("__benchAction", (startedAt: number, firstByte: number, lastByte: number) => rp.actions.push({ startedAt, firstByte, lastByte }));
    return rp;
  }

  /** Signs the learner in (their session cookie) and opens /review; false when there is nothing to review. */
  async start(s: Session): Promise<boolean> {
    const [name, value] = s.cookie.split(/=(.*)/s);
    await this.context.clearCookies();
    await this.context.addCookies([{ name, value, url: this.baseURL }]);
    await this.page.goto(`${this.baseURL}/review`);
    await this.page.getByTestId("review-session").waitFor();
    return (await this.page.getByTestId("review-card").count()) > 0;
  }

  /** Reveals the card on screen with Space, waits, grades it with a digit key; the paint figure, or null on a timeout. */
  async answer(quality: number, thinkMs: number): Promise<number | null> {
    const { page } = this;
    await page.getByTestId("review-card").waitFor();
    await page.keyboard.press("Space");
    await page.getByTestId("card-back").waitFor();
    await page.locator("fieldset:not([disabled]) [data-grade]").first().waitFor();
    if (thinkMs) await sleep(thinkMs);
    this.graded = await page.getByTestId("review-card").getAttribute("data-card-id");
    const figure = new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => resolve(null), ANSWER_TIMEOUT_MS);
      this.painted = (ms) => {
        clearTimeout(timer);
        resolve(ms);
      };
    });
    await page.keyboard.press(String(quality));
    const ms = await figure;
    this.painted = null;
    return ms;
  }

  async hasCard(): Promise<boolean> {
    return (await this.page.getByTestId("review-card").count()) > 0;
  }

  async reload(): Promise<void> {
    await this.page.reload();
    await this.page.getByTestId("review-session").waitFor();
  }
}

// ---------------------------------------------------------------------------------------------
// The background load: simulated learners grading continuously (the bench's grade worker)

interface LoadFigures {
  learners: number;
  ok: number;
  failures: Map<string, number>;
  seconds: number;
  p50: number;
  p95: number;
  exhausted: number;
}

class BackgroundLoad {
  private stopped = false;
  private measuring = false;
  private from = 0;
  private readonly latencies: number[] = [];
  private ok = 0;
  private exhausted = 0;
  private loops: Promise<void>[] = [];

  /** `failures`: the map the workers tally their refusals in; thrown errors go there too. */
  constructor(private readonly learners: number, private readonly makeWorker: (i: number) => Worker, private readonly failures: Map<string, number>) {}

  start(): void {
    this.loops = Array.from({ length: this.learners }, async (_, i) => {
      const w = this.makeWorker(i);
      while (!this.stopped) {
        const t0 = performance.now();
        let good: boolean | null = false;
        try {
          good = await w.step();
        } catch (e) {
          if (e instanceof Exhausted) {
            this.exhausted++;
            return;
          }
          tally(this.failures, e instanceof Error ? e.message.slice(0, 80) : String(e));
        }
        if (this.measuring && good) {
          this.ok++;
          this.latencies.push(performance.now() - t0);
        }
      }
    });
  }

  /** From now on the load's own figures count (after its warm-up). */
  measure(): void {
    this.measuring = true;
    this.from = performance.now();
  }

  async stop(): Promise<LoadFigures> {
    const seconds = (performance.now() - this.from) / 1000;
    this.stopped = true;
    await Promise.all(this.loops);
    const sorted = [...this.latencies].sort((a, b) => a - b);
    return { learners: this.learners, ok: this.ok, failures: this.failures, seconds, p50: percentile(sorted, 50), p95: percentile(sorted, 95), exhausted: this.exhausted };
  }
}

// ---------------------------------------------------------------------------------------------

async function runPhase(name: string, rp: ReviewPage, learners: Session[], opts: PaintOptions, load: BackgroundLoad | null): Promise<PhaseResult> {
  const r = rng(name.length * 7919);
  const paints: number[] = [];
  let measureFrom = Infinity;
  let timeouts = 0;
  let warm = 0;
  let used = 0;
  const queue = [...learners];
  const cpu = new CpuWatch(() => [process.pid]);
  let onScreen = false;
  while (paints.length + timeouts < opts.answers) {
    if (!onScreen) {
      const next = queue.shift();
      if (!next) break;
      used++;
      onScreen = await rp.start(next);
      continue;
    }
    if (warm === opts.warmup && measureFrom === Infinity) {
      measureFrom = Date.now();
      load?.measure();
      log(`${name}: measuring ${opts.answers} answers`);
    }
    const ms = await rp.answer(randomQuality(r), opts.thinkMs);
    if (warm < opts.warmup) warm++;
    else if (ms === null) timeouts++;
    else paints.push(ms);
    if (ms === null) {
      const shown = rp.page.getByTestId("review-notice");
      const notice = (await shown.count()) ? await shown.textContent() : null;
      // What the screen showed, so a timeout can be told apart: a key the page ignored, or a card never painted.
      const state = await rp.page.evaluate(() => ({
        card: document.querySelector("[data-testid=review-card]")?.getAttribute("data-card-id") ?? null,
        back: !!document.querySelector("[data-testid=card-back]"),
        waiting: document.querySelector("[data-testid=review-session]")?.getAttribute("data-waiting") ?? null,
        focus: document.activeElement?.tagName ?? null,
        marks: performance.getEntriesByType("mark").map((m) => m.name).slice(-3),
      }));
      log(`${name}: no paint within ${ANSWER_TIMEOUT_MS / 1000} s${notice ? ` (the page says: ${notice})` : ""}; graded ${rp.graded}, screen ${JSON.stringify(state)}; reloading`);
      if (timeouts > 5) throw new Error(`${name}: more than 5 answers without a next card`);
      await rp.reload();
    }
    onScreen = await rp.hasCard();
    if (paints.length && paints.length % 25 === 0 && ms !== null) log(`${name}: ${paints.length + timeouts} answers, p50 so far ${f1(percentile([...paints].sort((a, b) => a - b), 50))} ms`);
  }
  const measureTo = Date.now();
  const inWindow = () => rp.actions.filter((a) => a.startedAt >= measureFrom && a.startedAt <= measureTo);
  // A request's timing entry comes with its last byte, which may follow the paint: wait up to 3 s for them.
  for (let waited = 0; inWindow().length < paints.length + timeouts && waited < 3_000; waited += 50) await sleep(50);
  const actions = inWindow();
  const figures = load ? await load.stop() : null;
  const share = cpu.read();
  paints.sort((a, b) => a - b);
  const sorted = (xs: number[]) => xs.sort((a, b) => a - b);
  return { name, paints, actions: { firstByte: sorted(actions.map((a) => a.firstByte)), lastByte: sorted(actions.map((a) => a.lastByte)) }, timeouts, learnersUsed: used, shortBy: opts.answers - paints.length - timeouts, cpuOthers: share.others, load: figures };
}

export async function runReviewPaint(opts: PaintOptions): Promise<string> {
  const started = performance.now();
  const cleanups: (() => Promise<void> | void)[] = [];
  const deadline = setTimeout(() => {
    log(`deadline of ${DEADLINE_MIN} min reached: stopping`);
    void Promise.allSettled(cleanups.reverse().map((c) => c())).then(() => process.exit(2));
  }, DEADLINE_MIN * 60_000);
  deadline.unref();
  try {
    if (!chromiumAvailable()) throw new Error(`Chromium not found at ${CHROMIUM} (set CHROMIUM_PATH)`);
    const load0 = os.loadavg()[0];
    // ensureBuild prints next build's output on stdout; the report alone goes there.
    const write = process.stdout.write;
    process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;
    try {
      ensureBuild();
    } finally {
      process.stdout.write = write;
    }
    const buildId = readFileSync(path.join(ROOT, ".next/BUILD_ID"), "utf8").trim();
    const syncId = actionId("app/(app)/review/actions.ts", "syncAction");

    log("starting the production server");
    const server: RunningServer = await startServer();
    cleanups.push(() => server.stop(), () => rmSync(server.dataDir, { recursive: true, force: true }));
    const dbFile = server.databaseUrl.slice("file:".length);

    log("adding learners with histories");
    const passwordHash = await hashPassword(PASSWORD);
    const sqlite = new Database(dbFile, { timeout: 10_000 });
    sqlite.pragma("journal_mode = WAL");
    // Learners average a few dozen answers a session; generous, since running out only shortens a phase.
    const perPhase = Math.ceil((opts.answers + opts.warmup) / 10) + 5;
    const idle = addLearners(sqlite, { count: perPhase, prefix: "paint-idle", passwordHash, seed: 11 }).accounts;
    const busy = addLearners(sqlite, { count: perPhase, prefix: "paint-busy", passwordHash, seed: 12 }).accounts;
    const graders = opts.learners ? addLearners(sqlite, { count: LOAD_ACCOUNTS, prefix: "grader", passwordHash, seed: 13 }).accounts : [];
    sqlite.prepare(`UPDATE "User" SET "newPerDay" = ?`).run(NEW_PER_DAY);
    const counts = sqlite.prepare(`SELECT (SELECT count(*) FROM "User") AS users, (SELECT count(*) FROM "ReviewState") AS states, (SELECT count(*) FROM "Card" WHERE "retiredAt" IS NULL) AS cards`).get() as Record<string, number>;
    sqlite.pragma("wal_checkpoint(TRUNCATE)");
    sqlite.close();

    const client = new HttpClient(server.baseURL, 64);
    cleanups.push(() => client.close());
    const sessions = async (list: Account[], real = 0) => withCookies(client, list, real);
    const idleSessions = await sessions(idle, 1);
    const busySessions = await sessions(busy);
    const graderSessions = await sessions(graders);
    await checkSessions(client, idleSessions[0], busySessions[0]);

    log("starting Chromium");
    const browser = await launchBrowser();
    cleanups.push(() => browser.close());
    const rp = await ReviewPage.open(browser, server.baseURL);
    await rp.page.goto(`${server.baseURL}/signin`);
    const frameMs = await rp.page.evaluate<number>(FRAME_INTERVAL);

    log("phase 1: server idle");
    const idlePhase = await runPhase("server idle", rp, idleSessions, opts, null);

    let busyPhase: PhaseResult | null = null;
    if (opts.learners) {
      log(`phase 2: ${opts.learners} simulated learners grading`);
      const prisma: Db = createDb(server.databaseUrl);
      await configureSqlite(prisma);
      cleanups.push(() => prisma.$disconnect());
      const failures = new Map<string, number>();
      const load = new BackgroundLoad(opts.learners, gradeWorkerFactory(client, { sync: syncId, page: "/review" }, new Pool(graderSessions), prisma, failures), failures);
      load.start();
      await sleep(LOAD_WARMUP_MS);
      busyPhase = await runPhase(`${opts.learners} learners grading`, rp, busySessions, opts, load);
      await prisma.$disconnect();
    }
    const chromium = browser.version();
    await browser.close();
    client.close();
    await server.stop();

    return report({ opts, load0, buildId, chromium, frameMs, counts, phases: [idlePhase, ...(busyPhase ? [busyPhase] : [])], seconds: (performance.now() - started) / 1000 });
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

function report(r: { opts: PaintOptions; load0: number; buildId: string; chromium: string; frameMs: number; counts: Record<string, number>; phases: PhaseResult[]; seconds: number }): string {
  const cpus = os.cpus();
  const lines: string[] = [];
  lines.push("## Review screen: key press to the next card painted (Chromium, performance marks)");
  lines.push("");
  lines.push(
    `${cpus.length} cores (${cpus[0]?.model.trim() ?? "?"}), Node ${process.version}, load average ${r.load0.toFixed(2)} at start; build ${r.buildId}; Chromium ${r.chromium} headless, ` +
      `one frame every ${f1(r.frameMs)} ms here. Server: \`next start\` on 127.0.0.1 with ${r.counts.users} learners, ${r.counts.cards} cards, ${r.counts.states} review states. ` +
      `Each answer: Space, ${r.opts.thinkMs} ms, a grade key (SM-2, 0–5 at random, mostly 3–5); the figure is \`${MEASURE}\` from the key's event time to the frame after the next card (or the summary) was committed, ` +
      `painted (requestAnimationFrame, then a posted message). ${r.opts.warmup} warm-up answers per phase not counted. Latencies in ms.`,
  );
  lines.push("");
  lines.push(
    table(
      ["server", "answers", "p50", "p95", "max", `goal p95 ≤ ${GOAL_MS} ms`, "sync action POST seen by the browser (sent after the paint): first byte p50 / p95", "last byte p50 / p95", "learners' sessions", "other processes' CPU"],
      r.phases.map((p) => [
        p.name,
        `${p.paints.length}${p.timeouts ? ` (+${p.timeouts} timed out)` : ""}${p.shortBy ? ` (${p.shortBy} short: sessions ran out)` : ""}`,
        f1(percentile(p.paints, 50)),
        f1(percentile(p.paints, 95)),
        f1(p.paints.at(-1) ?? NaN),
        p.timeouts ? "missed (timeouts)" : percentile(p.paints, 95) <= GOAL_MS ? "met" : `missed (${f1(percentile(p.paints, 95) / GOAL_MS)}×)`,
        `${f1(percentile(p.actions.firstByte, 50))} / ${f1(percentile(p.actions.firstByte, 95))}`,
        `${f1(percentile(p.actions.lastByte, 50))} / ${f1(percentile(p.actions.lastByte, 95))} (n=${p.actions.lastByte.length})`,
        p.learnersUsed,
        `${f0(p.cpuOthers * 100)} %`,
      ]),
    ),
  );
  const loads = r.phases.filter((p) => p.load);
  if (loads.length) {
    lines.push("");
    lines.push("Background load (closed loop from this process, each simulated learner grading its own session through the grade action, no pauses):");
    lines.push("");
    lines.push(
      table(
        ["phase", "simulated learners", "grades/s", "grade p50", "grade p95", "ok (measured window)", "failed (whole phase)"],
        loads.map((p) => {
          const l = p.load!;
          return [p.name, l.learners, f0(l.ok / l.seconds), f2(l.p50), f2(l.p95), l.ok, failText(l.failures) + (l.exhausted ? ` (${l.exhausted} ran out of learners: load fell during the phase)` : "")];
        }),
      ),
    );
  }
  if (r.phases.some((p) => p.cpuOthers > 0.15)) {
    lines.push("", "WARNING: other processes used a lot of the machine during the run; treat absolute figures with care.");
  }
  lines.push("", `_Run took ${f0(r.seconds)} s._`);
  return lines.join("\n") + "\n";
}

export async function cli(argv: string[]): Promise<void> {
  const out = await runReviewPaint(parsePaintArgs(argv));
  process.stdout.write(out);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  cli(process.argv.slice(2)).then(
    () => process.exit(0),
    (e) => {
      process.stderr.write(`[review-paint] failed: ${e instanceof Error ? e.stack : String(e)}\n`);
      process.exit(1);
    },
  );
}
