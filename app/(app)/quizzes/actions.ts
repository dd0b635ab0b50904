"use server";

import { jsonAction } from "@/app/_actions/action";
import { readyDb } from "@/lib/db/client";
import { retryMissed, startQuiz } from "@/lib/quizzes/attempts";
import { answerQuestion } from "@/lib/quizzes/answer";
import { answerSchema, retrySchema, startQuizSchema } from "@/lib/quizzes/schemas";
import type { QuizTopic } from "@/lib/core/quiz/types";

/** Starts (or, for a repeated request id, finds) an attempt; the learner comes from the session. */
export const startQuizAction = jsonAction({
  name: "start-quiz",
  session: "required",
  input: startQuizSchema,
  run: async ({ user, input }) => startQuiz(await readyDb(), user.id, { ...input, topic: input.topic as QuizTopic }),
});

export const answerAction = jsonAction({
  name: "answer",
  session: "required",
  input: answerSchema,
  run: async ({ user, input }) => answerQuestion(await readyDb(), user, input, new Date()),
});

export const retryMissedAction = jsonAction({
  name: "retry-missed",
  session: "required",
  input: retrySchema,
  run: async ({ user, input }) => retryMissed(await readyDb(), user.id, input),
});
