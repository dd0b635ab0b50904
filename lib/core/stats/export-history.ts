/**
 * The review history of an account export (lib/accounts/export.ts, format
 * "kubecards-learner-export" v1) as memory events, for evaluating schedules outside the app.
 * Only the fields the evaluation needs are read; anything else in the file is ignored.
 */
import { z } from "zod";
import { isValidTimeZone } from "../srs/days";
import { learnerDays, memoryEvents, type MemoryEvent } from "./prediction";

// ISO strings as the export writes them (a Date when handed an already-parsed object).
const instant = z.coerce.date();

const exportSchema = z.object({
  format: z.literal("kubecards-learner-export"),
  formatVersion: z.literal(1),
  settings: z.object({
    timeZone: z.string().refine(isValidTimeZone, "unknown time zone"),
    rolloverHour: z.number().int().min(0).max(23),
  }),
  reviewLog: z.array(
    z.object({
      cardKey: z.string().min(1),
      grade: z.number().int(),
      origin: z.string(),
      reviewedAt: instant,
      undoneAt: instant.nullable().optional(),
    }),
  ),
});

export type ExportHistory = { ok: true; events: MemoryEvent[]; timeZone: string; rolloverHour: number } | { ok: false; error: string };

/** Parsed and checked export → memory events in time order; a readable error for anything else. */
export function historyFromExport(json: unknown): ExportHistory {
  const parsed = exportSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `not a KubeCards account export (v1): ${issue.path.join(".") || "(root)"}: ${issue.message}` };
  }
  const { settings, reviewLog } = parsed.data;
  const dayOf = learnerDays(settings.timeZone, settings.rolloverHour);
  const rows = reviewLog
    .map((r, i) => ({ r, i }))
    .sort((a, b) => a.r.reviewedAt.getTime() - b.r.reviewedAt.getTime() || a.i - b.i)
    .map(({ r }) => ({
      cardKey: r.cardKey,
      grade: r.grade,
      origin: r.origin,
      day: dayOf(r.reviewedAt),
      undone: r.undoneAt != null,
    }));
  return { ok: true, events: memoryEvents(rows), timeZone: settings.timeZone, rolloverHour: settings.rolloverHour };
}
