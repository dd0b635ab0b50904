/**
 * Everything the Progress page shows, for one learner, in the learner's time zone and rollover
 * hour. The few queries are aggregates over indexed ranges (see ./queries.ts); the numbers are
 * assembled by the pure functions of lib/core/stats.
 */
import type { DbTx } from "@/lib/db/client";
import type { Learner } from "@/lib/reviews/learner";
import { loadQueue } from "@/lib/reviews/queue-data";
import { addLocalDays, dayBounds, dayStart, localDayKey } from "@/lib/core/srs/days";
import { calendarDayCount, calendarWeeks, type CalendarWeek } from "@/lib/core/stats/calendar";
import { dailyCounts, summarizeDays, type DayCounts, type SeriesSummary } from "@/lib/core/stats/daily";
import { forecast, withDueToday, type ForecastDay } from "@/lib/core/stats/forecast";
import { dueTodayIds } from "@/lib/reviews/due-today";
import type { Bin } from "@/lib/core/stats/histogram";
import { daysBetween, lastDays, lastWeeks, nextDays, type BucketRange } from "@/lib/core/stats/ranges";
import { retention, type Retention } from "@/lib/core/stats/retention";
import type { StateCounts } from "@/lib/core/stats/states";
import { streaks, type Streaks } from "@/lib/core/stats/streaks";
import {
  activeDays, cardStates, dailyByKind, dueByBucket, easinessHistogram, firstReviewAt, hardestCards, quizHistory,
  retentionByBucket, studiedPerDay, todaySummary, topicMastery, type HardCard, type QuizPoint, type TodaySummary, type TopicMastery,
} from "./queries";
import { HistoryMemo } from "./history-cache";

export const RANGES = [30, 90, 365] as const;
export type RangeDays = (typeof RANGES)[number];

/** `?range=30|90|365`; anything else is the default, 30. */
export function parseRange(raw: string | string[] | undefined): RangeDays {
  const v = Number(Array.isArray(raw) ? raw[0] : raw);
  return (RANGES as readonly number[]).includes(v) ? (v as RangeDays) : 30;
}

export const FORECAST_DAYS = 30;
export const RETENTION_WEEKS = 12;
/** Quiz accuracy per topic looks at this many learner days, today included. */
export const QUIZ_ACCURACY_DAYS = 30;

export interface ProgressData {
  todayKey: string;
  /** Nothing studied and no quiz taken yet: the page shows a friendly start instead of charts. */
  empty: boolean;
  today: TodaySummary & { left: { review: number; new: number; drill: number; total: number } };
  streaks: Streaks;
  range: RangeDays;
  /** The last `range` learner days, oldest first. */
  days: DayCounts[];
  daysSummary: SeriesSummary & { quizMisses: number };
  /** One year of weeks for the heat map (review-screen grades; quiz reschedules left out). */
  calendar: CalendarWeek[];
  calendarSummary: { total: number; activeDays: number };
  retention: Retention;
  forecast: ForecastDay[];
  states: StateCounts;
  easiness: Bin[];
  mastery: TopicMastery[];
  quizzes: QuizPoint[];
  hardest: HardCard[];
}

interface StudiedDays {
  /** The calendar's year, one count a day (review-screen grades, not undone). */
  calendarDays: { key: string; count: number }[];
  /** Every day with such a grade, the year's and older ones, oldest first: what streaks are made of. */
  active: string[];
  first: Date | null;
}

/**
 * The year's per-day counts and the older active days: about 740 one-day index probes for a
 * two-year history, the same until the learner grades or undoes (./history-cache), so remembered
 * per learner under the grades' stamp and today's date (the year's window moves with it).
 */
const rememberedStudy = new HistoryMemo<StudiedDays>();

async function studiedDays(db: DbTx, learner: Learner, year: BucketRange): Promise<StudiedDays> {
  const { timeZone: tz, rolloverHour: rh } = learner;
  const [yearRows, first] = await Promise.all([studiedPerDay(db, learner.id, year), firstReviewAt(db, learner.id)]);
  const calendarDays = year.keys.map((key) => ({ key, count: 0 }));
  for (const r of yearRows) calendarDays[r.bucket].count = r.count;
  // Streaks: active days of the last year come from the per-day counts already read; only a
  // history older than that is asked for separately.
  const active = calendarDays.filter((d) => d.count > 0).map((d) => d.key);
  if (first && first.getTime() < year.boundaries[0].getTime()) {
    const older = daysBetween(localDayKey(first, tz, rh), addLocalDays(year.keys[0], -1), tz, rh);
    active.unshift(...(await activeDays(db, learner.id, older)));
  }
  return { calendarDays, active, first };
}

export async function loadProgress(db: DbTx, learner: Learner, now: Date, range: RangeDays = 30): Promise<ProgressData> {
  const { timeZone: tz, rolloverHour: rh } = learner;
  const today = dayBounds(now, tz, rh);
  // The chart's days by kind; the calendar's year (and the streaks) only needs one count a day.
  const chart = lastDays(now, range, tz, rh);
  const weeks = lastWeeks(now, RETENTION_WEEKS, tz, rh);
  const ahead = nextDays(now, FORECAST_DAYS, tz, rh);
  const accuracySince = dayStart(addLocalDays(today.key, 1 - QUIZ_ACCURACY_DAYS), tz, rh);

  const [queue, dueToday, summary, chartRows, studied, retentionRows, dueRows, states, easiness, mastery, quizzes, hardest] = await Promise.all([
    loadQueue(db, learner, now),
    dueTodayIds(db, learner, now),
    todaySummary(db, learner.id, today),
    dailyByKind(db, learner.id, chart),
    // The year's 372 day boundaries are worked out only when the counts are read.
    rememberedStudy.get(db, learner.id, `${tz}|${rh}|${today.key}`, () => studiedDays(db, learner, lastDays(now, calendarDayCount(today.key), tz, rh))),
    retentionByBucket(db, learner.id, weeks),
    dueByBucket(db, learner.id, ahead),
    cardStates(db, learner.id),
    easinessHistogram(db, learner.id),
    topicMastery(db, learner.id, accuracySince),
    quizHistory(db, learner.id),
    hardestCards(db, learner.id),
  ]);

  const { calendarDays, active, first } = studied;

  const days = dailyCounts(chart.keys, chartRows);
  const left = queue.queue.counts;
  return {
    todayKey: today.key,
    empty: first === null && quizzes.length === 0,
    today: { ...summary, left: { ...left, total: left.review + left.new + left.drill } },
    streaks: streaks(active, today.key),
    range,
    days,
    daysSummary: summarizeDays(days),
    calendar: calendarWeeks(calendarDays),
    calendarSummary: { total: calendarDays.reduce((s, d) => s + d.count, 0), activeDays: calendarDays.filter((d) => d.count > 0).length },
    retention: retention(weeks.keys, retentionRows),
    forecast: withDueToday(forecast(ahead.keys, dueRows), dueToday.size),
    states,
    easiness,
    mastery,
    quizzes,
    hardest,
  };
}
