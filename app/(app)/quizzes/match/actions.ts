"use server";

import { jsonAction } from "@/app/_actions/action";
import { readyDb } from "@/lib/db/client";
import { checkMatch, startMatch } from "@/lib/quizzes/match";
import { checkMatchSchema, startMatchSchema } from "@/lib/quizzes/schemas";

/** Starts (or, for a repeated request id, finds) a Match round; the learner comes from the session. */
export const startMatchAction = jsonAction({
  name: "start-match",
  session: "required",
  input: startMatchSchema,
  run: async ({ user, input }) => startMatch(await readyDb(), user.id, input, new Date()),
});

export const checkMatchAction = jsonAction({
  name: "check-match",
  session: "required",
  input: checkMatchSchema,
  run: async ({ user, input }) => checkMatch(await readyDb(), user.id, input, new Date()),
});
