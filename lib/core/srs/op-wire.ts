import type { PackOp } from "./day-pack";

/** Ops in one sync request: the sync action's schema (lib/reviews/schemas) refuses more. */
export const SYNC_BATCH = 50;

/**
 * An answer or undo as the outbox sends it to the sync action, which parses exactly this shape:
 * moments as epoch milliseconds (JSON has no dates), and nothing the browser only keeps for
 * itself (what the screen expected).
 */
export function wireOp(op: PackOp) {
  return op.type === "grade"
    ? { type: op.type, requestId: op.requestId, cardId: op.cardId, grade: op.grade, answeredAt: op.answeredAt.getTime(), durationMs: op.durationMs }
    : { type: op.type, requestId: op.requestId, target: op.target, at: op.at.getTime() };
}
