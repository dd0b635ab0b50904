import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { createDb, configureSqlite } from "@/lib/db/client";
import { createAccount } from "@/lib/accounts/sign-up";
import { settingsSchema, signUpSchema } from "@/lib/accounts/schemas";
import { algorithmSchema } from "@/lib/reviews/switch-algorithm";
import { deleteAccountSchema } from "@/lib/accounts/delete";
import { cardContentsInputSchema, SYNC_BATCH, syncInputSchema } from "@/lib/reviews/schemas";
import { answerSchema, checkMatchSchema, retrySchema, startMatchSchema, startQuizSchema } from "@/lib/quizzes/schemas";
import { startMatch } from "@/lib/quizzes/match";
import { loadDayPack } from "@/lib/reviews/day-pack";
import { syncOps, type OpResult } from "@/lib/reviews/sync";
import type { DayPack } from "@/lib/core/srs";
import { checkReviewStates } from "@/lib/ops/replay";
import { startQuiz } from "@/lib/quizzes/attempts";
import { startServer, type RunningServer } from "../helpers/server";
import { actionId } from "../helpers/actions";
import { actionReply } from "../helpers/flight";
import { databaseChecksum } from "../helpers/checksum";
import { signInOverHttp } from "../helpers/http-session";
import Database from "better-sqlite3";
import { formArgs, formFieldsOf, malformedEnvelopes, malformedFormArgs, malformedJsonArgs, noJsForm, prng } from "../helpers/hostile";

const PER_ACTION = 500;
let server: RunningServer;
let cookie: string;
let theirCookie: string;
const ids = { otherAnswer: "", otherAttempt: "", card: "", myAttempt: "", myRound: "", otherRound: "", me: "", them: "" };
const checksum = () => databaseChecksum(server.databaseUrl.slice("file:".length));

/** Per action: payloads sent, refused by the proxy (4xx), by the action itself, server errors (5xx), DB unchanged. */
const figures: { action: string; payloads: number; proxy4xx: number; action4xx: number; server5xx: number; dbUnchanged: boolean }[] = [];
function tally(action: string, results: { status: number; text: string }[], dbUnchanged: boolean) {
  figures.push({
    action,
    payloads: results.length,
    proxy4xx: results.filter((r) => r.status >= 400 && r.status < 500).length,
    action4xx: results.filter((r) => r.status === 200 && /"ok":false/.test(r.text)).length,
    server5xx: results.filter((r) => r.status >= 500).length,
    dbUnchanged,
  });
}

async function post(path: string, action: string | null, body: FormData | string, opts: { type?: string; cookie?: string } = {}) {
  const headers: Record<string, string> = { Origin: server.baseURL, Accept: "text/x-component" };
  if (action) headers["Next-Action"] = action;
  if (typeof body === "string") headers["Content-Type"] = opts.type ?? "text/plain;charset=UTF-8";
  if (opts.cookie ?? cookie) headers.Cookie = opts.cookie ?? cookie;
  const res = await fetch(`${server.baseURL}${path}`, { method: "POST", headers, body, redirect: "manual" });
  return { status: res.status, text: await res.text() };
}

type SyncReply = { ok: true; results: OpResult[]; pack: DayPack } | { ok: false; error: string; results: []; pack: null };

/** The review screen's sync call, as my learner unless told; the reply with Dates revived. */
async function sync(ops: unknown[], opts: { cookie?: string; userId?: string } = {}): Promise<SyncReply> {
  const r = await post("/review", actionId("app/(app)/review/actions.ts", "syncAction"), JSON.stringify([{ userId: opts.userId ?? ids.me, ops }]), opts);
  expect(r.status).toBe(200);
  return actionReply<SyncReply>(r.text);
}

/** Reads the server's database file (read-only) while it runs. */
function readDb<T>(read: (db: Database.Database) => T): T {
  const db = new Database(server.databaseUrl.slice("file:".length), { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/** Sends `count` requests, a few at a time. */
async function pool<T>(count: number, make: (i: number) => Promise<T>, width = 6): Promise<T[]> {
  const out: T[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < count) {
        const i = next++;
        out[i] = await make(i);
      }
    }),
  );
  return out;
}

