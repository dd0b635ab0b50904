import type { DbTx } from "@/lib/db/client";
import type { Learner } from "./learner";
import { loadQueue } from "./queue-data";

/** Larger than any deck: "due today" is the session without its daily caps. */
const UNCAPPED = 1_000_000;

/**
 * "Due today", one definition for /decks, the card page and Progress: the started cards today's
 * session offers when its daily caps are lifted, that is cards due before the day ends whose
 * schedule has not moved today, and cards owing a same-day repeat (the schedule model's rules,
 * through the queue). Home and /review show what is left within the caps (the queue's counts).
 */
export async function dueTodayIds(db: DbTx, learner: Learner, now: Date): Promise<Set<string>> {
  const { queue } = await loadQueue(db, { ...learner, maxReviewsPerDay: UNCAPPED, newPerDay: 0 }, now);
  return new Set(queue.items.filter((i) => i.kind !== "new").map((i) => i.cardId));
}
