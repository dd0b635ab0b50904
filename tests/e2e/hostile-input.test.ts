import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { createDb, configureSqlite } from "@/lib/db/client";
import { createAccount } from "@/lib/accounts/sign-up";
import { settingsSchema, signUpSchema } from "@/lib/accounts/schemas";
import { algorithmSchema } from "@/lib/reviews/switch-algorithm";
import { deleteAccountSchema } from "@/lib/accounts/delete";
import { gradeInputSchema, typeInInputSchema, undoInputSchema } from "@/lib/reviews/schemas";
import { answerSchema, checkMatchSchema, retrySchema, startMatchSchema, startQuizSchema } from "@/lib/quizzes/schemas";
import { startMatch } from "@/lib/quizzes/match";
import { gradeCard } from "@/lib/reviews/grade";
import { sessionView } from "@/lib/reviews/view";
import { startQuiz } from "@/lib/quizzes/attempts";
import { startServer, type RunningServer } from "../helpers/server";
import { actionId } from "../helpers/actions";
import { databaseChecksum } from "../helpers/checksum";
import { signInOverHttp } from "../helpers/http-session";
import Database from "better-sqlite3";
import { formArgs, formFieldsOf, malformedEnvelopes, malformedFormArgs, malformedJsonArgs, noJsForm, prng } from "../helpers/hostile";

const PER_ACTION = 500;
let server: RunningServer;
let cookie: string;
let theirCookie: string;
const ids = { otherLog: "", otherAttempt: "", card: "", myAttempt: "", myRound: "", otherRound: "" };
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
}

const JSON_ACTIONS: JsonAction[] = [
  { name: "gradeAction", file: "app/(app)/review/actions.ts", page: "/review", schema: gradeInputSchema, valid: () => ({ cardId: ids.card, quality: 4, expectedVersion: 0, requestId: randomUUID(), durationMs: 3000 }) },
  { name: "undoAction", file: "app/(app)/review/actions.ts", page: "/review", schema: undoInputSchema, valid: () => ({ logId: ids.otherLog }) },
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
  { name: "checkTypedAction", file: "app/(app)/review/actions.ts", page: "/review", schema: typeInInputSchema, valid: () => ({ cardId: ids.card, text: "kubelet" }) },
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
    // The other learner has history: a graded card and a quiz attempt.
    const other = { id: theirs.userId, timeZone: "UTC", rolloverHour: 4, newPerDay: 20, maxReviewsPerDay: 200 };
    const view = await sessionView(db, other, new Date());
    const graded = await gradeCard(db, other, { cardId: view.card!.id, quality: 5, expectedVersion: 0, requestId: randomUUID(), durationMs: 1 }, new Date());
    if (!graded.ok) throw new Error("grade");
    ids.otherLog = graded.result.logId;
    ids.card = view.card!.id;
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
        const body = malformedJsonArgs(action.valid(), rand);
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
    const undo = await post("/review", actionId("app/(app)/review/actions.ts", "undoAction"), JSON.stringify([{ logId: ids.otherLog }]));
    expect(undo.text).toContain('"error":"not-found"');
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

  it("cross-origin action posts and oversized bodies are refused", async () => {
    const id = actionId("app/_components/locale-action.ts", "setLocaleAction");
    const evil = await fetch(`${server.baseURL}/`, { method: "POST", headers: { "Next-Action": id, Origin: "https://evil.example", "Content-Type": "text/plain", Cookie: cookie }, body: '[{"locale":"zh-CN"}]' });
    expect(evil.status).toBe(403);
    const huge = await post("/", id, JSON.stringify([{ locale: "x".repeat(70_000) }]));
    expect(huge.status).toBe(413);
  });
});
