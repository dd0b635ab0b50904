/**
 * "Download my review history": every review-log row of one learner as CSV, oldest first, read
 * in keyset-paginated batches over the (userId, reviewedAt) index so memory stays flat however
 * long the history is. Undone rows are included and marked.
 */
import type { DbTx } from "@/lib/db/client";
import { csvLine } from "@/lib/core/stats/csv";

export const REVIEW_CSV_COLUMNS = [
  "reviewed_at", "card_key", "topic", "grade", "origin", "kind", "interval_before", "interval_after",
  "easiness_before", "easiness_after", "due_after", "duration_ms", "undone",
] as const;

export const EXPORT_BATCH = 2000;

interface ExportRow {
  id: string; cardId: string; reviewedAt: Date; grade: number; origin: string; kind: string; intervalBefore: number; intervalAfter: number;
  easeBefore: number; easeAfter: number; dueAfter: Date; durationMs: number; undoneAt: Date | null;
}

/** The CSV as a sequence of chunks: the header, then one chunk per batch of rows. */
export async function* reviewHistoryCsv(db: DbTx, userId: string, batch = EXPORT_BATCH): AsyncGenerator<string> {
  yield csvLine(REVIEW_CSV_COLUMNS);
  // Card keys and topics are looked up once per card, not joined into every row.
  const cards = new Map<string, { key: string; topic: string }>();
  let after: { reviewedAt: Date; id: string } | null = null;
  for (;;) {
    const rows: ExportRow[] = await db.reviewLog.findMany({
      where: {
        userId,
        // The `gte` bound lets the (userId, reviewedAt) index start at the cursor; the OR breaks ties by id.
        ...(after
          ? { reviewedAt: { gte: after.reviewedAt }, OR: [{ reviewedAt: { gt: after.reviewedAt } }, { id: { gt: after.id } }] }
          : {}),
      },
      orderBy: [{ reviewedAt: "asc" }, { id: "asc" }],
      take: batch,
      select: {
        id: true, cardId: true, reviewedAt: true, grade: true, origin: true, kind: true, intervalBefore: true, intervalAfter: true,
        easeBefore: true, easeAfter: true, dueAfter: true, durationMs: true, undoneAt: true,
      },
    });
    if (!rows.length) return;
    const missing = [...new Set(rows.map((r) => r.cardId))].filter((id) => !cards.has(id));
    if (missing.length) {
      for (const c of await db.card.findMany({ where: { id: { in: missing } }, select: { id: true, key: true, topic: true } })) cards.set(c.id, c);
    }
    yield rows
      .map((r) => {
        const card = cards.get(r.cardId);
        return csvLine([
          r.reviewedAt.toISOString(), card?.key ?? "", card?.topic ?? "", r.grade, r.origin, r.kind, r.intervalBefore, r.intervalAfter,
          r.easeBefore, r.easeAfter, r.dueAfter.toISOString(), r.durationMs, r.undoneAt !== null,
        ]);
      })
      .join("");
    if (rows.length < batch) return;
    const last = rows[rows.length - 1];
    after = { reviewedAt: last.reviewedAt, id: last.id };
  }
}

/** A download name with the learner's local date, e.g. kubecards-review-history-2026-03-08.csv. */
export function exportFileName(dayKey: string): string {
  return `kubecards-review-history-${dayKey}.csv`;
}
