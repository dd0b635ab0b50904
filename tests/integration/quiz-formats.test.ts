import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { readyDb, type Db } from "@/lib/db/client";
import { startQuiz, retryMissed } from "@/lib/quizzes/attempts";
import { answerQuestion } from "@/lib/quizzes/answer";
import { attemptView } from "@/lib/quizzes/queries";
import { answerSchema } from "@/lib/quizzes/schemas";
import type { Learner } from "@/lib/reviews/learner";
import { seedDeck } from "../helpers/deck";
import { makeUser } from "../helpers/users";
import { databaseChecksum } from "../helpers/checksum";

let db: Db;
const NOW = new Date("2026-03-02T02:00:00Z");
const LATER = new Date("2026-03-09T20:00:00Z");
const checksum = () => databaseChecksum(process.env.DATABASE_URL!);

beforeAll(async () => {
  db = await readyDb();
  await seedDeck(db);
});

async function learner(): Promise<Learner> {
  const u = await makeUser(db, { timeZone: "Asia/Shanghai" });
  return { id: u.id, timeZone: "Asia/Shanghai", rolloverHour: 4, newPerDay: 20, maxReviewsPerDay: 200 };
}

/** A 20-question components quiz: long enough to hold every new kind. */
async function componentsQuiz(me: Learner) {
  const start = await startQuiz(db, me.id, { topic: "components", length: 20, requestId: randomUUID() }, 4242);
  if (!start.ok) throw new Error(start.error);
  const rows = await db.quizQuestion.findMany({ where: { attemptId: start.attemptId }, orderBy: { position: "asc" } });
  const of = (kind: string) => {
    const row = rows.find((r) => r.kind === kind);
    if (!row) throw new Error(`no ${kind} question in the quiz`);
    return { row, prompt: JSON.parse(row.prompt), answer: JSON.parse(row.answer), cardKeys: JSON.parse(row.cardKeys) as string[] };
  };
  return { attemptId: start.attemptId, rows, of };
}

/** Every card of the deck studied and due in a week, so a miss visibly moves some to today. */
async function studyEverything(me: Learner) {
  const cards = await db.card.findMany({ where: { retiredAt: null } });
  await db.reviewState.createMany({ data: cards.map((c) => ({ userId: me.id, cardId: c.id, repetitions: 3, easiness: 2.5, intervalDays: 15, dueAt: LATER })) });
}
const dueNowKeys = async (me: Learner) =>
  (await db.reviewState.findMany({ where: { userId: me.id, dueAt: NOW }, include: { card: { select: { key: true } } } })).map((s) => s.card.key);

