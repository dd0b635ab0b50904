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
import { gradeCard, type GradeInput } from "@/lib/reviews/grade";
import { undoGrade } from "@/lib/reviews/undo";
import { sessionView } from "@/lib/reviews/view";
import type { Learner } from "@/lib/reviews/learner";
import type { Quality } from "@/lib/core/srs";
import { startQuiz } from "@/lib/quizzes/attempts";
import { answerQuestion } from "@/lib/quizzes/answer";
import { seedDeck } from "../helpers/deck";
import { makeUser } from "../helpers/users";
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

  async function input(me: Learner, quality: Quality, at: Date): Promise<GradeInput> {
    const view = await sessionView(a, me, at);
    return { cardId: view.card!.id, quality, expectedVersion: view.card!.version, requestId: randomUUID(), durationMs: 1000 };
  }

  /** The state equals what the latest applied (not undone) log row of its card left. */
  async function stateMatchesLog(me: Learner, cardId: string) {
    const state = await a.reviewState.findUnique({ where: { userId_cardId: { userId: me.id, cardId } } });
    const last = await a.reviewLog.findFirst({ where: { userId: me.id, cardId, undoneAt: null }, orderBy: [{ reviewedAt: "desc" }, { id: "desc" }] });
    if (!last) return expect(state).toBeNull();
    expect(state).not.toBeNull();
    expect([state!.repetitions, state!.easiness, state!.intervalDays, state!.dueAt.toISOString()]).toEqual([
      last.repsAfter, last.easeAfter, last.intervalAfter, last.dueAfter.toISOString(),
    ]);
  }

  it("the same grade request from both at once: applied once, both answered with the same log row", async () => {
    const me = await learner();
    for (let i = 0; i < ROUNDS; i++) {
      const at = new Date(NOW.getTime() + i * 60_000);
      // Alternate new cards (the state is created) and drills of them (the state is updated).
      const g = await input(me, i % 2 ? 5 : 2, at);
      const [x, y] = await Promise.all([gradeCard(a, me, g, at), gradeCard(b, me, g, at)]);
      expect([x.ok, y.ok]).toEqual([true, true]);
      if (!x.ok || !y.ok) return;
      expect(y.result.logId).toBe(x.result.logId);
      expect(await a.reviewLog.count({ where: { userId: me.id, requestId: g.requestId } })).toBe(1);
      const state = await a.reviewState.findUniqueOrThrow({ where: { userId_cardId: { userId: me.id, cardId: g.cardId } } });
      expect(state.version).toBe(g.expectedVersion + 1);
    }
  });

  it("two different grades of the same card version: one applied, the other a conflict", async () => {
    const me = await learner();
    for (let i = 0; i < ROUNDS; i++) {
      const at = new Date(NOW.getTime() + i * 60_000);
      const g = await input(me, 1, at);
      const before = await a.reviewLog.count({ where: { userId: me.id, cardId: g.cardId } });
      const [x, y] = await Promise.all([gradeCard(a, me, g, at), gradeCard(b, me, { ...g, quality: 4, requestId: randomUUID() }, at)]);
      expect([x.ok ? "ok" : x.error, y.ok ? "ok" : y.error].sort()).toEqual(["conflict", "ok"]);
      expect(await a.reviewLog.count({ where: { userId: me.id, cardId: g.cardId } })).toBe(before + 1);
      const state = await a.reviewState.findUniqueOrThrow({ where: { userId_cardId: { userId: me.id, cardId: g.cardId } } });
      expect(state.version).toBe(g.expectedVersion + 1);
      await stateMatchesLog(me, g.cardId);
    }
  });

  it("an undo racing a grade of the same card never leaves a state its log does not explain", async () => {
    const me = await learner();
    for (let i = 0; i < ROUNDS; i++) {
      const at = new Date(NOW.getTime() + i * 60_000);
      // A failed grade makes the card come back as a drill; then undo that grade while the drill is graded.
      const first = await input(me, 2, at);
      const graded = await gradeCard(a, me, first, at);
      if (!graded.ok) throw new Error(graded.error);
      const drill: GradeInput = { ...first, quality: 5, expectedVersion: first.expectedVersion + 1, requestId: randomUUID() };
      const [u, g] = await Promise.all([undoGrade(b, me, graded.result.logId, at), gradeCard(a, me, drill, at)]);
      // Whichever went first, the other saw it: never both applied on a stale read.
      expect(u.ok && g.ok).toBe(false);
      await stateMatchesLog(me, first.cardId);
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
