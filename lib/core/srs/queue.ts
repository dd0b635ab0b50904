/**
 * Today's study session, built from plain data (pure: `now`, zone and
 * rollover hour are inputs).
 *
 * Order: due reviews (oldest dueAt first) → new cards (deck order) → drills
 * (cards graded below 4 earlier today, SM-2 step 7, in the order they were
 * graded). Each card appears at most once.
 */
import { dayBounds } from "./days";
import { movedSince } from "./schedule";

export interface QueueCardState {
  cardId: string;
  dueAt: Date;
  repetitions: number;
  easiness: number;
  intervalDays: number;
  version: number;
  lastReviewedAt: Date | null;
}

export interface QueueInput {
  now: Date;
  timeZone: string;
  rolloverHour: number;
  maxReviewsPerDay: number;
  newPerDay: number;
  /** Distinct cards already graded (non-drill) today. */
  reviewedTodayCount: number;
  /** Cards introduced (first graded) today. */
  newIntroducedToday: number;
  /** States with dueAt < end of today (may contain more than needed). */
  dueStates: QueueCardState[];
  /** Never-studied, non-retired cards in deck order (may contain more than needed). */
  newCardIds: string[];
  /** Cards whose LAST grade today was < 4, in the order they were graded. */
  drillCardIds: string[];
}

export type QueueItemKind = "review" | "new" | "drill";

export interface QueueItem {
  cardId: string;
  kind: QueueItemKind;
}

export interface Queue {
  items: QueueItem[];
  counts: { review: number; new: number; drill: number };
}

/** Remaining allowance: cap − used, clamped to ≥ 0 (NaN → 0; Infinity allowed = unlimited). */
function remaining(cap: number, used: number): number {
  const c = Number.isNaN(cap) ? 0 : Math.floor(Math.max(0, cap));
  const u = Number.isFinite(used) ? Math.floor(Math.max(0, used)) : 0;
  return Math.max(0, c - u);
}

export function buildQueue(input: QueueInput): Queue {
  const { start, end } = dayBounds(input.now, input.timeZone, input.rolloverHour);
  const endMs = end.getTime();

  // Drill cards were graded today: they only come back as drills, never as review/new.
  const drillIds: string[] = [];
  const drillSet = new Set<string>();
  for (const id of input.drillCardIds) {
    if (!drillSet.has(id)) {
      drillSet.add(id);
      drillIds.push(id);
    }
  }

  const seen = new Set<string>(drillSet);
  const items: QueueItem[] = [];

  // 1. Due reviews, oldest dueAt first (ties by cardId, for a stable order
  //    independent of the DB). Skip anything not due today, and cards already
  //    whose schedule moved today (further grades are repeats: schedule model).
  const reviewCap = remaining(input.maxReviewsPerDay, input.reviewedTodayCount);
  const due = input.dueStates
    .filter((s) => {
      const dueMs = s.dueAt.getTime();
      if (!(dueMs < endMs)) return false; // also drops invalid dates
      return !movedSince(s, start);
    })
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || (a.cardId < b.cardId ? -1 : a.cardId > b.cardId ? 1 : 0));
  let review = 0;
  for (const s of due) {
    if (review >= reviewCap) break;
    if (seen.has(s.cardId)) continue;
    seen.add(s.cardId);
    items.push({ cardId: s.cardId, kind: "review" });
    review++;
  }

  // 2. New cards in deck order.
  const newCap = remaining(input.newPerDay, input.newIntroducedToday);
  let fresh = 0;
  for (const id of input.newCardIds) {
    if (fresh >= newCap) break;
    if (seen.has(id)) continue;
    seen.add(id);
    items.push({ cardId: id, kind: "new" });
    fresh++;
  }

  // 3. Drills last.
  for (const id of drillIds) items.push({ cardId: id, kind: "drill" });

  return { items, counts: { review, new: fresh, drill: drillIds.length } };
}
