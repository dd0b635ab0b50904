"use server";

import { RateLimiterMemory } from "rate-limiter-flexible";
import { currentUser } from "@/app/_auth/current-user";
import { readyDb } from "@/lib/db/client";
import { gradeCard } from "@/lib/reviews/grade";
import { undoGrade } from "@/lib/reviews/undo";
import { gradeInputSchema, undoInputSchema } from "@/lib/reviews/schemas";
import { toClientSession, type ClientSession } from "./client-session";

// A flood guard, far above any human pace (one grade every 200 ms for a minute). It is per
// process on purpose: a learner's requests reach one server at a time, and a miss costs nothing.
const gradeLimiter = new RateLimiterMemory({ keyPrefix: "grade", points: 300, duration: 60 });

export type ReviewActionResult =
  | { ok: true; session: ClientSession }
  | { ok: false; error: "unauthorized" | "badInput" | "rate-limited" | "conflict" | "not-in-queue" | "not-found" | "not-last"; session: ClientSession | null };

/** The learner always comes from the session; the input names only the card and the grade. */
export async function gradeAction(raw: unknown): Promise<ReviewActionResult> {
  const user = await currentUser();
  if (!user) return { ok: false, error: "unauthorized", session: null };
  const input = gradeInputSchema.safeParse(raw);
  if (!input.success) return { ok: false, error: "badInput", session: null };
  try {
    await gradeLimiter.consume(user.id);
  } catch {
    return { ok: false, error: "rate-limited", session: null };
  }
  const out = await gradeCard(await readyDb(), user, input.data, new Date());
  if (!out.ok) return { ok: false, error: out.error, session: out.session && toClientSession(out.session) };
  return { ok: true, session: toClientSession(out.session) };
}

export async function undoAction(raw: unknown): Promise<ReviewActionResult> {
  const user = await currentUser();
  if (!user) return { ok: false, error: "unauthorized", session: null };
  const input = undoInputSchema.safeParse(raw);
  if (!input.success) return { ok: false, error: "badInput", session: null };
  const out = await undoGrade(await readyDb(), user, input.data.logId, new Date());
  if (!out.ok) return { ok: false, error: out.error, session: out.session && toClientSession(out.session) };
  return { ok: true, session: toClientSession(out.session) };
}
