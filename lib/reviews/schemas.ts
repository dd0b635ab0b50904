import { z } from "zod";

const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);

export const gradeInputSchema = z.strictObject({
  cardId: id,
  quality: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]),
  expectedVersion: z.number().int().min(0).max(1_000_000_000),
  requestId: z.uuid(),
  // Time on the card; a tab left open for hours is capped rather than refused.
  durationMs: z.number().int().min(0).max(24 * 3600 * 1000).transform((ms) => Math.min(ms, 10 * 60 * 1000)),
});

export const undoInputSchema = z.strictObject({ logId: id });

/** What the learner typed for a review card; checked on the server (lib/reviews/type-in). */
export const typeInInputSchema = z.strictObject({ cardId: id, text: z.string().max(120) });
