import { describe, expect, it } from "vitest";
import { checkAnswer, quizResponseSchema, toPublic } from "@/lib/core/quiz/check";
import type { Question, QuizResponse } from "@/lib/core/quiz/types";
import { describeQ, sampleQuestions } from "./deck";

const questions = sampleQuestions(30);

function rightResponse(q: Question): QuizResponse {
  switch (q.type) {
    case "choice":
      return { type: "choice", optionId: q.answer };
    case "ordering":
      return { type: "ordering", order: [...q.answer] };
    case "true-false":
      return { type: "true-false", value: q.answer };
    case "typed":
      return { type: "typed", text: q.answer.accepted[0] };
    case "multi":
      return { type: "multi", optionIds: [...q.answer] };
  }
}

function* wrongResponses(q: Question): Generator<QuizResponse> {
  switch (q.type) {
    case "choice":
      for (const o of q.options) if (o.id !== q.answer) yield { type: "choice", optionId: o.id };
      yield { type: "choice", optionId: "zz" };
      break;
    case "ordering":
      // Every swap of two items, the items as shown, and too short / too long orders.
      for (let i = 0; i < q.answer.length; i++) {
        for (let j = i + 1; j < q.answer.length; j++) {
          const order = [...q.answer];
          [order[i], order[j]] = [order[j], order[i]];
          yield { type: "ordering", order };
        }
      }
      yield { type: "ordering", order: q.items.map((i) => i.id) };
      yield { type: "ordering", order: q.answer.slice(0, -1) };
      yield { type: "ordering", order: [...q.answer, q.answer[0]] };
      break;
    case "true-false":
      yield { type: "true-false", value: !q.answer };
      break;
    case "typed":
      // Another component's name, and nothing at all.
      for (const r of q.answer.rivals) yield { type: "typed", text: r.names[0] };
      yield { type: "typed", text: "" };
      break;
    case "multi":
      // All or nothing: one right option left out, one wrong option added, everything, a repeat.
      for (const id of q.answer) yield { type: "multi", optionIds: q.answer.filter((x) => x !== id) };
      for (const o of q.options) if (!q.answer.includes(o.id)) yield { type: "multi", optionIds: [...q.answer, o.id] };
      yield { type: "multi", optionIds: q.options.map((o) => o.id) };
      yield { type: "multi", optionIds: [...q.answer, q.answer[0]] };
      break;
  }
  // A response of another type never counts, even one that would be right for its own type.
  if (q.type !== "choice") yield { type: "choice", optionId: "a" };
  if (q.type !== "ordering") yield { type: "ordering", order: ["a", "b", "c"] };
  if (q.type !== "true-false") {
    yield { type: "true-false", value: true };
    yield { type: "true-false", value: false };
  }
}

describe("checkAnswer", () => {
  it("accepts exactly the right response", () => {
    expect(questions.length).toBeGreaterThan(100);
    for (const q of questions) {
      expect(checkAnswer(q, rightResponse(q)), describeQ(q)).toBe(true);
      for (const wrong of wrongResponses(q)) expect(checkAnswer(q, wrong), `${describeQ(q)} ${JSON.stringify(wrong)}`).toBe(false);
    }
  });
});

describe("toPublic", () => {
  it("keeps what the learner needs and nothing that gives the answer away", () => {
    for (const q of questions) {
      const pub = toPublic(q);
      const json = JSON.stringify(pub);
      for (const field of ["answer", "explanation", "cardKeys", "source", "factId", "confusions", "accepted", "rivals"]) {
        expect(json).not.toContain(`"${field}"`);
        expect(Object.keys(pub)).not.toContain(field);
      }
      expect(json).not.toContain(q.explanation.en);
      expect(json).not.toContain(q.explanation.zh);
      expect(pub.prompt).toEqual(q.prompt);
      expect(pub.kind).toBe(q.kind);
      expect(pub.topic).toBe(q.topic);
      if (q.type === "choice" && pub.type === "choice") expect(pub.options).toEqual(q.options);
      if (q.type === "ordering" && pub.type === "ordering") expect(pub.items).toEqual(q.items);
      if (q.type === "multi" && pub.type === "multi") expect(pub.options).toEqual(q.options);
      if (q.type === "typed") for (const name of q.answer.accepted) expect(json.toLowerCase()).not.toContain(`"${name.toLowerCase()}"`);
      expect(pub.type).toBe(q.type);
    }
  });

  it("does not share objects with the question", () => {
    const q = questions.find((x) => x.type === "choice")!;
    const pub = toPublic(q);
    if (pub.type !== "choice" || q.type !== "choice") throw new Error("expected a choice question");
    pub.options[0].text.en = "changed";
    pub.prompt.en = "changed";
    expect(q.options[0].text.en).not.toBe("changed");
    expect(q.prompt.en).not.toBe("changed");
  });
});

describe("quizResponseSchema", () => {
  it("accepts well-formed responses", () => {
    for (const r of [
      { type: "choice", optionId: "a" },
      { type: "ordering", order: ["c", "a", "b", "e", "d"] },
      { type: "true-false", value: false },
      { type: "typed", text: "kube-scheduler" },
      { type: "multi", optionIds: ["a", "c"] },
    ]) {
      expect(quizResponseSchema.parse(r)).toEqual(r);
    }
    for (const q of questions) expect(quizResponseSchema.safeParse(rightResponse(q)).success).toBe(true);
  });

  it("rejects anything else", () => {
    const bad: unknown[] = [
      null,
      "a",
      {},
      { type: "choice" },
      { type: "choice", optionId: "" },
      { type: "choice", optionId: "x".repeat(17) },
      { type: "choice", optionId: 1 },
      { type: "choice", optionId: "a", extra: true },
      { type: "ordering", order: [] },
      { type: "ordering", order: Array.from({ length: 11 }, (_, i) => `i${i}`) },
      { type: "ordering", order: ["a", 2] },
      { type: "ordering", order: "a,b" },
      { type: "true-false", value: "true" },
      { type: "true-false", value: true, answer: true },
      { type: "essay", text: "hi" },
      { type: "typed", text: "x".repeat(121) },
      { type: "typed", text: 3 },
      { type: "multi", optionIds: "a" },
      { type: "multi", optionIds: Array.from({ length: 11 }, (_, i) => `i${i}`) },
    ];
    for (const r of bad) expect(quizResponseSchema.safeParse(r).success, JSON.stringify(r)).toBe(false);
  });
});
