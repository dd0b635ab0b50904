import { randomInt } from "node:crypto";
import { isUniqueViolation, type Db } from "@/lib/db/client";
import { generateQuiz } from "@/lib/core/quiz/generate";
import { toPublic } from "@/lib/core/quiz/check";
import type { Question, QuizTopic } from "@/lib/core/quiz/types";
import { loadCompiledDeck } from "./deck-source";

export type StartOutcome = { ok: true; attemptId: string } | { ok: false; error: "no-deck" | "no-questions" };

interface StoredQuestion {
  kind: string;
  topic: string;
  prompt: string;
  answer: string;
  explanation: string;
  cardKeys: string;
}

/** Splits a generated question into what the learner may see now and what stays on the server. */
function toStored(q: Question): StoredQuestion {
  return {
    kind: q.kind,
    topic: q.topic,
    prompt: JSON.stringify(toPublic(q)),
    answer: JSON.stringify(q.answer),
    explanation: JSON.stringify({ explanation: q.explanation, source: q.source, factId: q.factId, confusions: q.confusions ?? [] }),
    cardKeys: JSON.stringify(q.cardKeys),
  };
}

async function createAttempt(
  db: Db,
  userId: string,
  data: { topic: string; seed: number; requestId: string; retryOfId?: string },
  questions: StoredQuestion[],
): Promise<string> {
  try {
    const attempt = await db.quizAttempt.create({
      data: {
        userId,
        topic: data.topic,
        length: questions.length,
        seed: data.seed,
        requestId: data.requestId,
        retryOfId: data.retryOfId,
        questions: { create: questions.map((q, position) => ({ ...q, position })) },
      },
      select: { id: true },
    });
    return attempt.id;
  } catch (e) {
    // A double-clicked Start: the first attempt stands.
    if (!isUniqueViolation(e)) throw e;
    const first = await db.quizAttempt.findUniqueOrThrow({ where: { userId_requestId: { userId, requestId: data.requestId } }, select: { id: true } });
    return first.id;
  }
}

/** Creates an attempt with its questions fixed, so a reload continues it instead of reshuffling. */
export async function startQuiz(
  db: Db,
  userId: string,
  input: { topic: QuizTopic; length: number; requestId: string },
  seed = randomInt(2 ** 31),
): Promise<StartOutcome> {
  const existing = await db.quizAttempt.findUnique({ where: { userId_requestId: { userId, requestId: input.requestId } }, select: { id: true } });
  if (existing) return { ok: true, attemptId: existing.id };
  const deck = await loadCompiledDeck(db);
  if (!deck) return { ok: false, error: "no-deck" };
  const questions = generateQuiz(deck, { topic: input.topic, length: input.length, seed });
  if (!questions.length) return { ok: false, error: "no-questions" };
  return { ok: true, attemptId: await createAttempt(db, userId, { topic: input.topic, seed, requestId: input.requestId }, questions.map(toStored)) };
}

/** A new attempt made of the questions the learner missed in a finished one. */
export async function retryMissed(
  db: Db,
  userId: string,
  input: { attemptId: string; requestId: string },
): Promise<{ ok: true; attemptId: string } | { ok: false; error: "not-found" | "not-finished" | "nothing-missed" }> {
  const attempt = await db.quizAttempt.findFirst({
    where: { id: input.attemptId, userId },
    include: { questions: { where: { correct: false }, orderBy: { position: "asc" } } },
  });
  if (!attempt) return { ok: false, error: "not-found" };
  if (!attempt.finishedAt) return { ok: false, error: "not-finished" };
  if (!attempt.questions.length) return { ok: false, error: "nothing-missed" };
  const questions = attempt.questions.map(({ kind, topic, prompt, answer, explanation, cardKeys }) => ({ kind, topic, prompt, answer, explanation, cardKeys }));
  const attemptId = await createAttempt(db, userId, { topic: attempt.topic, seed: attempt.seed, requestId: input.requestId, retryOfId: attempt.id }, questions);
  return { ok: true, attemptId };
}
