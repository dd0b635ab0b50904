import { checkSchedule, type ReplayProblem, type ReplayRow, type Schedule } from "@/lib/core/srs";
import { schedulesOfRow } from "@/lib/reviews/schedule-store";

/** The parts of an account export (lib/accounts/export.ts, JSON-decoded) that the replay reads. */
export interface ExportForReplay {
  settings: { timeZone: string; rolloverHour: number };
  reviewStates: { cardKey: string; repetitions: number; easiness: number; intervalDays: number; lapses: number; dueAt: string; lastReviewedAt: string | null }[];
  reviewLog: {
    id: string; cardKey: string; grade: number; origin: string; kind: string; reviewedAt: string; undoneAt: string | null;
    repsBefore: number; easeBefore: number; intervalBefore: number; dueBefore: string | null; lapsesBefore: number; lastReviewedBefore?: string | null;
    repsAfter: number; easeAfter: number; intervalAfter: number; dueAfter: string; lapsesAfter: number;
  }[];
}

const date = (s: string | null | undefined) => (s ? new Date(s) : null);

/**
 * Replays an account export through the schedule model: every card's exported state must equal
 * the replay of its exported log. Returns the problems per card key (empty: it replays cleanly).
 */
export function replayExport(data: ExportForReplay): { cardKey: string; problems: ReplayProblem[] }[] {
  const zone = data.settings;
  const rows = new Map<string, ReplayRow[]>();
  for (const l of data.reviewLog) {
    const reviewedAt = new Date(l.reviewedAt);
    const row: ReplayRow = {
      id: l.id, origin: l.origin, kind: l.kind, grade: l.grade, reviewedAt, undoneAt: date(l.undoneAt),
      ...schedulesOfRow({ ...l, reviewedAt, dueBefore: date(l.dueBefore), lastReviewedBefore: date(l.lastReviewedBefore), dueAfter: new Date(l.dueAfter) }),
    };
    rows.set(l.cardKey, [...(rows.get(l.cardKey) ?? []), row]);
  }
  const states = new Map<string, Schedule>(
    data.reviewStates.map((s) => [s.cardKey, { repetitions: s.repetitions, easiness: s.easiness, intervalDays: s.intervalDays, lapses: s.lapses, dueAt: new Date(s.dueAt), lastReviewedAt: date(s.lastReviewedAt) }]),
  );
  const out: { cardKey: string; problems: ReplayProblem[] }[] = [];
  for (const key of new Set([...rows.keys(), ...states.keys()])) {
    const problems = checkSchedule(rows.get(key) ?? [], states.get(key) ?? null, { timeZone: zone.timeZone, rolloverHour: zone.rolloverHour });
    if (problems.length) out.push({ cardKey: key, problems });
  }
  return out;
}
