import { z } from "zod";
import { QUIZ_LENGTHS, QUIZ_TOPICS } from "@/lib/core/quiz/types";
import { quizResponseSchema } from "@/lib/core/quiz/check";
import { MATCH_TOPICS } from "@/lib/core/quiz/match";

const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);

export const startQuizSchema = z.strictObject({
  topic: z.enum(QUIZ_TOPICS as [string, ...string[]]),
  length: z.union(QUIZ_LENGTHS.map((n) => z.literal(n)) as unknown as [z.ZodLiteral<5>, z.ZodLiteral<10>, z.ZodLiteral<20>]),
  requestId: z.uuid(),
});

export const answerSchema = z.strictObject({
  attemptId: id,
  position: z.number().int().min(0).max(99),
  response: quizResponseSchema,
  requestId: z.uuid(),
});

export const retrySchema = z.strictObject({ attemptId: id, requestId: z.uuid() });

export const startMatchSchema = z.strictObject({ topic: z.enum(MATCH_TOPICS), requestId: z.uuid() });

const pairId = z.string().regex(/^[a-z]$/);

export const checkMatchSchema = z.strictObject({
  roundId: id,
  // Keys checked against the board by checkPairs; the shape alone is bounded here.
  pairs: z.record(pairId, pairId).refine((p) => Object.keys(p).length <= 10),
  requestId: z.uuid(),
});
