import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { readyDb, type Db } from "@/lib/db/client";
import { startQuiz, retryMissed } from "@/lib/quizzes/attempts";
import { answerQuestion } from "@/lib/quizzes/answer";
import { attemptView, recentAttempts } from "@/lib/quizzes/queries";
import { answerSchema } from "@/lib/quizzes/schemas";
import type { QuizResponse } from "@/lib/core/quiz/types";
import type { Learner } from "@/lib/reviews/learner";
import { seedDeck } from "../helpers/deck";
import { makeUser } from "../helpers/users";
import { databaseChecksum } from "../helpers/checksum";

let db: Db;
const NOW = new Date("2026-03-02T02:00:00Z");
const checksum = () => databaseChecksum(process.env.DATABASE_URL!);

beforeAll(async () => {
  db = await readyDb();
  await seedDeck(db);
});

async function learner(): Promise<Learner> {
  const u = await makeUser(db, { timeZone: "Asia/Shanghai" });
  return { id: u.id, timeZone: "Asia/Shanghai", rolloverHour: 4, newPerDay: 20, maxReviewsPerDay: 200 };
}

/** The stored right answer, read the way only the server can. */
async function rightResponse(attemptId: string, position: number): Promise<QuizResponse> {
  const q = await db.quizQuestion.findUniqueOrThrow({ where: { attemptId_position: { attemptId, position } } });
  const answer = JSON.parse(q.answer);
  const type = JSON.parse(q.prompt).type;
  if (type === "choice") return { type, optionId: answer };
  if (type === "ordering") return { type, order: answer };
  if (type === "typed") return { type, text: answer.accepted[0] };
  if (type === "multi") return { type, optionIds: answer };
  return { type, value: answer };
}

function wrongOf(right: QuizResponse, prompt: { options?: { id: string }[] }): QuizResponse {
  if (right.type === "choice") return { type: "choice", optionId: prompt.options!.find((o) => o.id !== right.optionId)!.id };
  if (right.type === "ordering") return { type: "ordering", order: [...right.order].reverse() };
  if (right.type === "typed") return { type: "typed", text: "not a component" };
  if (right.type === "multi") return { type: "multi", optionIds: prompt.options!.map((o) => o.id) };
  if (right.type !== "true-false") throw new Error("unknown type");
  return { type: "true-false", value: !right.value };
}

