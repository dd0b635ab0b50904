/**
 * Simulated learners whose true memory follows a known model, scheduled by the app's SM-2 (the
 * default) with some lateness, answering by chance from their true probability of recall.
 * Seeded, so a run is reproducible.
 */
import { forgetting_curve, default_w } from "ts-fsrs";
import { addLocalDays } from "@/lib/core/srs/days";
import { fsrsNext, fsrsParams, ratingOfGrade, type FsrsState } from "@/lib/core/srs/fsrs";
import { INITIAL_SM2, sm2, type Quality, type Sm2State } from "@/lib/core/srs/sm2";
import type { MemoryEvent } from "@/lib/core/stats/prediction";

import { mulberry32 } from "@/lib/core/quiz/rng";

export { mulberry32 };

export type TrueModel = "fsrs" | "sm2";

/**
 * `cards` cards, `reviewsPerCard` reviews each, starting on `start`. The true recall probability
 * is FSRS-6 with default weights ("fsrs") or SM-2's own 0.9^(elapsed/interval) ("sm2"). A
 * recalled card gets 3, 4 or 5, a forgotten one 0–2; the next review comes on SM-2's due day
 * plus 0–60 % of the interval late. `trueWeights` replaces FSRS's default weights in the truth.
 */
export function syntheticHistory(opts: { model: TrueModel; cards: number; reviewsPerCard: number; seed: number; start?: string; trueWeights?: readonly number[] }): MemoryEvent[] {
  const rnd = mulberry32(opts.seed);
  const w = opts.trueWeights ?? default_w;
  const params = fsrsParams({ weights: [...w] });
  const events: MemoryEvent[] = [];
  for (let c = 0; c < opts.cards; c++) {
    let day = addLocalDays(opts.start ?? "2025-01-01", Math.floor(rnd() * 60));
    let s: Sm2State = INITIAL_SM2;
    let truth: FsrsState | null = null;
    let last = day;
    for (let k = 0; k < opts.reviewsPerCard; k++) {
      const elapsed = k === 0 ? 0 : Math.round((Date.parse(day) - Date.parse(last)) / 86_400_000);
      let r: number;
      if (k === 0) r = 0.75;
      else if (opts.model === "fsrs") r = forgetting_curve([...w], elapsed, truth!.stability);
      else r = Math.pow(0.9, elapsed / s.intervalDays);
      const recalled = rnd() < r;
      const u = rnd();
      const grade = (recalled ? (u < 0.2 ? 3 : u < 0.85 ? 4 : 5) : u < 0.3 ? 0 : u < 0.6 ? 1 : 2) as Quality;
      events.push({ cardKey: `card-${c}`, day, grade });
      s = sm2(s, grade);
      truth = fsrsNext(truth, day, ratingOfGrade(grade), params).state;
      last = day;
      day = addLocalDays(day, s.intervalDays + Math.floor(rnd() * 0.6 * s.intervalDays));
    }
  }
  // Interleave cards by day, as a real log is.
  return events.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}
