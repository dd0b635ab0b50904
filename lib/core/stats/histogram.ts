/**
 * Histogram of (value, count) pairs, e.g. easiness grouped by the database. Values are binned in
 * integer ten-thousandths (easiness is stored as an exact multiple of 0.0001, see lib/core/srs/sm2),
 * so 1.5 lands in [1.5, 1.7) and never in [1.3, 1.5) through floating-point drift.
 */
export interface Bin {
  from: number;
  /** Exclusive; null for the last, open-ended bin. */
  to: number | null;
  count: number;
}

const UNITS = 10_000;

export function histogram(values: readonly { value: number; count: number }[], opts: { min: number; step: number; bins: number }): Bin[] {
  const { min, step, bins } = opts;
  if (!(step > 0) || !Number.isInteger(bins) || bins < 1) throw new RangeError("histogram needs step > 0 and bins ≥ 1");
  const minU = Math.round(min * UNITS);
  const stepU = Math.round(step * UNITS);
  const out: Bin[] = Array.from({ length: bins }, (_, i) => ({
    from: (minU + i * stepU) / UNITS,
    to: i === bins - 1 ? null : (minU + (i + 1) * stepU) / UNITS,
    count: 0,
  }));
  for (const { value, count } of values) {
    if (!Number.isFinite(value) || !(count > 0)) continue;
    const i = Math.floor((Math.round(value * UNITS) - minU) / stepU);
    out[Math.max(0, Math.min(bins - 1, i))].count += count;
  }
  return out;
}

/** SM-2 easiness: from its floor 1.3 in steps of 0.2; the last bin holds 2.9 and above. */
export const EASINESS_BINS = { min: 1.3, step: 0.2, bins: 9 } as const;
