import type { Quality } from "./sm2";

/**
 * The grades FSRS's four buttons commit — Again 1, Hard 3, Good 4, Easy 5 — which the documented
 * SM-2 → FSRS mapping (./fsrs ratingOfGrade) turns back into the same four ratings. Their own
 * module so the review screen's client code can read them without the scheduler.
 */
export const FSRS_BUTTON_GRADES: readonly Quality[] = Object.freeze([1, 3, 4, 5] as const);
