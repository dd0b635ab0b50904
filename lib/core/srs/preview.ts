/** Interval formatting for the grade buttons (what each grade does comes from ./schedule). */
export type IntervalUnit = "d" | "mo" | "y";

export interface FormattedInterval {
  value: number;
  unit: IntervalUnit;
}

/** Average days per month / year used for display only. */
const DAYS_PER_YEAR = 365;
const DAYS_PER_MONTH = DAYS_PER_YEAR / 12; // 30.4166…

/**
 * Human-scale interval:
 *  - < 30 days          → whole days          (0 → 0 d, 1 → 1 d, 29 → 29 d)
 *  - 30 ≤ days < 365    → whole months, rounded, at least 1 (30 → 1 mo, 95 → 3 mo, 364 → 12 mo)
 *  - ≥ 365              → years with one decimal (365 → 1 y, 400 → 1.1 y, 1000 → 2.7 y)
 * Negative / non-finite input is treated as 0; fractional days are rounded.
 */
export function formatInterval(days: number): FormattedInterval {
  const d = Number.isFinite(days) && days > 0 ? Math.round(days) : 0;
  if (d < 30) return { value: d, unit: "d" };
  if (d < DAYS_PER_YEAR) return { value: Math.max(1, Math.round(d / DAYS_PER_MONTH)), unit: "mo" };
  return { value: Math.round((d / DAYS_PER_YEAR) * 10) / 10, unit: "y" };
}

export type IntervalLocale = "en" | "zh-CN";

const UNIT_LABELS: Record<IntervalLocale, Record<IntervalUnit, string>> = {
  en: { d: " d", mo: " mo", y: " y" },
  "zh-CN": { d: "天", mo: "个月", y: "年" },
};

/** "1 d" / "3 mo" / "1.1 y" (en), "1天" / "3个月" / "1.1年" (zh-CN). */
export function formatIntervalShort(days: number, locale: IntervalLocale): string {
  const { value, unit } = formatInterval(days);
  const labels = UNIT_LABELS[locale] ?? UNIT_LABELS.en;
  return `${value}${labels[unit]}`;
}
