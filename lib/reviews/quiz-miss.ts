import type { DbTx } from "@/lib/db/client";
import { cardToday, dayBounds, outcome } from "@/lib/core/srs";
import type { Learner } from "./learner";
import { readCardRowsSince, readSchedule, writeOutcome } from "./schedule-store";

/**
 * A missed question brings the started cards behind its fact back today, by the schedule model's
 * quiz-miss rule (lib/core/srs/schedule): due now if due on a later day, a same-day repeat if
 * already answered today; cards never started stay new. Each change is logged with the card.
 */
export async function applyQuizMiss(tx: DbTx, learner: Learner, questionId: string, cardKeys: string[], now: Date): Promise<void> {
  if (!cardKeys.length) return;
  const { start } = dayBounds(now, learner.timeZone, learner.rolloverHour);
  const cards = await tx.card.findMany({ where: { key: { in: cardKeys }, retiredAt: null }, select: { id: true }, orderBy: { position: "asc" } });
  const ctx = { now, timeZone: learner.timeZone, rolloverHour: learner.rolloverHour };
  for (const card of cards) {
    const stored = await readSchedule(tx, learner.id, card.id);
    if (!stored) continue;
    const today = cardToday(await readCardRowsSince(tx, learner.id, card.id, start));
    const o = outcome({ schedule: stored.schedule, today }, { type: "quiz-miss" }, ctx);
    if (!o.log) continue;
    await writeOutcome(tx, learner.id, card.id, stored, o.schedule, o.log, { requestId: `quiz:${questionId}:${card.id}`, durationMs: 0 });
  }
}

