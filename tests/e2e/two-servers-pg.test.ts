/**
 * Two production servers, one PostgreSQL database: what running several stateless app servers
 * must get right. Runs when PG_TEST_URL names a PostgreSQL server (tests/pg/with-postgres.sh):
 *
 *   bash tests/pg/with-postgres.sh npx vitest run --project e2e tests/e2e/two-servers-pg.test.ts
 *
 * Server A migrates an empty database with the real `prisma migrate deploy` (the PostgreSQL
 * config, as `npm start` does) and loads the deck; server B serves the same database as it is.
 * One learner, one session cookie, answers sent through both servers at once with the review
 * screen's sync action (two tabs, or a phone and a laptop, of one learner).
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, providerOf, type Db } from "@/lib/db/client";
import { createAccount } from "@/lib/accounts/sign-up";
import { SIGN_IN_LIMIT } from "@/lib/accounts/rate-limit";
import { algorithmFor, applyOps, checkSchedule, localSession, type DayPack } from "@/lib/core/srs";
import { loadDayPack } from "@/lib/reviews/day-pack";
import type { OpResult } from "@/lib/reviews/sync";
import type { Learner } from "@/lib/reviews/learner";
import { actionId, postAction } from "../helpers/actions";
import { actionReply } from "../helpers/flight";
import { signInOverHttp } from "../helpers/http-session";
import { startServer, type RunningServer } from "../helpers/server";
import { storedSchedules } from "../helpers/stored-schedules";
import { dropPostgresDatabase, emptyPostgresDatabase } from "../helpers/test-db";

const PG_TEST_URL = process.env.PG_TEST_URL;
const PASSWORD = "correct horse battery";

type SyncReply = { ok: true; results: OpResult[]; pack: DayPack } | { ok: false; error: string; results: []; pack: null };
type GradeOp = { type: "grade"; requestId: string; cardId: string; grade: number; answeredAt: number; durationMs: number };

/** The sync action's reply, Dates revived. */
function replyOf(r: { status: number; text: string }): SyncReply {
  expect(r.status).toBe(200);
  return actionReply<SyncReply>(r.text);
}