describe("quizzes", () => {
  it("fixes the questions when an attempt starts, and a repeated start is the same attempt", async () => {
    const me = await learner();
    const requestId = randomUUID();
    const a = await startQuiz(db, me.id, { topic: "mixed", length: 10, requestId }, 42);
    const b = await startQuiz(db, me.id, { topic: "mixed", length: 10, requestId }, 43);
    expect(a).toEqual(b);
    if (!a.ok) throw new Error();
    const view = await attemptView(db, me.id, a.attemptId);
    expect(view?.questions).toHaveLength(10);
    expect(await attemptView(db, me.id, a.attemptId)).toEqual(view);
  });

  it("never shows the answer before it is given, and shows it after", async () => {
    const me = await learner();
    const start = await startQuiz(db, me.id, { topic: "components", length: 5, requestId: randomUUID() }, 7);
    if (!start.ok) throw new Error();
    const before = await attemptView(db, me.id, start.attemptId);
    const json = JSON.stringify(before);
    expect(json).not.toContain('"answer"');
    expect(json).not.toContain("explanation");
    const right = await rightResponse(start.attemptId, 0);
    const out = await answerQuestion(db, me, { attemptId: start.attemptId, position: 0, response: right, requestId: randomUUID() }, NOW);
    expect(out).toMatchObject({ ok: true, feedback: { correct: true } });
    const after = await attemptView(db, me.id, start.attemptId);
    expect(after?.questions[0].feedback?.explanation.en.length).toBeGreaterThan(0);
    expect(after?.questions[1].feedback).toBeNull();
  });

  it("answers once: the same request again gets the same feedback, another answer is refused", async () => {
    const me = await learner();
    const start = await startQuiz(db, me.id, { topic: "networking", length: 5, requestId: randomUUID() }, 9);
    if (!start.ok) throw new Error();
    const right = await rightResponse(start.attemptId, 0);
    const input = { attemptId: start.attemptId, position: 0, response: right, requestId: randomUUID() };
    const [a, b] = await Promise.all([answerQuestion(db, me, input, NOW), answerQuestion(db, me, input, NOW)]);
    expect(a).toEqual(b);
    const prompt = JSON.parse((await db.quizQuestion.findFirstOrThrow({ where: { attemptId: start.attemptId, position: 0 } })).prompt);
    const before = checksum();
    expect(await answerQuestion(db, me, { ...input, requestId: randomUUID(), response: wrongOf(right, prompt) }, NOW)).toEqual({ ok: false, error: "already-answered" });
    expect(checksum()).toBe(before);
  });

  it("another learner cannot read or answer an attempt", async () => {
    const me = await learner();
    const other = await learner();
    const start = await startQuiz(db, me.id, { topic: "cni", length: 5, requestId: randomUUID() }, 3);
    if (!start.ok) throw new Error();
    expect(await attemptView(db, other.id, start.attemptId)).toBeNull();
    const before = checksum();
    const out = await answerQuestion(db, other, { attemptId: start.attemptId, position: 0, response: await rightResponse(start.attemptId, 0), requestId: randomUUID() }, NOW);
    expect(out).toEqual({ ok: false, error: "not-found" });
    expect(checksum()).toBe(before);
  });

  it("a missed question makes the cards behind it due today, logged as quiz, without touching SM-2; a right one changes nothing", async () => {
    const me = await learner();
    const start = await startQuiz(db, me.id, { topic: "components", length: 5, requestId: randomUUID() }, 11);
    if (!start.ok) throw new Error();
    const questions = await db.quizQuestion.findMany({ where: { attemptId: start.attemptId }, orderBy: { position: "asc" } });
    // Every card behind every question has been studied and is due in a week.
    const keys = [...new Set(questions.flatMap((q) => JSON.parse(q.cardKeys) as string[]))];
    const cards = await db.card.findMany({ where: { key: { in: keys } } });
    const later = new Date("2026-03-09T20:00:00Z");
    for (const c of cards) {
      await db.reviewState.create({ data: { userId: me.id, cardId: c.id, repetitions: 3, easiness: 2.36, intervalDays: 15, dueAt: later, lapses: 1 } });
    }
    const q0Keys = JSON.parse(questions[0].cardKeys) as string[];
    const right0 = await rightResponse(start.attemptId, 0);
    const miss = await answerQuestion(db, me, { attemptId: start.attemptId, position: 0, response: wrongOf(right0, JSON.parse(questions[0].prompt)), requestId: randomUUID() }, NOW);
    expect(miss).toMatchObject({ ok: true, feedback: { correct: false, answer: right0.type === "choice" ? right0.optionId : expect.anything() } });

    const moved = await db.reviewState.findMany({ where: { userId: me.id, card: { key: { in: q0Keys } } } });
    expect(moved.length).toBeGreaterThan(0);
    for (const s of moved) expect(s).toMatchObject({ dueAt: NOW, repetitions: 3, easiness: 2.36, intervalDays: 15, lapses: 1 });
    expect(await db.reviewLog.count({ where: { userId: me.id, origin: "quiz", kind: "quiz" } })).toBe(moved.length);

    const untouchedBefore = await db.reviewState.count({ where: { userId: me.id, dueAt: later } });
    await answerQuestion(db, me, { attemptId: start.attemptId, position: 1, response: await rightResponse(start.attemptId, 1), requestId: randomUUID() }, NOW);
    expect(await db.reviewState.count({ where: { userId: me.id, dueAt: later } })).toBe(untouchedBefore);
  });

  it("closes a finished attempt with its score, then retries the missed questions", async () => {
    const me = await learner();
    const start = await startQuiz(db, me.id, { topic: "overview", length: 5, requestId: randomUUID() }, 5);
    if (!start.ok) throw new Error();
    const qs = await db.quizQuestion.findMany({ where: { attemptId: start.attemptId }, orderBy: { position: "asc" } });
    let last;
    for (const q of qs) {
      const right = await rightResponse(start.attemptId, q.position);
      const response = q.position < 2 ? wrongOf(right, JSON.parse(q.prompt)) : right;
      last = await answerQuestion(db, me, { attemptId: start.attemptId, position: q.position, response, requestId: randomUUID() }, NOW);
    }
    expect(last).toMatchObject({ ok: true, feedback: { finished: true, score: qs.length - 2 } });
    const history = await recentAttempts(db, me.id);
    expect(history[0]).toMatchObject({ id: start.attemptId, topic: "overview", score: qs.length - 2, answered: qs.length });

    const retry = await retryMissed(db, me.id, { attemptId: start.attemptId, requestId: randomUUID() });
    if (!retry.ok) throw new Error(retry.error);
    const view = await attemptView(db, me.id, retry.attemptId);
    expect(view?.questions.map((q) => q.question)).toEqual(qs.slice(0, 2).map((q) => JSON.parse(q.prompt)));
    expect(view?.retryOfId).toBe(start.attemptId);
  });

  it("refuses malformed answers at the schema", () => {
    const good = { attemptId: "a1", position: 0, response: { type: "choice", optionId: "a" }, requestId: randomUUID() };
    expect(answerSchema.safeParse(good).success).toBe(true);
    for (const bad of [
      { ...good, position: -1 },
      { ...good, position: 1.5 },
      { ...good, response: { type: "choice" } },
      { ...good, response: { type: "choice", optionId: "x".repeat(100) } },
      { ...good, response: { type: "ordering", order: Array(50).fill("a") } },
      { ...good, userId: "x" },
      { ...good, attemptId: "../../etc" },
    ]) {
      expect(answerSchema.safeParse(bad).success).toBe(false);
    }
  });
});
