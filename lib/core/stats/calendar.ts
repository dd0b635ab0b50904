/**
 * A one-year calendar heat map: columns are weeks (Monday first), rows weekdays. Pure layout
 * from a contiguous run of days ending today.
 */
import { mondayOf, weekdayOf } from "./ranges";
import { addLocalDays } from "@/lib/core/srs/days";

export interface CalendarCell {
  key: string;
  count: number;
  /** 0 (none) … 4 (busiest quarter of the range). */
  level: number;
}

export interface CalendarWeek {
  /** Monday of the week. */
  key: string;
  /** Seven entries, Monday … Sunday; null before the range or after today. */
  days: (CalendarCell | null)[];
}

/** Days shown: 52 full weeks before the current one, plus the current week up to today. */
export function calendarDayCount(todayKey: string): number {
  return 52 * 7 + weekdayOf(todayKey) + 1;
}

/** 0 for nothing, else 1–4 by quarter of the busiest day (a single review still shows). */
export function heatLevel(count: number, max: number): number {
  if (!(count > 0) || !(max > 0)) return 0;
  return Math.min(4, Math.max(1, Math.ceil((count / max) * 4)));
}

export function calendarWeeks(days: readonly { key: string; count: number }[]): CalendarWeek[] {
  if (!days.length) return [];
  const max = days.reduce((m, d) => Math.max(m, d.count), 0);
  const byKey = new Map(days.map((d) => [d.key, d.count]));
  const first = days[0].key;
  const last = days[days.length - 1].key;
  const weeks: CalendarWeek[] = [];
  for (let monday = mondayOf(first); monday <= last; monday = addLocalDays(monday, 7)) {
    weeks.push({
      key: monday,
      days: Array.from({ length: 7 }, (_, i) => {
        const key = addLocalDays(monday, i);
        if (key < first || key > last) return null;
        const count = byKey.get(key) ?? 0;
        return { key, count, level: heatLevel(count, max) };
      }),
    });
  }
  return weeks;
}
