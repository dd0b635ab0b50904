/**
 * Two production servers, one PostgreSQL database: what running several stateless app servers
 * must get right. Runs when PG_TEST_URL names a PostgreSQL server (tests/pg/with-postgres.sh):
 *
 *   bash tests/pg/with-postgres.sh npx vitest run --project e2e tests/e2e/two-servers-pg.test.ts
 *
 * Server A migrates an empty database with the real `prisma migrate deploy` (the PostgreSQL
 * config, as `npm start` does) and loads the deck; server B serves the same database as it is.
 * One learner, one session cookie, grades sent through both servers at once.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, providerOf, type Db } from "@/lib/db/client";
import { createAccount } from "@/lib/accounts/sign-up";
import { SIGN_IN_LIMIT } from "@/lib/accounts/rate-limit";
import { sessionView } from "@/lib/reviews/view";
import type { Learner } from "@/lib/reviews/learner";
import { actionId, postAction } from "../helpers/actions";
import { signInOverHttp } from "../helpers/http-session";
import { startServer, type RunningServer } from "../helpers/server";
import { dropPostgresDatabase, emptyPostgresDatabase } from "../helpers/test-db";

const PG_TEST_URL = process.env.PG_TEST_URL;
const PASSWORD = "correct horse battery";

type GradeReply = { ok: boolean; error?: string };

/** The action's return value from the RSC payload (the row that carries `"ok":`). */
function replyOf(r: { status: number; text: string }): GradeReply {
  expect(r.status).toBe(200);
  for (const line of r.text.split("\n")) {
    const m = /^[0-9a-f]+:(\{.*"ok":(true|false).*\})$/.exec(line);
    if (m) return JSON.parse(m[1]) as GradeReply;
  }
  throw new Error(`no action result in: ${r.text.slice(0, 300)}`);
}

/** Whether next-auth's credentials sign-in gave a session cookie (no throw on refusal). */
async function trySignIn(baseURL: string, email: string, password: string): Promise<boolean> {
  try {
    await signInOverHttp(baseURL, email, password);
    return true;
  } catch (e) {
    if (/sign-in failed/.test(String(e))) return false;
    throw e;
  }
}

