"use server";

import { currentUser } from "@/app/_auth/current-user";
import { readyDb } from "@/lib/db/client";
import { retryMissed, startQuiz } from "@/lib/quizzes/attempts";
import { answerQuestion, type Feedback } from "@/lib/quizzes/answer";
import { answerSchema, retrySchema, startQuizSchema } from "@/lib/quizzes/schemas";
import type { QuizTopic } from "@/lib/core/quiz/types";

type Fail<E extends string> = { ok: false; error: "unauthorized" | "badInput" | E };

/** Starts (or, for a repeated request id, finds) an attempt; the learner comes from the session. */
export async function startQuizAction(raw: unknown): Promise<{ ok: true; attemptId: string } | Fail<"no-deck" | "no-questions">> {
  const user = await currentUser();
  if (!user) return { ok: false, error: "unauthorized" };
  const input = startQuizSchema.safeParse(raw);
  if (!input.success) return { ok: false, error: "badInput" };
  return startQuiz(await readyDb(), user.id, { ...input.data, topic: input.data.topic as QuizTopic });
}

export async function answerAction(raw: unknown): Promise<{ ok: true; feedback: Feedback } | Fail<"not-found" | "closed" | "already-answered">> {
  const user = await currentUser();
  if (!user) return { ok: false, error: "unauthorized" };
  const input = answerSchema.safeParse(raw);
  if (!input.success) return { ok: false, error: "badInput" };
  return answerQuestion(await readyDb(), user, input.data, new Date());
}

export async function retryMissedAction(raw: unknown): Promise<{ ok: true; attemptId: string } | Fail<"not-found" | "not-finished" | "nothing-missed">> {
  const user = await currentUser();
  if (!user) return { ok: false, error: "unauthorized" };
  const input = retrySchema.safeParse(raw);
  if (!input.success) return { ok: false, error: "badInput" };
  return retryMissed(await readyDb(), user.id, input.data);
}
