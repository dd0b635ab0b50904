import { randomInt } from "node:crypto";
import { isUniqueViolation, lockLearner, type Db, type DbTx } from "@/lib/db/client";
import { checkPairs, generateMatch, type MatchBoard, type MatchRoundSpec, type MatchTopic } from "@/lib/core/quiz/match";
import { loadCompiledDeck } from "./deck-source";

export interface MatchView {
  id: string;
  topic: string;
  board: MatchBoard;
  startedAt: string;
  finished: boolean;
  durationMs: number | null;
  mistakes: number;
  /** The learner's best time on this topic before or including this round. */
  bestMs: number | null;
}

export type CheckOutcome =
  | { ok: true; done: false; right: string[]; wrong: string[] }
  | { ok: true; done: true; durationMs: number; bestMs: number; newBest: boolean }
  | { ok: false; error: "not-found" | "closed" | "badInput" };

/** Fastest finished round per topic. */
export async function bestMatchTimes(db: DbTx, userId: string): Promise<Record<string, number>> {
  const rows = await db.matchRound.groupBy({ by: ["topic"], where: { userId, finishedAt: { not: null } }, _min: { durationMs: true } });
  return Object.fromEntries(rows.filter((r) => r._min.durationMs !== null).map((r) => [r.topic, r._min.durationMs as number]));
}

async function bestOn(db: DbTx, userId: string, topic: string, exceptId?: string): Promise<number | null> {
  const row = await db.matchRound.aggregate({ where: { userId, topic, finishedAt: { not: null }, ...(exceptId ? { id: { not: exceptId } } : {}) }, _min: { durationMs: true } });
  return row._min.durationMs ?? null;
}

/** Starts a round; the clock is the server's from now. A repeated request id gives the same round. */
export async function startMatch(
  db: Db,
  userId: string,
  input: { topic: MatchTopic; requestId: string },
  now: Date,
  seed = randomInt(2 ** 31),
): Promise<{ ok: true; roundId: string } | { ok: false; error: "no-deck" | "no-pairs" }> {
  const existing = await db.matchRound.findUnique({ where: { userId_requestId: { userId, requestId: input.requestId } }, select: { id: true } });
  if (existing) return { ok: true, roundId: existing.id };
  const deck = await loadCompiledDeck(db);
  if (!deck) return { ok: false, error: "no-deck" };
  const spec = generateMatch(deck, input.topic, seed);
  if (!spec) return { ok: false, error: "no-pairs" };
  try {
    const round = await db.matchRound.create({
      data: { userId, topic: input.topic, seed, requestId: input.requestId, board: JSON.stringify(spec.board), answer: JSON.stringify(spec.answer), startedAt: now },
      select: { id: true },
    });
    return { ok: true, roundId: round.id };
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    const first = await db.matchRound.findUniqueOrThrow({ where: { userId_requestId: { userId, requestId: input.requestId } }, select: { id: true } });
    return { ok: true, roundId: first.id };
  }
}

/** A round as its owner may see it (never the pairing); another learner's round is "not found". */
export async function matchView(db: DbTx, userId: string, roundId: string): Promise<MatchView | null> {
  const r = await db.matchRound.findFirst({ where: { id: roundId, userId } });
  if (!r) return null;
  return {
    id: r.id,
    topic: r.topic,
    board: JSON.parse(r.board) as MatchBoard,
    startedAt: r.startedAt.toISOString(),
    finished: r.finishedAt !== null,
    durationMs: r.durationMs,
    mistakes: r.mistakes,
    bestMs: await bestOn(db, userId, r.topic),
  };
}

/**
 * Checks the learner's full pairing. Wrong pairs are counted (once per request id) and named by
 * their left id; all right finishes the round with the server's time. A finished round refuses
 * further checks, except the very request that finished it, which gets the same answer again.
 */
export async function checkMatch(db: Db, userId: string, input: { roundId: string; pairs: Record<string, string>; requestId: string }, now: Date): Promise<CheckOutcome> {
  return db.$transaction(async (tx) => {
    await lockLearner(tx, userId);
    const r = await tx.matchRound.findFirst({ where: { id: input.roundId, userId } });
    if (!r) return { ok: false as const, error: "not-found" as const };
    const spec: MatchRoundSpec = { board: JSON.parse(r.board), answer: JSON.parse(r.answer) };
    const verdict = checkPairs(spec, input.pairs);
    if (r.finishedAt) {
      if (r.lastCheckId === input.requestId && r.durationMs !== null) {
        const before = await bestOn(tx, userId, r.topic, r.id);
        return { ok: true as const, done: true as const, durationMs: r.durationMs, bestMs: Math.min(r.durationMs, before ?? Infinity), newBest: before === null || r.durationMs < before };
      }
      return { ok: false as const, error: "closed" as const };
    }
    if (!verdict.ok) return { ok: false as const, error: "badInput" as const };
    const repeated = r.lastCheckId === input.requestId;
    if (verdict.wrong.length) {
      if (!repeated) await tx.matchRound.update({ where: { id: r.id }, data: { mistakes: { increment: verdict.wrong.length }, lastCheckId: input.requestId } });
      return { ok: true as const, done: false as const, right: verdict.right, wrong: verdict.wrong };
    }
    const durationMs = Math.max(0, now.getTime() - r.startedAt.getTime());
    const before = await bestOn(tx, userId, r.topic, r.id);
    await tx.matchRound.update({ where: { id: r.id }, data: { finishedAt: now, durationMs, lastCheckId: input.requestId } });
    return { ok: true as const, done: true as const, durationMs, bestMs: Math.min(durationMs, before ?? Infinity), newBest: before === null || durationMs < before };
  });
}
