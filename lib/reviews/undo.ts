import { lockLearner, type Db } from "@/lib/db/client";
import { dayBounds, planUndo } from "@/lib/core/srs";
import type { Learner } from "./learner";
import { insertLogRow, readCardRowsSince, readSchedule, writeOutcome } from "./schedule-store";
import { learnerAlgorithm, readLearnerAlgorithm } from "./algorithm";

export type UndoOutcome = { ok: true; undone: string; cardId: string } | { ok: false; error: "not-found" | "not-last" };

/**
 * Takes back the learner's latest grade of today. Naming the log row makes a repeated Undo
 * harmless: an already undone row is not undone again.
 * Exact whatever came after the grade (a quiz miss on the same card): lib/core/srs/undo-plan.
 */
export async function undoGrade(db: Db, learner: Learner, logId: string, now: Date): Promise<UndoOutcome> {
  return db.$transaction(async (tx) => {
    await lockLearner(tx, learner.id); // PostgreSQL: never interleaved with a grade of the same learner
    const log = await tx.reviewLog.findFirst({ where: { id: logId, userId: learner.id, origin: "review" }, select: { id: true, cardId: true, undoneAt: true, reviewedAt: true } });
    if (!log) return { ok: false as const, error: "not-found" as const };
    if (log.undoneAt) return { ok: true as const, undone: log.id, cardId: log.cardId };

    const { start } = dayBounds(now, learner.timeZone, learner.rolloverHour);
    const latest = await tx.reviewLog.findFirst({
      where: { userId: learner.id, origin: "review", undoneAt: null, reviewedAt: { gte: start } },
      orderBy: [{ reviewedAt: "desc" }, { id: "desc" }],
      select: { id: true },
    });
    if (latest?.id !== log.id) return { ok: false as const, error: "not-last" as const };
    // A switch of algorithm since the grade rescheduled the card from its whole log: the grade is
    // part of that history now, no longer the last thing that happened to it.
    const switched = await tx.algorithmSwitch.findFirst({ where: { userId: learner.id, at: { gte: log.reviewedAt } }, select: { id: true } });
    if (switched) return { ok: false as const, error: "not-last" as const };
    const current = await readLearnerAlgorithm(tx, learner);

    const rows = await readCardRowsSince(tx, learner.id, log.cardId, start);
    const stored = await readSchedule(tx, learner.id, log.cardId);
    const plan = planUndo(stored?.schedule ?? null, rows, log.id, learner, learnerAlgorithm(current));
    await tx.reviewLog.updateMany({ where: { id: { in: plan.undone.map((r) => r.id) } }, data: { undoneAt: now } });
    await writeOutcome(tx, learner.id, log.cardId, stored, plan.schedule, null, { requestId: "", durationMs: 0 });
    for (const { row, log: entry } of plan.reapplied) {
      await insertLogRow(tx, learner.id, log.cardId, entry, { requestId: `${row.requestId}~undo:${log.id}`, durationMs: 0 });
    }
    return { ok: true as const, undone: log.id, cardId: log.cardId };
  });
}
