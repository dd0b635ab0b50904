import { lockLearner, type Db } from "@/lib/db/client";
import { cardToday, dayBounds, outcome, rollback, type Schedule } from "@/lib/core/srs";
import type { Learner } from "./learner";
import { insertLogRow, readCardRowsSince, readSchedule, writeOutcome, type StoredRow } from "./schedule-store";
import { sessionView, type SessionView } from "./view";

export type UndoOutcome = { ok: true; undone: string; cardId: string; session: SessionView } | { ok: false; error: "not-found" | "not-last"; session: SessionView | null };

/**
 * Takes back the learner's latest grade of today. Naming the log row makes a repeated Undo
 * harmless: an already undone row is not undone again.
 *
 * Exact whatever came after the grade: a quiz question about the same card missed since then
 * recorded a schedule that included the grade. Those rows are rolled back too (newest first, each
 * by the schedule model's rollback), marked undone, and their misses applied again through the
 * model at their own moments on the schedule without the grade, as new rows. So the card keeps
 * the quiz's effect, and its schedule still equals the replay of its log.
 */
export async function undoGrade(db: Db, learner: Learner, logId: string, now: Date): Promise<UndoOutcome> {
  return db.$transaction(async (tx) => {
    await lockLearner(tx, learner.id); // PostgreSQL: never interleaved with a grade of the same learner
    const log = await tx.reviewLog.findFirst({ where: { id: logId, userId: learner.id, origin: "review" }, select: { id: true, cardId: true, undoneAt: true } });
    if (!log) return { ok: false as const, error: "not-found" as const, session: null };
    if (log.undoneAt) return { ok: true as const, undone: log.id, cardId: log.cardId, session: await sessionView(tx, learner, now) };

    const { start } = dayBounds(now, learner.timeZone, learner.rolloverHour);
    const latest = await tx.reviewLog.findFirst({
      where: { userId: learner.id, origin: "review", undoneAt: null, reviewedAt: { gte: start } },
      orderBy: [{ reviewedAt: "desc" }, { id: "desc" }],
      select: { id: true },
    });
    if (latest?.id !== log.id) return { ok: false as const, error: "not-last" as const, session: await sessionView(tx, learner, now) };

    const rows = await readCardRowsSince(tx, learner.id, log.cardId, start);
    const at = rows.findIndex((r) => r.id === log.id);
    const earlier = rows.slice(0, at);
    const undone = rows.slice(at); // the grade and whatever quiz rows came after it
    const stored = await readSchedule(tx, learner.id, log.cardId);
    let schedule: Schedule | null = stored?.schedule ?? null;
    for (const r of [...undone].reverse()) schedule = rollback(schedule, r);
    await tx.reviewLog.updateMany({ where: { id: { in: undone.map((r) => r.id) } }, data: { undoneAt: now } });

    const standing: StoredRow[] = [...earlier];
    const again: { row: StoredRow; log: NonNullable<ReturnType<typeof outcome>["log"]> }[] = [];
    for (const r of undone.slice(1)) {
      const ctx = { now: r.reviewedAt, timeZone: learner.timeZone, rolloverHour: learner.rolloverHour };
      const o = outcome({ schedule, today: cardToday(standing) }, { type: "quiz-miss" }, ctx);
      schedule = o.schedule;
      if (o.log) {
        again.push({ row: r, log: o.log });
        standing.push({ ...r, before: o.log.before, after: o.log.after });
      }
    }
    await writeOutcome(tx, learner.id, log.cardId, stored, schedule, null, { requestId: "", durationMs: 0 });
    for (const { row, log: entry } of again) {
      await insertLogRow(tx, learner.id, log.cardId, entry, { requestId: `${row.requestId}~undo:${log.id}`, durationMs: 0 });
    }
    return { ok: true as const, undone: log.id, cardId: log.cardId, session: await sessionView(tx, learner, now) };
  });
}
