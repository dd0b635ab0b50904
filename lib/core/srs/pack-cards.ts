import type { DayPack } from "./day-pack";

/**
 * Every card a day pack can show: the cards whose text the review page sends and the browser
 * keeps. Its own module: the review screen calls it in its first load, without the schedule engine.
 */
export function packCardIds(pack: DayPack): string[] {
  return [...new Set([...pack.states.map((s) => s.cardId), ...pack.newCardIds, ...pack.rows.map((r) => r.cardId)])];
}
