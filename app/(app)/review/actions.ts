"use server";

import { currentUser } from "@/app/_auth/current-user";
import { readyDb } from "@/lib/db/client";
import { gradeCard } from "@/lib/reviews/grade";
import { undoGrade } from "@/lib/reviews/undo";
import { gradeInputSchema, undoInputSchema } from "@/lib/reviews/schemas";
import { toClientSession, type ClientSession } from "./client-session";

export type ReviewActionResult =
  | { ok: true; session: ClientSession }
  | { ok: false; error: "unauthorized" | "badInput" | "conflict" | "not-in-queue" | "not-found" | "not-last"; session: ClientSession | null };

/** The learner always comes from the session; the input names only the card and the grade. */
export async function gradeAction(raw: unknown): Promise<ReviewActionResult> {
  const user = await currentUser();
  if (!user) return { ok: false, error: "unauthorized", session: null };
  const input = gradeInputSchema.safeParse(raw);
  if (!input.success) return { ok: false, error: "badInput", session: null };
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
