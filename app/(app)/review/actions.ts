"use server";

import { jsonAction } from "@/app/_actions/action";
import { readyDb } from "@/lib/db/client";
import { loadCardContents, loadDayPack } from "@/lib/reviews/day-pack";
import { syncOps } from "@/lib/reviews/sync";
import { cardContentsInputSchema, syncInputSchema } from "@/lib/reviews/schemas";
import { toContentsPayload } from "./client-session";

/**
 * The review screen's outbox: answers and undos given in the browser, in order, each applied once
 * (lib/reviews/sync); the reply is what became of each and the learner's day as it now stands.
 * The learner always comes from the session; ops name only cards and the learner's own answers.
 */
export const syncAction = jsonAction({
  name: "sync",
  session: "required",
  input: syncInputSchema,
  refusal: { results: [], pack: null },
  async run({ user, input }) {
    // Answers kept for another learner: that learner is not signed in here any more.
    if (input.userId !== user.id) return { ok: false as const, error: "unauthorized" as const, results: [], pack: null };
    const db = await readyDb();
    const results = await syncOps(db, user, input.ops, new Date());
    return { ok: true as const, results, pack: await loadDayPack(db, user, new Date()) };
  },
});

/**
 * The text of cards the browser does not hold yet (a pack may name cards it has not seen), with
 * what their typed answers are judged against: the browser judges them itself, online or not.
 */
export const cardContentsAction = jsonAction({
  name: "card-contents",
  session: "required",
  input: cardContentsInputSchema,
  refusal: { cards: [], components: [] },
  async run({ user, input }) {
    return { ok: true as const, ...toContentsPayload(await loadCardContents(await readyDb(), user, input.ids)) };
  },
});

export type SyncActionResult = Awaited<ReturnType<typeof syncAction>>;