describe("typed and select-all questions on the server", () => {
  it("sends neither answers, accepted names, rivals nor confusions before answering", async () => {
    const me = await learner();
    const quiz = await componentsQuiz(me);
    const typed = quiz.of("typed-component");
    const view = await attemptView(db, me.id, quiz.attemptId);
    const json = JSON.stringify(view);
    for (const word of ['"answer"', "accepted", "rivals", "confusions", "cardKeys", "explanation"]) expect(json).not.toContain(word);
    // The typed question's payload names no component (the prompt quotes the duty, never the name).
    const own = JSON.stringify(view?.questions[typed.row.position].question).toLowerCase();
    for (const name of typed.answer.accepted as string[]) expect(own).not.toContain(name.toLowerCase());
    expect(json).toContain('"type":"typed"');
    expect(json).toContain('"type":"multi"');
  });

  it("accepts an alias typed as pinyin or with a typo, shows the comparison, and answers once", async () => {
    const me = await learner();
    const quiz = await componentsQuiz(me);
    const typed = quiz.of("typed-component");
    const name: string = typed.answer.expected.en;
    const text = `${name.toUpperCase()}x`.replace(/-/g, " ");
    const input = { attemptId: quiz.attemptId, position: typed.row.position, response: { type: "typed" as const, text }, requestId: randomUUID() };
    const [a, b] = await Promise.all([answerQuestion(db, me, input, NOW), answerQuestion(db, me, input, NOW)]);
    expect(a).toEqual(b);
    expect(a).toMatchObject({ ok: true, feedback: { correct: true, comparison: { target: name } } });
    if (!a.ok) throw new Error();
    expect(a.feedback.comparison!.parts.some((p) => p.op === "extra")).toBe(true);
    const before = checksum();
    expect(await answerQuestion(db, me, { ...input, requestId: randomUUID(), response: { type: "typed", text: "etcd" } }, NOW)).toEqual({ ok: false, error: "already-answered" });
    expect(checksum()).toBe(before);
    // A reload shows the same feedback.
    const view = await attemptView(db, me.id, quiz.attemptId);
    expect(view?.questions[typed.row.position].feedback).toEqual(a.feedback);
  });

  it("typing another component's name is a confusion: both components' cards come back, the explanation contrasts them", async () => {
    const me = await learner();
    await studyEverything(me);
    const quiz = await componentsQuiz(me);
    const typed = quiz.of("typed-component");
    const rival = (typed.answer.rivals as Array<{ id: string; names: string[] }>)[0];
    const out = await answerQuestion(db, me, { attemptId: quiz.attemptId, position: typed.row.position, response: { type: "typed", text: rival.names[0] }, requestId: randomUUID() }, NOW);
    expect(out).toMatchObject({ ok: true, feedback: { correct: false } });
    if (!out.ok) throw new Error();
    const due = await dueNowKeys(me);
    expect(due.filter((k) => k.startsWith(`component:${rival.id}:`)).length).toBeGreaterThan(0);
    expect(due.filter((k) => typed.cardKeys.includes(k)).length).toBe(typed.cardKeys.length);
    // Nothing else was moved.
    expect(due.every((k) => k.startsWith(`component:${rival.id}:`) || typed.cardKeys.includes(k))).toBe(true);
    expect(out.feedback.explanation.en).toMatch(/ is not /);
    expect(out.feedback.explanation.zh).toContain("不同");
  });

  it("a wrong option picked for a duty brings back both components' cards", async () => {
    const me = await learner();
    await studyEverything(me);
    const quiz = await componentsQuiz(me);
    const q = quiz.of("duty-to-component");
    const wrong = (q.prompt.options as Array<{ id: string }>).find((o) => o.id !== q.answer)!;
    const out = await answerQuestion(db, me, { attemptId: quiz.attemptId, position: q.row.position, response: { type: "choice", optionId: wrong.id }, requestId: randomUUID() }, NOW);
    expect(out).toMatchObject({ ok: true, feedback: { correct: false } });
    const due = await dueNowKeys(me);
    const components = new Set(due.map((k) => k.split(":")[1]));
    expect(components.size).toBe(2);
    expect(components.has(q.row.explanation && JSON.parse(q.row.explanation).factId)).toBe(true);
  });

  it("scores select-all all-or-nothing and reveals the right set only after answering", async () => {
    const me = await learner();
    const quiz = await componentsQuiz(me);
    const multis = quiz.rows.filter((r) => JSON.parse(r.prompt).type === "multi");
    expect(multis.length).toBeGreaterThanOrEqual(2);
    const [first, second] = multis.map((r) => ({ row: r, answer: JSON.parse(r.answer) as string[] }));
    const almost = await answerQuestion(db, me, { attemptId: quiz.attemptId, position: first.row.position, response: { type: "multi", optionIds: first.answer.slice(1) }, requestId: randomUUID() }, NOW);
    expect(almost).toMatchObject({ ok: true, feedback: { correct: false, answer: first.answer } });
    const right = await answerQuestion(db, me, { attemptId: quiz.attemptId, position: second.row.position, response: { type: "multi", optionIds: [...second.answer].reverse() }, requestId: randomUUID() }, NOW);
    expect(right).toMatchObject({ ok: true, feedback: { correct: true } });
  });

  it("retries a missed typed question as a typed question", async () => {
    const me = await learner();
    const quiz = await componentsQuiz(me);
    for (const r of quiz.rows) {
      const type = JSON.parse(r.prompt).type;
      const response = type === "typed" ? { type, text: "nope" } : type === "multi" ? { type, optionIds: ["a"] } : type === "choice" ? { type, optionId: "zz" } : type === "ordering" ? { type, order: ["a"] } : { type, value: !JSON.parse(r.answer) };
      await answerQuestion(db, me, { attemptId: quiz.attemptId, position: r.position, response: answerSchema.parse({ attemptId: "x", position: 0, response, requestId: randomUUID() }).response, requestId: randomUUID() }, NOW);
    }
    const retry = await retryMissed(db, me.id, { attemptId: quiz.attemptId, requestId: randomUUID() });
    if (!retry.ok) throw new Error(retry.error);
    const view = await attemptView(db, me.id, retry.attemptId);
    expect(view?.questions.some((q) => q.question.type === "typed")).toBe(true);
  });

  it("another learner can neither read nor answer, and bad typed input is refused at the schema", async () => {
    const me = await learner();
    const other = await learner();
    const quiz = await componentsQuiz(me);
    const typed = quiz.of("typed-component");
    const before = checksum();
    expect(await answerQuestion(db, other, { attemptId: quiz.attemptId, position: typed.row.position, response: { type: "typed", text: typed.answer.accepted[0] }, requestId: randomUUID() }, NOW)).toEqual({ ok: false, error: "not-found" });
    expect(checksum()).toBe(before);
    const good = { attemptId: "a1", position: 0, response: { type: "typed", text: "kubelet" }, requestId: randomUUID() };
    expect(answerSchema.safeParse(good).success).toBe(true);
    for (const response of [{ type: "typed", text: "x".repeat(500) }, { type: "typed" }, { type: "multi", optionIds: [1] }, { type: "multi", optionIds: "a" }]) {
      expect(answerSchema.safeParse({ ...good, response }).success, JSON.stringify(response)).toBe(false);
    }
  });
});