/** The one result of a one-op sync call (throws on a refused call). */
function resultOf(reply: SyncReply): OpResult {
  if (!reply.ok) throw new Error(`sync refused: ${reply.error}`);
  expect(reply.results).toHaveLength(1);
  return reply.results[0];
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
  let syncId: string;

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
    syncId = actionId("app/(app)/review/actions.ts", "syncAction");
  }, 180_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await db?.$disconnect();
    if (url) await dropPostgresDatabase(PG_TEST_URL!, url).catch(() => {});
  });

  const gradeOp = (cardId: string, grade: number, answeredAt = Date.now()): GradeOp => ({ type: "grade", requestId: randomUUID(), cardId, grade, answeredAt, durationMs: 1500 });
  const send = (server: RunningServer, ops: GradeOp[]) => postAction(server.baseURL, "/review", syncId, [{ userId: me.id, ops }], { cookie }).then(replyOf);

  /** Posts one op to each server at the same moment (A's cookie works on B: sessions are stateless). */
  async function both(x: GradeOp, y: GradeOp): Promise<[OpResult, OpResult]> {
    const [ra, rb] = await Promise.all([send(a, [x]), send(b, [y])]);
    return [resultOf(ra), resultOf(rb)];
  }

  /** The card the review screen shows now, computed from the learner's day pack as the browser does. */
  async function head(): Promise<{ cardId: string; version: number }> {
    const now = new Date();
    const pack = await loadDayPack(db, me, now);
    const algorithm = algorithmFor({ algorithm: pack.learner.algorithm, desiredRetention: pack.learner.desiredRetention, weights: pack.learner.fsrsWeights });
    const card = localSession(applyOps(pack, [], now, algorithm), now, algorithm).card;
    if (!card) throw new Error("empty queue");
    const state = await db.reviewState.findUnique({ where: { userId_cardId: { userId: me.id, cardId: card.id } }, select: { version: true } });
    return { cardId: card.id, version: state?.version ?? 0 };
  }

  /** Cards never answered by the learner, in deck order. */
  async function freshCards(n: number): Promise<string[]> {
    const fresh = await db.card.findMany({ where: { retiredAt: null, reviewStates: { none: { userId: me.id } } }, orderBy: { position: "asc" }, take: n, select: { id: true } });
    expect(fresh).toHaveLength(n);
    return fresh.map((c) => c.id);
  }

  /** Every stored state equals the replay of its log rows. */
  async function replayProblems(): Promise<string[]> {
    const { rows, states } = await storedSchedules(db, me.id);
    const out: string[] = [];
    for (const [cardId, list] of rows) for (const p of checkSchedule(list, states.get(cardId) ?? null, me)) out.push(`${cardId}: ${p.problem}`);
    return out;
  }

  it("the same answer through both servers at once is applied once, and both get the same answer", async () => {
    for (let round = 0; round < 6; round++) {
      // New cards (version 0: the review state is created) and, after a failing grade, repeats
      // of the same card the same day (kind "drill").
      const { cardId, version } = await head();
      const op = gradeOp(cardId, version === 0 ? 2 : 5);
      const [ra, rb] = await both(op, op);
      expect(ra.status).toBe("applied");
      expect(rb).toEqual(ra);
      expect(await db.reviewLog.count({ where: { userId: me.id, requestId: op.requestId } })).toBe(1);
      const state = await db.reviewState.findUniqueOrThrow({ where: { userId_cardId: { userId: me.id, cardId } } });
      expect(state.version).toBe(version + 1);
    }
    expect(await replayProblems()).toEqual([]);
  });

  it("two devices answer the same card at the same moment: the first to arrive sets the schedule, the other is a repeat", async () => {
    for (const cardId of await freshCards(5)) {
      const at = Date.now();
      const phone = gradeOp(cardId, 1, at);
      const laptop = gradeOp(cardId, 4, at);
      const results = await both(phone, laptop);
      expect(results.map((r) => r.status)).toEqual(["applied", "applied"]);
      const kinds = results.map((r) => (r.status === "applied" ? r.kind : r.status));
      expect([...kinds].sort()).toEqual(["drill", "new"]);
      const rows = await db.reviewLog.findMany({ where: { userId: me.id, cardId }, orderBy: [{ reviewedAt: "asc" }, { id: "asc" }] });
      expect(rows.map((r) => r.requestId).sort()).toEqual([phone.requestId, laptop.requestId].sort());
      // Exactly one row moved the card, and it comes first in the log (the replay's order).
      const moved = rows.filter((r) => r.kind !== "drill");
      expect(moved).toHaveLength(1);
      expect(rows[0].id).toBe(moved[0].id);
      const first = moved[0];
      // The first dated when it was given; the later one clamped to just after it (a strict order
      // of the card's rows, whichever server wrote them).
      expect(rows.map((r) => r.reviewedAt.getTime())).toEqual([at, at + 1]);
      // The state is the one the first answer's row says it left; the repeat changed nothing.
      const state = await db.reviewState.findUniqueOrThrow({ where: { userId_cardId: { userId: me.id, cardId } } });
      expect({ reps: state.repetitions, ease: state.easiness, interval: state.intervalDays, due: state.dueAt.toISOString() }).toEqual({
        reps: first.repsAfter, ease: first.easeAfter, interval: first.intervalAfter, due: first.dueAfter.toISOString(),
      });
    }
    expect(await replayProblems()).toEqual([]);
  });

  it("answers of different cards through both servers at once are all kept (no lost update)", async () => {
    const fresh = await freshCards(6);
    const logsBefore = await db.reviewLog.count({ where: { userId: me.id } });
    const replies = await Promise.all(fresh.map((id, i) => send(i % 2 ? b : a, [gradeOp(id, 5)])));
    expect(replies.map((r) => resultOf(r)).map((r) => r.status === "applied" && r.kind)).toEqual(fresh.map(() => "new"));
    expect(await db.reviewLog.count({ where: { userId: me.id } })).toBe(logsBefore + fresh.length);
    const states = await db.reviewState.findMany({ where: { userId: me.id, cardId: { in: fresh } } });
    expect(states.map((s) => s.version)).toEqual(fresh.map(() => 1));
    // The pack either server sends back holds every one of them.
    const pack = (await send(b, [])) as Extract<SyncReply, { ok: true }>;
    expect(pack.ok).toBe(true);
    expect(fresh.every((id) => pack.pack.states.some((s) => s.cardId === id))).toBe(true);
    expect(await replayProblems()).toEqual([]);
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
