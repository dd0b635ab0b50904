import { z } from "zod";
import { SYNC_BATCH } from "@/lib/core/srs/op-wire";

const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);

/** An answer or undo given in the browser, as its outbox sends it (lib/reviews/sync). */
const epochMs = z.number().int().min(0).max(8_640_000_000_000).transform((ms) => new Date(ms));
const syncOpSchema = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("grade"),
    requestId: z.uuid(),
    cardId: id,
    grade: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]),
    answeredAt: epochMs,
    // A card left on screen for days (an outbox kept offline) is capped, never refused.
    durationMs: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).transform((ms) => Math.min(ms, 10 * 60 * 1000)),
  }),
  z.strictObject({ type: z.literal("undo"), requestId: z.uuid(), target: z.uuid(), at: epochMs }),
]);

/** At most this many ops per request (lib/core/srs/op-wire): a long outbox goes in several, in order. */
export { SYNC_BATCH };

/**
 * `userId` names the learner whose outbox the ops come from (the browser keeps one per learner). It
 * never chooses the learner (the session does); it only lets the server refuse ops that a tab of
 * another account, signed out in this browser since, would otherwise deliver into this one.
 */
export const syncInputSchema = z.strictObject({ userId: id, ops: z.array(syncOpSchema).max(SYNC_BATCH) });

export const cardContentsInputSchema = z.strictObject({ ids: z.array(id).min(1).max(500) });
