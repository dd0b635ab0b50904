import { z } from "zod";
import { judgeTyped } from "./typed";
import type { PublicQuestion, Question, QuizResponse } from "./types";

/** All-or-nothing: exactly the right options, each once. */
function sameSet(picked: string[], right: string[]): boolean {
  return new Set(picked).size === picked.length && picked.length === right.length && right.every((id) => picked.includes(id));
}

export function checkAnswer(q: Question, response: QuizResponse): boolean {
  switch (q.type) {
    case "choice":
      return response.type === "choice" && response.optionId === q.answer;
    case "ordering":
      return (
        response.type === "ordering" &&
        response.order.length === q.answer.length &&
        response.order.every((id, i) => id === q.answer[i])
      );
    case "true-false":
      return response.type === "true-false" && response.value === q.answer;
    case "typed":
      return response.type === "typed" && judgeTyped(q.answer, response.text).correct;
    case "multi":
      return response.type === "multi" && sameSet(response.optionIds, q.answer);
  }
}

/** What the browser may see before answering: fields are copied one by one so nothing new leaks. */
export function toPublic(q: Question): PublicQuestion {
  const common = { kind: q.kind, topic: q.topic, prompt: { ...q.prompt } };
  switch (q.type) {
    case "choice":
      return { ...common, type: "choice", options: q.options.map((o) => ({ id: o.id, text: { ...o.text } })) };
    case "ordering":
      return { ...common, type: "ordering", items: q.items.map((o) => ({ id: o.id, text: { ...o.text } })) };
    case "true-false":
      return { ...common, type: "true-false" };
    case "typed":
      return { ...common, type: "typed" };
    case "multi":
      return { ...common, type: "multi", options: q.options.map((o) => ({ id: o.id, text: { ...o.text } })) };
  }
}

const optionId = z.string().min(1).max(16);

/** Untrusted responses (request bodies) are parsed with this before checkAnswer. */
export const quizResponseSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("choice"), optionId }),
  z.strictObject({ type: z.literal("ordering"), order: z.array(optionId).min(1).max(10) }),
  z.strictObject({ type: z.literal("true-false"), value: z.boolean() }),
  z.strictObject({ type: z.literal("typed"), text: z.string().max(120) }),
  z.strictObject({ type: z.literal("multi"), optionIds: z.array(optionId).max(10) }),
]);

// The schema and the QuizResponse type must not drift apart.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesType: Same<z.infer<typeof quizResponseSchema>, QuizResponse> = true;
void schemaMatchesType;
