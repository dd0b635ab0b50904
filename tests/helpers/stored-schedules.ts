import type { Db } from "@/lib/db/client";
import type { ReplayRow, Schedule } from "@/lib/core/srs";
import { schedulesOfRow } from "@/lib/reviews/schedule-store";

/** A learner's log rows per card (commit order, as the replay reads them) and stored schedules. */
export async function storedSchedules(db: Db, userId: string): Promise<{ rows: Map<string, ReplayRow[]>; states: Map<string, Schedule> }> {
  const logs = await db.reviewLog.findMany({ where: { userId }, orderBy: [{ reviewedAt: "asc" }, { id: "asc" }] });
  const rows = new Map<string, ReplayRow[]>();
  for (const l of logs) {
    const row: ReplayRow = { id: l.id, origin: l.origin, kind: l.kind, grade: l.grade, reviewedAt: l.reviewedAt, undoneAt: l.undoneAt, algorithm: l.algorithm, ...schedulesOfRow(l) };
    rows.set(l.cardId, [...(rows.get(l.cardId) ?? []), row]);
  }
  const states = new Map<string, Schedule>(
    (await db.reviewState.findMany({ where: { userId } })).map((s) => [
      s.cardId,
      { repetitions: s.repetitions, easiness: s.easiness, intervalDays: s.intervalDays, lapses: s.lapses, dueAt: s.dueAt, lastReviewedAt: s.lastReviewedAt, stability: s.stability, difficulty: s.difficulty },
    ]),
  );
  return { rows, states };
}