describe.runIf(PG_TEST_URL)("two app servers on one PostgreSQL database", () => {
  let a: RunningServer;
  let b: RunningServer;
  let url: string;
  let db: Db;
  let me: Learner;
  let cookie: string;
  let grade: string;

  beforeAll(async () => {
    // An empty database: server A's start migrates it with the real CLI, then seeds it.
    url = await emptyPostgresDatabase(PG_TEST_URL!, "two_servers");

    a = await startServer({ DATABASE_URL: url });
    b = await startServer({}, { reuseDatabaseUrl: url });
    db = createDb(url);
    expect(providerOf(db)).toBe("postgresql");
    const made = await createAccount(db, { email: "two@example.com", name: "Two", password: PASSWORD, timeZone: "UTC", locale: "en" });
    if (!made.ok) throw new Error("account");
    me = { id: made.userId, timeZone: "UTC", rolloverHour: 4, newPerDay: 20, maxReviewsPerDay: 200 };
    cookie = await signInOverHttp(a.baseURL, "two@example.com", PASSWORD);
    grade = actionId("app/(app)/review/actions.ts", "gradeAction");
  }, 180_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await db?.$disconnect();
    if (url) await dropPostgresDatabase(PG_TEST_URL!, url).catch(() => {});
  });

  /** Posts a grade to both servers at the same moment (A's cookie works on B: sessions are stateless). */
  async function both(cardId: string, expectedVersion: number, x: { quality: number; requestId: string }, y: { quality: number; requestId: string }) {
    const send = (server: RunningServer, g: { quality: number; requestId: string }) =>
      postAction(server.baseURL, "/review", grade, [{ cardId, expectedVersion, durationMs: 1500, ...g }], { cookie });
    const [ra, rb] = await Promise.all([send(a, x), send(b, y)]);
    return [replyOf(ra), replyOf(rb)];
  }

  /** The card at the head of the learner's queue now, and the version the screen would show. */
  async function head() {
    const view = await sessionView(db, me, new Date());
    if (!view.card) throw new Error("empty queue");
    return { cardId: view.card.id, version: view.card.version };
  }

  it("the same request through both servers at once is applied once, and both get the same answer", async () => {
    for (let round = 0; round < 6; round++) {
      // New cards (version 0: the review state is created) and, after a failing grade, drills
      // of the same card (version 1+: the state is updated under the version check).
      const { cardId, version } = await head();
      const requestId = randomUUID();
      const quality = version === 0 ? 2 : 5;
      const replies = await both(cardId, version, { quality, requestId }, { quality, requestId });
      expect(replies.map((r) => r.error ?? "ok")).toEqual(["ok", "ok"]);
      expect(await db.reviewLog.count({ where: { userId: me.id, requestId } })).toBe(1);
      const state = await db.reviewState.findUniqueOrThrow({ where: { userId_cardId: { userId: me.id, cardId } } });
      expect(state.version).toBe(version + 1);
    }
  });

  it("two different grades for the same card version: one is applied, the other is a conflict", async () => {
    for (let round = 0; round < 6; round++) {
      const { cardId, version } = await head();
      const before = await db.reviewLog.count({ where: { userId: me.id, cardId } });
      const replies = await both(cardId, version, { quality: 1, requestId: randomUUID() }, { quality: 4, requestId: randomUUID() });
      expect(replies.map((r) => r.error ?? "ok").sort()).toEqual(["conflict", "ok"]);
      expect(await db.reviewLog.count({ where: { userId: me.id, cardId } })).toBe(before + 1);
      const state = await db.reviewState.findUniqueOrThrow({ where: { userId_cardId: { userId: me.id, cardId } } });
      expect(state.version).toBe(version + 1);
      // The state is the one the applied grade's log row says it left.
      const log = await db.reviewLog.findFirstOrThrow({ where: { userId: me.id, cardId }, orderBy: [{ reviewedAt: "desc" }, { id: "desc" }] });
      expect({ reps: state.repetitions, ease: state.easiness, interval: state.intervalDays, due: state.dueAt.toISOString() }).toEqual({
        reps: log.repsAfter, ease: log.easeAfter, interval: log.intervalAfter, due: log.dueAfter.toISOString(),
      });
    }
  });

  it("grades of different cards through both servers at once are all kept (no lost update)", async () => {
    const view = await sessionView(db, me, new Date());
    const fresh = await db.card.findMany({
      where: { retiredAt: null, reviewStates: { none: { userId: me.id } } },
      orderBy: { position: "asc" },
      take: Math.min(6, view.left.new),
      select: { id: true },
    });
    expect(fresh.length).toBeGreaterThan(1);
    const logsBefore = await db.reviewLog.count({ where: { userId: me.id } });
    const replies = await Promise.all(
      fresh.map((c, i) =>
        postAction((i % 2 ? b : a).baseURL, "/review", grade, [{ cardId: c.id, quality: 5, expectedVersion: 0, requestId: randomUUID(), durationMs: 900 }], { cookie }).then(replyOf),
      ),
    );
    expect(replies.map((r) => r.error ?? "ok")).toEqual(fresh.map(() => "ok"));
    expect(await db.reviewLog.count({ where: { userId: me.id } })).toBe(logsBefore + fresh.length);
    const states = await db.reviewState.findMany({ where: { userId: me.id, cardId: { in: fresh.map((c) => c.id) } } });
    expect(states.map((s) => s.version)).toEqual(fresh.map(() => 1));
  });

  it("sign-in failures through server A count on server B: the limit is shared", async () => {
    const email = "limited@example.com";
    const made = await createAccount(db, { email, name: "Limited", password: PASSWORD, timeZone: "UTC", locale: "en" });
    if (!made.ok) throw new Error("account");
    // Half the failures through each server, two at a time.
    for (let i = 0; i < SIGN_IN_LIMIT.points; i += 2) {
      const r = await Promise.all([trySignIn(a.baseURL, email, "wrong password 1"), trySignIn(b.baseURL, email, "wrong password 2")]);
      expect(r).toEqual([false, false]);
    }
    const row = await db.rateLimiterFlexible.findUnique({ where: { key: `signin-email:${email}` } });
    expect(row?.points).toBe(SIGN_IN_LIMIT.points);
    // Now even the right password is refused, on either server.
    expect(await trySignIn(b.baseURL, email, PASSWORD)).toBe(false);
    expect(await trySignIn(a.baseURL, email, PASSWORD)).toBe(false);
    // Another learner is not affected.
    expect(await trySignIn(b.baseURL, "two@example.com", PASSWORD)).toBe(true);
  });
});
