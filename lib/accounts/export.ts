import type { Db } from "@/lib/db/client";

/** Bumped when the shape of the export changes. */
export const EXPORT_FORMAT = { name: "kubecards-learner-export", version: 1 } as const;

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Everything the app keeps about one learner, as plain JSON: the profile (without the password
 * hash or the session version), settings, review states and the full review log (with card keys,
 * which stay stable across deck recompiles), quiz attempts with their questions and answers, and
 * Match rounds with their times.
 * Read in one transaction, so the parts agree with each other. Null when there is no such learner.
 *
 * A question's correct answer is included once it was answered (the quiz reveals it then); an
 * open question's answer stays on the server, as it does on the quiz page, and so does an open
 * attempt's seed.
 */
export async function exportLearnerData(db: Db, userId: string, now = new Date()) {
  const [user, states, logs, attempts, switches, rounds] = await db.$transaction([
    db.user.findUnique({
      where: { id: userId },
      select: {
        id: true, email: true, name: true, locale: true, timeZone: true, rolloverHour: true,
        newPerDay: true, maxReviewsPerDay: true, algorithm: true, desiredRetention: true, createdAt: true, updatedAt: true,
      },
    }),
    db.reviewState.findMany({
      where: { userId },
      orderBy: [{ introducedAt: "asc" }, { id: "asc" }],
      select: {
        repetitions: true, easiness: true, intervalDays: true, dueAt: true, lapses: true,
        lastReviewedAt: true, stability: true, difficulty: true, introducedAt: true, card: { select: { key: true, topic: true } },
      },
    }),
    db.reviewLog.findMany({
      where: { userId },
      orderBy: [{ reviewedAt: "asc" }, { id: "asc" }],
      select: {
        id: true, grade: true, origin: true, kind: true,
        repsBefore: true, easeBefore: true, intervalBefore: true, dueBefore: true, lapsesBefore: true, lastReviewedBefore: true,
        repsAfter: true, easeAfter: true, intervalAfter: true, dueAfter: true, lapsesAfter: true,
        algorithm: true, stabilityBefore: true, difficultyBefore: true, stabilityAfter: true, difficultyAfter: true,
        reviewedAt: true, durationMs: true, requestId: true, undoneAt: true, card: { select: { key: true } },
      },
    }),
    db.quizAttempt.findMany({
      where: { userId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true, topic: true, length: true, seed: true, retryOfId: true, createdAt: true, finishedAt: true, score: true,
        questions: {
          orderBy: { position: "asc" },
          select: { position: true, kind: true, topic: true, prompt: true, answer: true, explanation: true, cardKeys: true, response: true, correct: true, answeredAt: true },
        },
      },
    }),
    db.algorithmSwitch.findMany({
      where: { userId },
      orderBy: [{ at: "asc" }, { id: "asc" }],
      select: { at: true, algorithm: true, desiredRetention: true, weights: true },
    }),
    db.matchRound.findMany({
      where: { userId },
      orderBy: [{ startedAt: "asc" }, { id: "asc" }],
      select: { id: true, topic: true, seed: true, startedAt: true, finishedAt: true, durationMs: true, mistakes: true },
    }),
  ]);
  if (!user) return null;
  const { locale, timeZone, rolloverHour, newPerDay, maxReviewsPerDay, algorithm, desiredRetention, ...profile } = user;

  return {
    format: EXPORT_FORMAT.name,
    formatVersion: EXPORT_FORMAT.version,
    exportedAt: now.toISOString(),
    profile,
    settings: { locale, timeZone, rolloverHour, newPerDay, maxReviewsPerDay, algorithm, desiredRetention },
    algorithmSwitches: switches.map((s) => ({ ...s, weights: s.weights === null ? null : (parseJson(s.weights) as number[]) })),
    reviewStates: states.map(({ card, ...s }) => ({ cardKey: card.key, topic: card.topic, ...s })),
    reviewLog: logs.map(({ card, ...l }) => ({ cardKey: card.key, ...l })),
    // The seed rebuilds every question and its answer with the public generator: an open
    // attempt's seed would give away the answers not yet given.
    quizAttempts: attempts.map(({ seed, ...a }) => ({
      ...a,
      seed: a.finishedAt ? seed : null,
      questions: a.questions.map((q) => {
        const answered = q.answeredAt !== null;
        const { explanation, source } = (parseJson(q.explanation) ?? {}) as { explanation?: unknown; source?: unknown };
        return {
          position: q.position,
          kind: q.kind,
          topic: q.topic,
          question: parseJson(q.prompt),
          cardKeys: parseJson(q.cardKeys),
          yourAnswer: parseJson(q.response),
          correct: q.correct,
          answeredAt: q.answeredAt,
          correctAnswer: answered ? parseJson(q.answer) : null,
          explanation: answered ? (explanation ?? null) : null,
          source: answered ? (source ?? null) : null,
        };
      }),
    })),
    matchRounds: rounds,
  };
}

export type LearnerExport = NonNullable<Awaited<ReturnType<typeof exportLearnerData>>>;

/** The download's file name, e.g. kubecards-data-2026-11-25.json. */
export function exportFileName(now = new Date()): string {
  return `kubecards-data-${now.toISOString().slice(0, 10)}.json`;
}
