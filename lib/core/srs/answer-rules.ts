/**
 * Which answers a card takes and at what moment (pure). An answer may reach the server long after
 * it was given (an offline outbox, a second device): it is scheduled as of the moment it was given,
 * clamped so that it can neither rewrite the card's history nor come from the future.
 */
import { dayBounds } from "./days";
import type { CardToday, DayContext, Schedule } from "./schedule";

/**
 * The moment an answer given at `answeredAt` counts at: after the card's previous answer (a
 * millisecond after, so the card's rows keep a strict time order even when two servers write them
 * in the same millisecond), not before the learner's last switch of algorithm or the account's
 * creation, and not after `now`.
 */
export function answerMoment(answeredAt: Date, floors: { after: readonly (Date | null | undefined)[]; notBefore: readonly (Date | null | undefined)[] }, now: Date): Date {
  let ms = Number.isFinite(answeredAt.getTime()) ? answeredAt.getTime() : now.getTime();
  for (const f of floors.after) if (f && f.getTime() + 1 > ms) ms = f.getTime() + 1;
  for (const f of floors.notBefore) if (f && f.getTime() > ms) ms = f.getTime();
  return new Date(Math.min(ms, now.getTime()));
}

/**
 * Whether a card takes an answer at `ctx.now`: a new card, a card due by the end of that learner
 * day, or one whose schedule already moved that day (the answer is then a repeat). A card answered
 * on an earlier day by another device and now due later takes none: that answer is refused.
 */
export function answerable(schedule: Schedule | null, today: CardToday, ctx: DayContext): boolean {
  if (!schedule || today.moved) return true;
  return schedule.dueAt.getTime() < dayBounds(ctx.now, ctx.timeZone, ctx.rolloverHour).end.getTime();
}
