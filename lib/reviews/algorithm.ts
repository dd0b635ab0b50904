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
export async function readLearnerAlgorithm(tx: DbTx, learner: Learner): Promise<Learner & StoredAlgorithm> {
  const [row] = await tx.$queryRaw<StoredAlgorithm[]>`SELECT "algorithm", "desiredRetention", "fsrsWeights" FROM "User" WHERE "id" = ${learner.id}`;
  return { ...learner, algorithm: row?.algorithm ?? "sm2", desiredRetention: Number(row?.desiredRetention ?? 0.9), fsrsWeights: row?.fsrsWeights ?? null };
}
