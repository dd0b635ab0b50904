/**
 * Where the learner's cards stand: new (never studied, still in the deck), learning (fewer
 * than 2 successful repetitions in a row), young (interval < 21 days), mature (≥ 21 days), and
 * retired (studied, then removed from the deck). A retired card never studied is not the
 * learner's card at all and is left out.
 */
import { MATURE_DAYS } from "./retention";

export const CARD_STATES = ["new", "learning", "young", "mature", "retired"] as const;
export type CardState = (typeof CARD_STATES)[number];

export interface CardLike {
  retired: boolean;
  state: { repetitions: number; intervalDays: number } | null;
}

export function classifyCard(card: CardLike): CardState | null {
  if (card.retired) return card.state ? "retired" : null;
  if (!card.state) return "new";
  if (card.state.repetitions < 2) return "learning";
  return card.state.intervalDays < MATURE_DAYS ? "young" : "mature";
}

export interface StateGroup {
  repetitions: number;
  intervalDays: number;
  count: number;
}

export type StateCounts = Record<CardState, number> & { total: number };

/**
 * From aggregates: the number of active cards, the learner's states of active cards grouped by
 * (repetitions, intervalDays), and the number of retired cards the learner studied.
 */
export function stateCounts(input: { activeCards: number; activeStates: readonly StateGroup[]; retiredStudied: number }): StateCounts {
  const out: StateCounts = { new: 0, learning: 0, young: 0, mature: 0, retired: Math.max(0, input.retiredStudied), total: 0 };
  let studied = 0;
  for (const g of input.activeStates) {
    const s = classifyCard({ retired: false, state: g });
    if (s && g.count > 0) {
      out[s] += g.count;
      studied += g.count;
    }
  }
  out.new = Math.max(0, input.activeCards - studied);
  out.total = out.new + out.learning + out.young + out.mature + out.retired;
  return out;
}
