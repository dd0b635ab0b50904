import type { Db } from "@/lib/db/client";
import { algorithmFor, applyOps, localSession, type DayPack, type PackOp } from "@/lib/core/srs";
import type { Learner } from "@/lib/reviews/learner";
import { sessionView } from "./server-session";

/**
 * What the review screen shows, as comparable data: from the browser's day pack with the ops it
 * has not sent yet (lib/core/srs/day-pack), or from the server's session view.
 */

export const packAlgorithm = (pack: DayPack) =>
  algorithmFor({ algorithm: pack.learner.algorithm, desiredRetention: pack.learner.desiredRetention, weights: pack.learner.fsrsWeights });

export function shownByPack(pack: DayPack, ops: readonly PackOp[], now: Date) {
  const s = localSession(applyOps(pack, ops, now, packAlgorithm(pack)), now, packAlgorithm(pack));
  return { card: s.card?.id ?? null, kind: s.card?.kind ?? null, labels: s.card?.labels ?? null, left: s.left, reviewed: s.today.reviewed, undo: s.undoTarget !== null };
}

export async function shownByServer(db: Db, learner: Learner, now: Date) {
  const v = await sessionView(db, learner, now);
  return { card: v.card?.id ?? null, kind: v.card?.kind ?? null, labels: v.card?.labels ?? null, left: v.left, reviewed: v.today.reviewed, undo: v.undoLogId !== null };
}
