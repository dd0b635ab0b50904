"use server";

import { jsonAction } from "@/app/_actions/action";
import { readyDb } from "@/lib/db/client";
import { gradeCard } from "@/lib/reviews/grade";
import { undoGrade } from "@/lib/reviews/undo";
import { gradeInputSchema, typeInInputSchema, undoInputSchema } from "@/lib/reviews/schemas";
import { checkTypeIn } from "@/lib/reviews/type-in";
import { toClientSession, type ClientSession } from "./client-session";

type Outcome = { ok: true; session: ClientSession } | { ok: false; error: "conflict" | "not-in-queue" | "not-found" | "not-last"; session: ClientSession | null };

/** The learner always comes from the session; the input names only the card and the grade. */
export const gradeAction = jsonAction({
  name: "grade",
  session: "required",
  input: gradeInputSchema,
  refusal: { session: null },
  async run({ user, input }): Promise<Outcome> {
    const out = await gradeCard(await readyDb(), user, input, new Date());
    if (!out.ok) return { ok: false, error: out.error, session: out.session && toClientSession(out.session) };
    return { ok: true, session: toClientSession(out.session) };
  },
});

export const undoAction = jsonAction({
  name: "undo",
  session: "required",
  input: undoInputSchema,
  refusal: { session: null },
  async run({ user, input }): Promise<Outcome> {
    const out = await undoGrade(await readyDb(), user, input.logId, new Date());
    if (!out.ok) return { ok: false, error: out.error, session: out.session && toClientSession(out.session) };
    return { ok: true, session: toClientSession(out.session) };
  },
});

/** Compares a typed answer with the card's; writes nothing (the grade is still the learner's). */
export const checkTypedAction = jsonAction({
  name: "check-typed",
  session: "required",
  input: typeInInputSchema,
  run: async ({ input }) => checkTypeIn(await readyDb(), input.cardId, input.text),
});

export type ReviewActionResult = Awaited<ReturnType<typeof gradeAction>>;
