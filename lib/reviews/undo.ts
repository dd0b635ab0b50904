import { lockLearner, type Db } from "@/lib/db/client";
import { dayBounds } from "@/lib/core/srs";
import type { Learner } from "./learner";
import { sessionView, type SessionView } from "./view";

export type UndoOutcome = { ok: true; undone: string; cardId: string; session: SessionView } | { ok: false; error: "not-found" | "not-last"; session: SessionView | null };

/**
 * Takes back the learner's latest grade of today, restoring the exact state recorded before it.
 * Naming the log row makes a repeated Undo harmless: an already undone row is not undone again.
 */
export async function undoGrade(db: Db, learner: Learner, logId: string, now: Date): Promise<UndoOutcome> {
  return db.$transaction(async (tx) => {
    await lockLearner(tx, learner.id); // PostgreSQL: never interleaved with a grade of the same learner
    const log = await tx.reviewLog.findFirst({ where: { id: logId, userId: learner.id, origin: "review" } });
    if (!log) return { ok: false as const, error: "not-found" as const, session: null };
    if (log.undoneAt) return { ok: true as const, undone: log.id, cardId: log.cardId, session: await sessionView(tx, learner, now) };

    const { start } = dayBounds(now, learner.timeZone, learner.rolloverHour);
    const latest = await tx.reviewLog.findFirst({
      where: { userId: learner.id, origin: "review", undoneAt: null, reviewedAt: { gte: start } },
      orderBy: [{ reviewedAt: "desc" }, { id: "desc" }],
      select: { id: true },
    });
    if (latest?.id !== log.id) return { ok: false as const, error: "not-last" as const, session: await sessionView(tx, learner, now) };

    await tx.reviewLog.update({ where: { id: log.id }, data: { undoneAt: now } });
    const where = { userId_cardId: { userId: learner.id, cardId: log.cardId } };
    if (log.kind === "new") {
      await tx.reviewState.delete({ where });
    } else if (log.kind === "drill") {
      await tx.reviewState.update({ where, data: { version: { increment: 1 } } });
    } else {
      const previous = await tx.reviewLog.findFirst({
        where: { userId: learner.id, cardId: log.cardId, origin: "review", undoneAt: null, id: { not: log.id } },
        orderBy: [{ reviewedAt: "desc" }, { id: "desc" }],
        select: { reviewedAt: true },
      });
      await tx.reviewState.update({
        where,
        data: {
          repetitions: log.repsBefore,
          easiness: log.easeBefore,
          intervalDays: log.intervalBefore,
          dueAt: log.dueBefore ?? now,
          lapses: log.lapsesBefore,
          lastReviewedAt: previous?.reviewedAt ?? null,
          version: { increment: 1 },
        },
      });
    }
    return { ok: true as const, undone: log.id, cardId: log.cardId, session: await sessionView(tx, learner, now) };
  });
}