/** A clear refusal: the proxy's 400/413, or the action's own error result. Never a server error. */
function refused(r: { status: number; text: string }): boolean {
  if (r.status === 400 || r.status === 413) return true;
  return r.status === 200 && /"ok":false/.test(r.text) && !/"ok":true/.test(r.text) && !/E\{"digest"/.test(r.text);
}

/** The arguments as the server decodes them (React's markers for special numbers included). */
function decoded(body: string): unknown {
  const markers: Record<string, unknown> = { $NaN: NaN, "$-0": -0, $Infinity: Infinity, "$-Infinity": -Infinity, $undefined: undefined };
  return JSON.parse(body, (_k, v) => (typeof v === "string" && v in markers ? markers[v] : v));
}

/** Only payloads the action must refuse count: a first argument its schema accepts is a valid call. */
function stillInvalid(schema: z.ZodType, body: string): boolean {
  try {
    const args = decoded(body);
    return !(Array.isArray(args) && args.length >= 1 && schema.safeParse(args[0]).success);
  } catch {
    return true;
  }
}

interface JsonAction {
  name: string;
  file: string;
  page: string;
  schema: z.ZodType;
  valid: () => Record<string, unknown>;
  /** Malformed bodies of its own, when the argument nests what must be refused (default: malformedJsonArgs of valid()). */
  malformed?: (rand: () => number) => string;
}

/** The review screen's outbox ops, one of each shape, as it sends them (moments in epoch ms). */
const gradeOp = (cardId = ids.card, extra: Record<string, unknown> = {}) => ({ type: "grade", requestId: randomUUID(), cardId, grade: 4, answeredAt: Date.now(), durationMs: 3000, ...extra });
const undoOp = (target: string = randomUUID(), extra: Record<string, unknown> = {}) => ({ type: "undo", requestId: randomUUID(), target, at: Date.now(), ...extra });

/**
 * A sync batch with one malformed op (wrong types, missing or extra fields, odd values, junk),
 * sometimes after a valid one: the whole batch must be refused, the valid op not applied either.
 */
function malformedSync(rand: () => number): string {
  const r = rand();
  if (r < 0.2) return malformedJsonArgs({ userId: ids.me, ops: [gradeOp(), undoOp()] }, rand);
  const inner = malformedJsonArgs(r < 0.6 ? gradeOp() : undoOp(), rand); // an argument list: here, the ops
  const ops = rand() < 0.5 && inner.startsWith("[") && inner.length > 2 ? `[${JSON.stringify(gradeOp())},${inner.slice(1)}` : inner;
  return `[{"userId":${JSON.stringify(ids.me)},"ops":${ops}}]`;
}

const JSON_ACTIONS: JsonAction[] = [
  // One op of each shape: the control's grade is applied and its undo (of an unknown answer) refused.
  { name: "syncAction", file: "app/(app)/review/actions.ts", page: "/review", schema: syncInputSchema, valid: () => ({ userId: ids.me, ops: [gradeOp(), undoOp()] }), malformed: malformedSync },
  { name: "cardContentsAction", file: "app/(app)/review/actions.ts", page: "/review", schema: cardContentsInputSchema, valid: () => ({ ids: [ids.card] }) },
  { name: "startQuizAction", file: "app/(app)/quizzes/actions.ts", page: "/quizzes", schema: startQuizSchema, valid: () => ({ topic: "mixed", length: 10, requestId: randomUUID() }) },
  {
    name: "answerAction",
    file: "app/(app)/quizzes/actions.ts",
    // Posted where the quiz runner calls it: a page that does not use an action does not run it.
    get page() {
      return `/quizzes/${ids.myAttempt}`;
    },
    schema: answerSchema,
    valid: () => ({ attemptId: ids.myAttempt, position: 0, response: { type: "choice", optionId: "a" }, requestId: randomUUID() }),
  },
  {
    name: "retryMissedAction",
    file: "app/(app)/quizzes/actions.ts",
    get page() {
      return `/quizzes/${ids.myAttempt}`;
    },
    schema: retrySchema,
    valid: () => ({ attemptId: ids.myAttempt, requestId: randomUUID() }),
  },
  { name: "startMatchAction", file: "app/(app)/quizzes/match/actions.ts", page: "/quizzes/match", schema: startMatchSchema, valid: () => ({ topic: "components", requestId: randomUUID() }) },
  {
    name: "checkMatchAction",
    file: "app/(app)/quizzes/match/actions.ts",
    // Checked on the round's page, the one page whose actions include it.
    get page() {
      return `/quizzes/match/${ids.myRound}`;
    },
    schema: checkMatchSchema,
    valid: () => ({ roundId: ids.myRound, pairs: { a: "p", b: "q", c: "r", d: "s", e: "t", f: "u" }, requestId: randomUUID() }),
  },
  { name: "setLocaleAction", file: "app/_components/locale-action.ts", page: "/", schema: settingsSchema.pick({ locale: true }).strict(), valid: () => ({ locale: "zh-CN" }) },
];

describe("hostile input against every server action", () => {
  beforeAll(async () => {
    server = await startServer();
    const db = createDb(server.databaseUrl);
    await configureSqlite(db);
    const mine = await createAccount(db, { email: "me@example.com", name: "Me", password: "correct horse battery", timeZone: "UTC", locale: "en" });
    const theirs = await createAccount(db, { email: "them@example.com", name: "Them", password: "correct horse battery", timeZone: "UTC", locale: "en" });
    if (!mine.ok || !theirs.ok) throw new Error("accounts");
    // The other learner has history: an answered card and a quiz attempt.
    const other = { id: theirs.userId, timeZone: "UTC", rolloverHour: 4, newPerDay: 20, maxReviewsPerDay: 200 };
    const card = (await loadDayPack(db, other, new Date())).newCardIds[0];
    ids.otherAnswer = randomUUID();
    const [answered] = await syncOps(db, other, [{ type: "grade", requestId: ids.otherAnswer, cardId: card, grade: 5, answeredAt: new Date(), durationMs: 1 }], new Date());
    if (answered.status !== "applied") throw new Error("grade");
    ids.card = card;
    ids.me = mine.userId;
    ids.them = theirs.userId;
    const quiz = await startQuiz(db, theirs.userId, { topic: "mixed", length: 5, requestId: randomUUID() });
    const myQuiz = await startQuiz(db, mine.userId, { topic: "mixed", length: 5, requestId: randomUUID() });
    if (!quiz.ok || !myQuiz.ok) throw new Error("quiz");
    ids.otherAttempt = quiz.attemptId;
    ids.myAttempt = myQuiz.attemptId;
    const myRound = await startMatch(db, mine.userId, { topic: "components", requestId: randomUUID() }, new Date());
    const otherRound = await startMatch(db, theirs.userId, { topic: "components", requestId: randomUUID() }, new Date());
    if (!myRound.ok || !otherRound.ok) throw new Error("match");
    ids.myRound = myRound.roundId;
    ids.otherRound = otherRound.roundId;
    await db.$disconnect();
    cookie = await signInOverHttp(server.baseURL, "me@example.com", "correct horse battery");
    theirCookie = await signInOverHttp(server.baseURL, "them@example.com", "correct horse battery");
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    if (figures.length) {
      const rows = figures.map((f) => `| ${f.action} | ${f.payloads} | ${f.proxy4xx} | ${f.action4xx} | ${f.server5xx} | ${f.dbUnchanged ? "yes" : "NO"} |`);
      console.log(["| payloads | sent | 4xx (proxy) | refused by the action | 5xx | DB unchanged |", "|---|---|---|---|---|---|", ...rows].join("\n"));
    }
  });

  for (const action of JSON_ACTIONS) {
    it(`${action.name}: ${PER_ACTION} malformed payloads are refused clearly and write nothing`, async () => {
      const id = actionId(action.file, action.name);
      const rand = prng(action.name.length * 7919);
      const bodies: string[] = [];
      while (bodies.length < PER_ACTION) {
        const body = action.malformed ? action.malformed(rand) : malformedJsonArgs(action.valid(), rand);
        if (stillInvalid(action.schema, body)) bodies.push(body);
      }
      const before = checksum();
      const results = await pool(bodies.length, (i) => post(action.page, id, bodies[i]));
      const unchanged = checksum() === before;
      tally(action.name, results, unchanged);
      const bad = results.map((r, i) => ({ ...r, body: bodies[i].slice(0, 120) })).filter((r) => !refused(r));
      expect(bad.slice(0, 3)).toEqual([]);
      expect(unchanged).toBe(true);
      // The payloads reach the action: most are answered by its validation, not by the proxy.
      expect(results.filter((r) => r.status === 200 && r.text.includes('"error":"bad-input"')).length).toBeGreaterThan(PER_ACTION / 2);

      // The control: a valid call of the same shape passes validation (no generator drift).
      const control = await post(action.page, id, JSON.stringify([action.valid()]));
      expect(control.status).toBe(200);
      expect(control.text).not.toContain("bad-input");
      expect(control.text).toMatch(/"ok":(true|false,"error":"[a-z-]+")/);
    });
  }

  const FORM_ACTIONS: { name: string; file: string; page: string; schema: z.ZodType; valid: Record<string, string>; control: Record<string, string>; accepted: RegExp }[] = [
    {
      name: "saveSettingsAction",
      file: "app/(app)/settings/actions.ts",
      page: "/settings",
      schema: settingsSchema as z.ZodType,
      valid: { name: "Me", locale: "en", timeZone: "UTC", rolloverHour: "4", newPerDay: "20", maxReviewsPerDay: "200" },
      control: { name: "Me", locale: "en", timeZone: "UTC", rolloverHour: "4", newPerDay: "20", maxReviewsPerDay: "200" },
      accepted: /"ok":true/,
    },
    {
      name: "saveAlgorithmAction",
      file: "app/(app)/settings/actions.ts",
      page: "/settings",
      schema: algorithmSchema as z.ZodType,
      valid: { algorithm: "fsrs", desiredRetention: "0.9" },
      control: { algorithm: "sm2", desiredRetention: "0.9" },
      accepted: /"ok":true/,
    },
    {
      name: "signUpAction",
      file: "app/(auth)/signup/actions.ts",
      page: "/signup",
      schema: signUpSchema as z.ZodType,
      valid: { email: "new@example.com", name: "New", password: "long enough pass", timeZone: "UTC", locale: "en" },
      control: { email: "control@example.com", name: "Control", password: "long enough pass", timeZone: "UTC", locale: "en" },
      accepted: /"ok":true/,
    },
    {
      name: "deleteAccountAction",
      file: "app/(app)/settings/account/actions.ts",
      page: "/settings/account",
      schema: deleteAccountSchema as z.ZodType,
      valid: { password: "correct horse battery" },
      // A well-formed but wrong password: it reaches the password check, and keeps the account.
      control: { password: "not my password" },
      accepted: /"password":"password\.wrong"/,
    },
  ];
  for (const action of FORM_ACTIONS) {
    it(`${action.name}: ${PER_ACTION} malformed form posts are refused clearly and write nothing`, async () => {
      const id = actionId(action.file, action.name);
      const rand = prng(action.name.length * 104729);
      const bodies: ReturnType<typeof malformedFormArgs>[] = [];
      while (bodies.length < PER_ACTION) {
        const b = malformedFormArgs(action.valid, rand);
        if (b.body instanceof FormData) {
          const fields = formFieldsOf(b.body);
          // The settings action also refuses extra fields' effects by picking known ones only.
          const known = Object.fromEntries(Object.keys(action.valid).map((k) => [k, fields[k]]));
          if (action.schema.safeParse(known).success) continue;
        }
        bodies.push(b);
      }
      const before = checksum();
      const results = await pool(bodies.length, (i) => post(action.page, id, bodies[i].body, { type: bodies[i].type }));
      const unchanged = checksum() === before;
      tally(action.name, results, unchanged);
      const bad = results.filter((r) => !(refused(r) || (r.status === 200 && /"errors":\{"/.test(r.text) && !/E\{"digest"/.test(r.text))));
      expect(bad.slice(0, 3)).toEqual([]);
      expect(unchanged).toBe(true);
      // The payloads reach validation: field errors other than "required" come back.
      const validated = results.filter((r) => r.status === 200 && /"errors":\{"[a-zA-Z]+":"[a-zA-Z]+\.(?!required)/.test(r.text));
      expect(validated.length).toBeGreaterThanOrEqual(5);

      // The control: the valid form, in the shape React writes, is accepted.
      const control = await post(action.page, id, formArgs(action.control));
      expect(control.status).toBe(200);
      expect(control.text).toMatch(action.accepted);
    });
  }

  it("a form posted without JavaScript passes the gate and reaches its action (the other shape's control)", async () => {
    const id = actionId("app/_components/sign-out-action.ts", "signOutAction");
    const version = () => {
      const db = new Database(server.databaseUrl.slice("file:".length), { readonly: true });
      try {
        return (db.prepare("select sessionVersion from User where email = ?").get("them@example.com") as { sessionVersion: number }).sessionVersion;
      } finally {
        db.close();
      }
    };
    const before = version();
    const res = await post("/review", null, noJsForm(id, {}), { cookie: theirCookie });
    expect(res.status).toBe(303);
    expect(version()).toBe(before + 1);
  });

  it("a useActionState form as React renders it for no JavaScript passes the screen and saves (the third shape's control)", async () => {
    const html = await (await fetch(`${server.baseURL}/settings`, { headers: { Cookie: cookie } })).text();
    const unescape = (v: string) => v.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
    // The settings form itself (the header's sign-out form is a plain action form of its own).
    const settingsForm = html.split("<form").find((f) => f.includes("$ACTION_REF_"))!.split("</form>")[0];
    const form = new FormData();
    for (const [, name, value] of settingsForm.matchAll(/<input type="hidden" name="(\$ACTION_[^"]+)"(?: value="([^"]*)")?\/>/g)) form.append(name, unescape(value ?? ""));
    expect([...form.keys()].some((k) => k.startsWith("$ACTION_REF_"))).toBe(true);
    for (const [k, v] of Object.entries({ name: "Saved Without JS", locale: "en", timeZone: "UTC", rolloverHour: "4", newPerDay: "20", maxReviewsPerDay: "200" })) form.append(k, v);
    const res = await post("/settings", null, form);
    expect(res.status).toBe(200);
    const db = new Database(server.databaseUrl.slice("file:".length), { readonly: true });
    try {
      expect(db.prepare("select name from User where email = ?").get("me@example.com")).toEqual({ name: "Saved Without JS" });
    } finally {
      db.close();
    }
  });

  it("malformed envelopes (forged chunk names, BOM, duplicates, NUL names, doubled headers) get a 4xx, never a 500", async () => {
    const targets = [...JSON_ACTIONS, ...FORM_ACTIONS].map((a) => ({ name: a.name, page: a.page, id: actionId(a.file, a.name) }));
    const before = checksum();
    const results: { status: number; text: string; what: string; action: string }[] = [];
    for (const t of targets) {
      for (const env of malformedEnvelopes(t.id)) results.push({ ...(await post(t.page, t.id, env.body, { type: env.type })), what: env.what, action: t.name });
    }
    const unchanged = checksum() === before;
    tally("malformed envelopes (all actions)", results, unchanged);
    expect(results.filter((r) => r.status < 400 || r.status >= 500).map((r) => `${r.action}: ${r.what} → ${r.status}`)).toEqual([]);
    expect(unchanged).toBe(true);
  });

  it("no session: every action is refused (redirected to sign-in or answered unauthorized) and nothing is written", async () => {
    const before = checksum();
    for (const action of JSON_ACTIONS) {
      const id = actionId(action.file, action.name);
      const r = await post(action.page, id, JSON.stringify([action.valid()]), { cookie: "" });
      // "/" is public, so setLocale runs: signed out it only sets a cookie.
      if (action.page === "/") expect(r.text).toContain('"ok":true');
      else expect(r.status).toBe(307);
    }
    expect(checksum()).toBe(before);
  });

  it("another learner's log and attempt ids are not found, and nothing is written", async () => {
    const before = checksum();
    const undo = await sync([undoOp(ids.otherAnswer)]);
    expect(undo.results).toEqual([expect.objectContaining({ status: "refused", error: "not-found" })]);
    const answer = await post(
      `/quizzes/${ids.myAttempt}`,
      actionId("app/(app)/quizzes/actions.ts", "answerAction"),
      JSON.stringify([{ attemptId: ids.otherAttempt, position: 0, response: { type: "choice", optionId: "a" }, requestId: randomUUID() }]),
    );
    expect(answer.text).toContain('"error":"not-found"');
    const retry = await post(`/quizzes/${ids.myAttempt}`, actionId("app/(app)/quizzes/actions.ts", "retryMissedAction"), JSON.stringify([{ attemptId: ids.otherAttempt, requestId: randomUUID() }]));
    expect(retry.text).toContain('"error":"not-found"');
    const page = await fetch(`${server.baseURL}/quizzes/${ids.otherAttempt}`, { headers: { Cookie: cookie } });
    expect(page.status).toBe(404);
    const check = await post(`/quizzes/match/${ids.myRound}`, actionId("app/(app)/quizzes/match/actions.ts", "checkMatchAction"), JSON.stringify([{ roundId: ids.otherRound, pairs: { a: "p" }, requestId: randomUUID() }]));
    expect(check.text).toContain('"error":"not-found"');
    const round = await fetch(`${server.baseURL}/quizzes/match/${ids.otherRound}`, { headers: { Cookie: cookie } });
    expect(round.status).toBe(404);
    expect(checksum()).toBe(before);
  });

  describe("sync batches that are well formed but hostile", () => {
    it("more than 50 ops in one call are refused whole (a huge array too), 50 are accepted, and nothing is written", async () => {
      const before = checksum();
      const over = await sync(Array.from({ length: SYNC_BATCH + 1 }, () => gradeOp()));
      expect(over).toMatchObject({ ok: false, error: "bad-input" });
      const huge = await post("/review", actionId("app/(app)/review/actions.ts", "syncAction"), JSON.stringify([{ userId: ids.me, ops: Array.from({ length: 20_000 }, () => undoOp()) }]));
      expect(refused(huge)).toBe(true);
      // The control: a full batch passes validation (undos of answers nobody gave: refused one by one).
      const full = await sync(Array.from({ length: SYNC_BATCH }, () => undoOp()));
      expect(full.ok).toBe(true);
      expect(full.results.map((r) => r.status === "refused" && r.error)).toEqual(Array.from({ length: SYNC_BATCH }, () => "not-found"));
      expect(checksum()).toBe(before);
    });

    it("answers dated far in the future are applied at the server's now and far in the past at the account's creation; out of range is bad input, never a 5xx", async () => {
      const start = await sync([]);
      if (!start.ok) throw new Error(start.error);
      const [a, b] = start.pack.newCardIds;
      const createdAt = readDb((db) => new Date((db.prepare(`select createdAt from "User" where id = ?`).get(ids.me) as { createdAt: string }).createdAt));
      const t0 = Date.now();
      const future = gradeOp(a, { answeredAt: 8_640_000_000_000 });
      const past = gradeOp(b, { answeredAt: 0 });
      const out = await sync([future, past]);
      const t1 = Date.now();
      if (!out.ok) throw new Error(out.error);
      const [f, p] = out.results;
      if (f.status !== "applied" || p.status !== "applied") throw new Error(JSON.stringify(out.results));
      expect(f.at.getTime()).toBeGreaterThanOrEqual(t0 - 1000);
      expect(f.at.getTime()).toBeLessThanOrEqual(t1 + 1000);
      expect(p.at).toEqual(createdAt);
      const logged = readDb((db) => db.prepare(`select requestId, reviewedAt from "ReviewLog" where userId = ? and requestId in (?, ?)`).all(ids.me, future.requestId, past.requestId) as { requestId: string; reviewedAt: string }[]);
      expect(Object.fromEntries(logged.map((l) => [l.requestId, new Date(l.reviewedAt).getTime()]))).toEqual({ [future.requestId]: f.at.getTime(), [past.requestId]: p.at.getTime() });
      // An undo from the future is applied now: it takes back the latest answer (the future one, now).
      const undo = await sync([undoOp(future.requestId, { at: 8_640_000_000_000 })]);
      expect(undo.ok && undo.results[0].status).toBe("undone");
      expect(readDb((db) => checkReviewStates(db).mismatches)).toEqual([]);

      const before = checksum();
      for (const answeredAt of [8_640_000_000_001, -1, 1.5, "2026-01-01T00:00:00Z", "$Infinity", "$NaN", null]) {
        const r = await post("/review", actionId("app/(app)/review/actions.ts", "syncAction"), JSON.stringify([{ userId: ids.me, ops: [gradeOp(a, { answeredAt })] }]));
        expect(r.status, String(answeredAt)).toBe(200);
        expect(r.text, String(answeredAt)).toContain('"error":"bad-input"');
      }
      const lateUndo = await sync([undoOp(past.requestId, { at: -5 })]);
      expect(lateUndo).toMatchObject({ ok: false, error: "bad-input" });
      expect(checksum()).toBe(before);
    });

    it("ops from another learner's outbox (a tab of an account signed out here since) are refused whole, and nothing is written", async () => {
      const before = checksum();
      for (const userId of [ids.them, "no-such-learner"]) {
        expect(await sync([gradeOp(), undoOp(ids.otherAnswer)], { userId })).toMatchObject({ ok: false, error: "unauthorized", results: [], pack: null });
      }
      expect(checksum()).toBe(before);
      // The control: the same ops named as mine are taken.
      const mine = await sync([gradeOp()]);
      expect(mine.ok && mine.results.map((r) => r.status)).toEqual(["applied"]);
    });

    it("another learner's answer cannot be undone and unknown cards are refused, in one batch, and nothing is written", async () => {
      const before = checksum();
      const out = await sync([gradeOp("no-such-card-0123456789"), undoOp(ids.otherAnswer), gradeOp("x".repeat(64))]);
      expect(out.ok && out.results.map((r) => r.status === "refused" && r.error)).toEqual(["not-found", "not-found", "not-found"]);
      expect(checksum()).toBe(before);
      expect(readDb((db) => db.prepare(`select undoneAt from "ReviewLog" where requestId = ?`).get(ids.otherAnswer))).toEqual({ undoneAt: null });
    });

    it("a request id used twice in one batch is one answer: logged once, the second card untouched", async () => {
      const start = await sync([]);
      if (!start.ok) throw new Error(start.error);
      const [c1, c2] = start.pack.newCardIds;
      const requestId = randomUUID();
      const out = await sync([gradeOp(c1, { requestId, grade: 5 }), gradeOp(c2, { requestId, grade: 1 })]);
      if (!out.ok) throw new Error(out.error);
      expect(out.results.map((r) => r.requestId)).toEqual([requestId, requestId]);
      // The second is answered from the log: the same answer, not a second one.
      expect(out.results[1]).toEqual(out.results[0]);
      const rows = readDb((db) => db.prepare(`select cardId, grade from "ReviewLog" where userId = ? and requestId = ?`).all(ids.me, requestId));
      expect(rows).toEqual([{ cardId: c1, grade: 5 }]);
      expect(readDb((db) => db.prepare(`select count(*) as n from "ReviewState" where userId = ? and cardId = ?`).get(ids.me, c2))).toEqual({ n: 0 });
      // An undo sent twice in one batch takes back one answer.
      const undoId = randomUUID();
      const undo = await sync([undoOp(requestId, { requestId: undoId }), undoOp(requestId, { requestId: undoId })]);
      expect(undo.ok && undo.results.map((r) => r.status)).toEqual(["undone", "undone"]);
      expect(readDb((db) => db.prepare(`select count(*) as n from "ReviewLog" where userId = ? and requestId = ? and undoneAt is not null`).get(ids.me, requestId))).toEqual({ n: 1 });
      expect(readDb((db) => checkReviewStates(db).mismatches)).toEqual([]);
    });
  });

  it("cross-origin action posts and oversized bodies are refused", async () => {
    const id = actionId("app/_components/locale-action.ts", "setLocaleAction");
    const evil = await fetch(`${server.baseURL}/`, { method: "POST", headers: { "Next-Action": id, Origin: "https://evil.example", "Content-Type": "text/plain", Cookie: cookie }, body: '[{"locale":"zh-CN"}]' });
    expect(evil.status).toBe(403);
    const huge = await post("/", id, JSON.stringify([{ locale: "x".repeat(70_000) }]));
    expect(huge.status).toBe(413);
  });
});
