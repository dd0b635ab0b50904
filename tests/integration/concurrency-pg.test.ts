/**
 * One learner's writes racing each other from two server processes, on PostgreSQL (READ
 * COMMITTED): two clients with pools of their own stand for two processes. Runs in the
 * PostgreSQL integration run (`npm run test:integration:pg`); on SQLite it is skipped, because
 * one process cannot hold two SQLite writers at once (better-sqlite3 waits synchronously) and
 * SQLite runs one writing transaction at a time anyway.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, readyDb, type Db } from "@/lib/db/client";
import { syncOps, type SyncOp } from "@/lib/reviews/sync";
import { loadDayPack } from "@/lib/reviews/day-pack";
import { sessionView } from "../helpers/server-session";
import type { Learner } from "@/lib/reviews/learner";
import { checkSchedule, type Quality } from "@/lib/core/srs";
import { startQuiz } from "@/lib/quizzes/attempts";
import { answerQuestion } from "@/lib/quizzes/answer";
import { seedDeck } from "../helpers/deck";
import { makeUser } from "../helpers/users";
import { storedSchedules } from "../helpers/stored-schedules";
import { testDbProvider } from "../helpers/test-db";

const ROUNDS = 12;
const NOW = new Date("2026-03-02T02:00:00Z");
let a: Db;
let b: Db;

describe.runIf(testDbProvider() === "postgresql")("one learner's writes racing from two processes (PostgreSQL)", () => {
  beforeAll(async () => {
    a = await readyDb();
    b = createDb(process.env.DATABASE_URL);
    await seedDeck(a);
  });

  afterAll(async () => {
    await b?.$disconnect();
  });

  async function learner(): Promise<Learner> {
    const u = await makeUser(a, { timeZone: "UTC" });
    return { id: u.id, timeZone: "UTC", rolloverHour: 4, newPerDay: 200, maxReviewsPerDay: 500 };
  }

  /** An answer as the review screen's outbox sends it (lib/reviews/sync). */
  const answer = (cardId: string, grade: Quality, answeredAt: Date): SyncOp => ({ type: "grade", requestId: randomUUID(), cardId, grade, answeredAt, durationMs: 1000 });
  const firstNewCard = async (me: Learner, at: Date) => (await loadDayPack(a, me, at)).newCardIds[0];

  /** Every card's state equals the replay of its log (undone rows skipped) through the schedule model. */
  async function replayProblems(me: Learner): Promise<string[]> {
    const { rows, states } = await storedSchedules(a, me.id);
    return [...rows].flatMap(([cardId, list]) => checkSchedule(list, states.get(cardId) ?? null, me).map((p) => `${cardId}: ${p.problem}`));
  }

  it("the same answer sent from both at once (two tabs sending one outbox): applied once, both told the same", async () => {
    const me = await learner();
    for (let i = 0; i < ROUNDS; i++) {
      const at = new Date(NOW.getTime() + i * 60_000);
      // Alternate new cards (the state is created) and repeats of them (the state is updated).
      const cardId = (await sessionView(a, me, at)).card!.id;
      const op = answer(cardId, i % 2 ? 5 : 2, at);
      const version = (await a.reviewState.findUnique({ where: { userId_cardId: { userId: me.id, cardId } } }))?.version ?? 0;
      const [[x], [y]] = await Promise.all([syncOps(a, me, [op], at), syncOps(b, me, [op], at)]);
      expect(x).toMatchObject({ status: "applied", at });
      expect(y).toEqual(x);
      expect(await a.reviewLog.count({ where: { userId: me.id, requestId: op.requestId } })).toBe(1);
      const state = await a.reviewState.findUniqueOrThrow({ where: { userId_cardId: { userId: me.id, cardId } } });
      expect(state.version).toBe(version + 1);
      expect(await replayProblems(me)).toEqual([]);
    }
  });

  it("two answers to one card from both at once: the first to commit sets the schedule, the other is a repeat", async () => {
    const me = await learner();
    for (let i = 0; i < ROUNDS; i++) {
      const at = new Date(NOW.getTime() + i * 60_000);
      const delivered = new Date(at.getTime() + 1000);
      const cardId = await firstNewCard(me, at);
      // Odd rounds: a card answered yesterday and due today (its state is updated, not created).
      if (i % 2) expect((await syncOps(a, me, [answer(cardId, 5, new Date(at.getTime() - 86_400_000))], new Date(at.getTime() - 86_400_000)))[0]).toMatchObject({ status: "applied", kind: "new" });
      const first = i % 2 ? "review" : "new";
      const before = await a.reviewLog.count({ where: { userId: me.id, cardId } });
      const [[x], [y]] = await Promise.all([syncOps(a, me, [answer(cardId, 1, at)], delivered), syncOps(b, me, [answer(cardId, 4, at)], delivered)]);
      expect([x, y].map((r) => r.status)).toEqual(["applied", "applied"]);
      expect([x, y].map((r) => (r.status === "applied" ? r.kind : r.status)).sort()).toEqual([first, "drill"].sort());
      expect(await a.reviewLog.count({ where: { userId: me.id, cardId } })).toBe(before + 2);
      expect(await replayProblems(me)).toEqual([]);
    }
  });

  it("an undo racing an answer to the same card: as if one came after the other, never a state its log does not explain", async () => {
    const me = await learner();
    for (let i = 0; i < ROUNDS; i++) {
      const at = new Date(NOW.getTime() + i * 60_000);
      const then = new Date(at.getTime() + 20_000);
      // A failed answer makes the card come back as a repeat; then that answer is undone while the repeat is answered.
      const cardId = await firstNewCard(me, at);
      const failed = answer(cardId, 2, at);
      expect((await syncOps(a, me, [failed], at))[0]).toMatchObject({ status: "applied", kind: "new" });
      const undo: SyncOp = { type: "undo", requestId: randomUUID(), target: failed.requestId, at: then };
      const [[u], [g]] = await Promise.all([syncOps(b, me, [undo], then), syncOps(a, me, [answer(cardId, 5, then)], then)]);
      // Undo first: the card is new again and the answer is its first. Answer first: a repeat, and
      // the undo is refused, its answer no longer the latest.
      const order = `${u.status}${u.status === "refused" ? `:${u.error}` : ""} + ${g.status === "applied" ? g.kind : g.status}`;
      expect(["undone + new", "refused:not-last + drill"]).toContain(order);
      expect(await replayProblems(me)).toEqual([]);
    }
  });

  it("the last two answers of an attempt given at once still close it, with its score", async () => {
    const me = await learner();
    for (let i = 0; i < ROUNDS / 2; i++) {
      const quiz = await startQuiz(a, me.id, { topic: "mixed", length: 2, requestId: randomUUID() }, 100 + i);
      if (!quiz.ok) throw new Error(quiz.error);
      const questions = await a.quizQuestion.findMany({ where: { attemptId: quiz.attemptId }, orderBy: { position: "asc" } });
      expect(questions).toHaveLength(2);
      const respond = (q: (typeof questions)[number]) => {
        const prompt = JSON.parse(q.prompt);
        const answer = JSON.parse(q.answer);
        if (prompt.type === "typed") return { type: "typed", text: answer.accepted[0] };
        if (prompt.type === "multi") return { type: "multi", optionIds: answer };
        return prompt.type === "choice" ? { type: "choice", optionId: answer } : prompt.type === "ordering" ? { type: "ordering", order: answer } : { type: prompt.type, value: answer };
      };
      const [x, y] = await Promise.all(
        questions.map((q, n) => answerQuestion(n ? b : a, me, { attemptId: quiz.attemptId, position: q.position, response: respond(q) as never, requestId: randomUUID() }, NOW)),
      );
      expect([x.ok, y.ok]).toEqual([true, true]);
      const attempt = await a.quizAttempt.findUniqueOrThrow({ where: { id: quiz.attemptId } });
      expect(attempt.finishedAt).not.toBeNull();
      expect(attempt.score).toBe(2);
    }
  });
});
