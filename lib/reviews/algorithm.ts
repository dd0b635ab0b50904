import type { DbTx } from "@/lib/db/client";
import { algorithmFor, parseWeights, type SchedulingAlgorithm } from "@/lib/core/srs";
import type { Learner } from "./learner";

/** The algorithm settings as a User row stores them. */
export interface StoredAlgorithm {
  algorithm: string;
  desiredRetention: number;
  fsrsWeights: string | null;
}

// One algorithm object per distinct setting: building FSRS checks its weights and makes a scheduler.
const built = new Map<string, SchedulingAlgorithm>();

/** The learner's scheduling algorithm (SM-2 unless they chose FSRS in Settings). */
export function learnerAlgorithm(l: Partial<StoredAlgorithm>): SchedulingAlgorithm {
  const key = `${l.algorithm ?? "sm2"}|${l.desiredRetention ?? ""}|${l.fsrsWeights ?? ""}`;
  let a = built.get(key);
  if (!a) {
    a = algorithmFor({ algorithm: l.algorithm ?? "sm2", desiredRetention: Number(l.desiredRetention ?? 0.9), weights: parseWeights(l.fsrsWeights) });
    if (built.size > 1000) built.clear();
    built.set(key, a);
  }
  return a;
}

/**
 * The learner's settings as committed, read inside the caller's transaction (after lockLearner):
 * a grade racing a switch of algorithm is scheduled by the algorithm in force when it commits.
 * Plain SQL: it runs on the review hot path.
 */
export async function readLearnerAlgorithm(tx: DbTx, learner: Learner): Promise<Learner & StoredAlgorithm & { switchedAt: Date | null; createdAt: Date | null }> {
  const [row] = await tx.$queryRaw<(StoredAlgorithm & { switchedAt: unknown; createdAt: unknown })[]>`
    SELECT u."algorithm", u."desiredRetention", u."fsrsWeights", u."createdAt", (SELECT MAX(s."at") FROM "AlgorithmSwitch" s WHERE s."userId" = u."id") AS "switchedAt"
    FROM "User" u WHERE u."id" = ${learner.id}`;
  return {
    ...learner,
    algorithm: row?.algorithm ?? "sm2",
    desiredRetention: Number(row?.desiredRetention ?? 0.9),
    fsrsWeights: row?.fsrsWeights ?? null,
    switchedAt: toDate(row?.switchedAt),
    createdAt: toDate(row?.createdAt),
  };
}

/** An aggregate's date comes back untyped: a Date (PostgreSQL), ISO text or epoch milliseconds (SQLite). */
function toDate(v: unknown): Date | null {
  if (v === null || v === undefined) return null;
  const d = v instanceof Date ? v : new Date(typeof v === "number" || typeof v === "bigint" ? Number(v) : String(v));
  return Number.isNaN(d.getTime()) ? null : d;
}
