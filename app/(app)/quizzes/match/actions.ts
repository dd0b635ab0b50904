"use server";

import { currentUser } from "@/app/_auth/current-user";
import { readyDb } from "@/lib/db/client";
import { checkMatch, startMatch, type CheckOutcome } from "@/lib/quizzes/match";
import { checkMatchSchema, startMatchSchema } from "@/lib/quizzes/schemas";

type Fail<E extends string> = { ok: false; error: "unauthorized" | "badInput" | E };

/** Starts (or, for a repeated request id, finds) a Match round; the learner comes from the session. */
export async function startMatchAction(raw: unknown): Promise<{ ok: true; roundId: string } | Fail<"no-deck" | "no-pairs">> {
  const user = await currentUser();
  if (!user) return { ok: false, error: "unauthorized" };
  const input = startMatchSchema.safeParse(raw);
  if (!input.success) return { ok: false, error: "badInput" };
  return startMatch(await readyDb(), user.id, input.data, new Date());
}

export async function checkMatchAction(raw: unknown): Promise<CheckOutcome | Fail<never>> {
  const user = await currentUser();
  if (!user) return { ok: false, error: "unauthorized" };
  const input = checkMatchSchema.safeParse(raw);
  if (!input.success) return { ok: false, error: "badInput" };
  return checkMatch(await readyDb(), user.id, input.data, new Date());
}
