import type Database from "better-sqlite3";
import { randomBytes } from "node:crypto";

/**
 * One learner's long history for the Progress page's figures: `logs` review-log rows spread
 * evenly over `spanDays` before `now` (70 % reviews, 12 % new, 14 % drills, 4 % quiz reschedules,
 * 1 % undone), a review state per card (due from 5 days ago to 35 days ahead) and 300 finished
 * quiz attempts of 10 questions. Written with prepared statements in transactions of 10,000 rows,
 * DateTime as Prisma's SQLite adapter stores it (ISO text with "+00:00"). Used by
 * progress-queries.ts (the queries alone) and run.ts (GET /progress through the server).
 */

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");
const id = () => randomBytes(12).toString("base64url");

export interface BigHistoryOptions {
  logs: number;
  now: number;
  spanDays?: number;
  /** Seed of the row generator: the same seed writes the same history. */
  seed?: number;
}

export function writeBigHistory(sqlite: Database.Database, userId: string, cards: { id: string; topic: string }[], opts: BigHistoryOptions): void {
  const { logs, now } = opts;
  const spanDays = opts.spanDays ?? 730;
  let seed = opts.seed ?? 7;
  const rnd = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const log = sqlite.prepare(`INSERT INTO "ReviewLog" (id, "userId", "cardId", grade, origin, kind, "repsBefore", "easeBefore", "intervalBefore", "dueBefore",
    "lapsesBefore", "repsAfter", "easeAfter", "intervalAfter", "dueAfter", "lapsesAfter", "reviewedAt", "durationMs", "requestId", "undoneAt")
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const state = sqlite.prepare(`INSERT INTO "ReviewState" (id, "userId", "cardId", repetitions, easiness, "intervalDays", "dueAt", lapses, "lastReviewedAt", "introducedAt", version)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`);
  const attempt = sqlite.prepare(`INSERT INTO "QuizAttempt" (id, "userId", topic, length, seed, "createdAt", "finishedAt", score) VALUES (?, ?, ?, 10, 1, ?, ?, ?)`);
  const question = sqlite.prepare(`INSERT INTO "QuizQuestion" (id, "attemptId", position, kind, topic, prompt, answer, explanation, "cardKeys", correct, "answeredAt")
    VALUES (?, ?, ?, 'choice', ?, '{}', '{}', '{}', '[]', ?, ?)`);
  const start = now - spanDays * DAY;
  const BATCH = 10_000;
  for (let done = 0; done < logs; done += BATCH) {
    sqlite.transaction(() => {
      for (let i = done; i < Math.min(logs, done + BATCH); i++) {
        const at = start + Math.floor(((i + rnd()) / logs) * spanDays * DAY);
        const r = rnd();
        const kind = r < 0.7 ? "review" : r < 0.82 ? "new" : r < 0.96 ? "drill" : "quiz";
        const ib = Math.floor(rnd() * 60);
        log.run(
          id(), userId, cards[i % cards.length].id, kind === "quiz" ? 0 : Math.floor(rnd() * 6), kind === "quiz" ? "quiz" : "review", kind,
          2, 2.5, ib, kind === "new" ? null : iso(at), 0, 3, 2.5, ib * 2 + 1, iso(at + (ib + 1) * DAY), 0, iso(at),
          2000 + Math.floor(rnd() * 8000), id(), rnd() < 0.01 ? iso(at + 1000) : null,
        );
      }
    })();
  }
  sqlite.transaction(() => {
    for (const c of cards) {
      const reps = Math.floor(rnd() * 8);
      state.run(id(), userId, c.id, reps, Math.round((1.3 + rnd() * 1.7) * 100) / 100, reps < 2 ? 1 : Math.floor(rnd() * 90), iso(now + Math.floor(rnd() * 40 - 5) * DAY), Math.floor(rnd() * 5), iso(now - DAY), iso(start));
    }
    for (let a = 0; a < 300; a++) {
      const at = start + Math.floor(rnd() * spanDays * DAY);
      const attemptId = id();
      const topic = cards[a % cards.length].topic;
      const answers = Array.from({ length: 10 }, () => rnd() < 0.7);
      attempt.run(attemptId, userId, topic, iso(at), iso(at + 300_000), answers.filter(Boolean).length);
      answers.forEach((ok, p) => question.run(id(), attemptId, p, topic, ok ? 1 : 0, iso(at + p * 20_000)));
    }
  })();
}
