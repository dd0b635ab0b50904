import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { FORECAST_DAYS, RANGES, RETENTION_WEEKS, type ProgressData } from "@/lib/progress/load";
import { LOG_KINDS } from "@/lib/core/stats/daily";
import type { Share } from "@/lib/core/stats/retention";
import { BarsChart } from "../_charts/bars-chart";
import type { Fmt } from "../_charts/format";
import { CalendarHeatmap, HEAT_SWATCH } from "../_charts/heatmap";
import { KIND_STYLE, Legend, ScaledChart, TABLE, TableDetails, TableHead, TH } from "../_charts/kit";
import { RETENTION_STYLE, RetentionChart } from "../_charts/retention-chart";
import { ReviewsChart } from "../_charts/reviews-chart";
import { INTRO, SECTION, type T } from "./types";

interface Props {
  data: ProgressData;
  fmt: Fmt;
  t: T;
}

function ReviewsPerDay({ data, fmt, t }: Props) {
  const { days, daysSummary: s, range } = data;
  const summary = [
    t("reviews.summary", { total: s.total, active: s.activeDays, days: range, average: fmt.number(s.average, 1) }),
    s.busiest ? t("reviews.busiest", { day: fmt.dayLong(s.busiest.key), count: s.busiest.count }) : "",
    s.quizMisses > 0 ? t("reviews.quizMisses", { count: s.quizMisses }) : "",
  ]
    .join(" ")
    .trim();
  const active = days.filter((d) => d.total > 0).reverse();
  return (
    <section className={SECTION} aria-labelledby="reviews-heading" data-testid="progress-reviews">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="reviews-heading" className="text-lg font-semibold">
          {t("reviews.heading")}
        </h2>
        <nav aria-label={t("reviews.range")} className="flex gap-1 rounded-lg bg-slate-100 p-1 text-sm dark:bg-slate-800">
          {RANGES.map((r) => (
            <Link
              key={r}
              href={`/progress?range=${r}`}
              aria-current={r === range ? "page" : undefined}
              scroll={false}
              className={`flex min-h-11 items-center rounded-md px-3 font-medium sm:min-h-8 ${
                r === range
                  ? "bg-white text-brand-700 shadow-sm dark:bg-slate-950 dark:text-brand-100"
                  : "text-slate-600 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white"
              }`}
              data-testid={`range-${r}`}
            >
              {t("reviews.rangeOption", { days: r })}
            </Link>
          ))}
        </nav>
      </div>
      <p className={INTRO} data-testid="reviews-summary">
        {s.total > 0 ? summary : t("reviews.none", { days: range })}
      </p>
      <Legend items={LOG_KINDS.map((k) => ({ label: t(`kinds.${k}`), swatch: KIND_STYLE[k].swatch }))} />
      <ScaledChart
        render={(width) => (
          <ReviewsChart days={days} width={width} id="reviews" title={t("reviews.chartTitle", { days: range })} desc={summary} fmt={fmt} />
        )}
      />
      <TableDetails summary={t("showTable")} testId="reviews-table">
        <table className={TABLE}>
          <caption className="px-3 py-2 text-left text-xs text-slate-500 dark:text-slate-400">{t("reviews.onlyActive")}</caption>
          <thead>
            <tr>
              <th scope="col" className={TH}>
                {t("reviews.date")}
              </th>
              {LOG_KINDS.map((k) => (
                <th key={k} scope="col" className={`${TH} text-right`}>
                  {t(`kinds.${k}`)}
                </th>
              ))}
              <th scope="col" className={`${TH} text-right`}>
                {t("reviews.total")}
              </th>
            </tr>
          </thead>
          <tbody>
            {active.map((d) => (
              <tr key={d.key} data-day={d.key}>
                <th scope="row" className="font-normal">
                  {fmt.dayLong(d.key)}
                </th>
                {LOG_KINDS.map((k) => (
                  <td key={k} className="text-right">
                    {d[k]}
                  </td>
                ))}
                <td className="text-right font-medium">{d.total}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableDetails>
    </section>
  );
}

const WEEKDAY_INDEXES = [0, 1, 2, 3, 4, 5, 6];

function Calendar({ data, fmt, t }: Props) {
  // One message per day: compiled messages (next.config.js) keep no arrays for t.raw to return.
  const weekdays = WEEKDAY_INDEXES.map((i) => t(`calendar.weekdays.${i}` as never));
  const summary = t("calendar.summary", { total: data.calendarSummary.total, active: data.calendarSummary.activeDays });
  const weeks = data.calendar.filter((w) => w.days.some((d) => d && d.count > 0)).reverse();
  return (
    <section className={SECTION} aria-labelledby="calendar-heading" data-testid="progress-calendar">
      <h2 id="calendar-heading" className="text-lg font-semibold">
        {t("calendar.heading")}
      </h2>
      <p className={INTRO}>{summary}</p>
      {/* A year of weeks stays legible on a phone by scrolling sideways; rtl starts it at today. */}
      <div className="overflow-x-auto" dir="rtl">
        <div dir="ltr" className="min-w-[600px]">
          <CalendarHeatmap weeks={data.calendar} id="calendar" title={t("calendar.chartTitle")} desc={summary} fmt={fmt} weekdayLabels={weekdays} />
        </div>
      </div>
      <div className="flex items-center justify-end gap-1 text-xs text-slate-500 dark:text-slate-400">
        <span>{t("calendar.less")}</span>
        {HEAT_SWATCH.map((s) => (
          <span key={s} className={`inline-block size-3 rounded-sm ${s}`} />
        ))}
        <span>{t("calendar.more")}</span>
      </div>
      <TableDetails summary={t("showTable")} testId="calendar-table">
        <table className={TABLE}>
          <caption className="px-3 py-2 text-left text-xs text-slate-500 dark:text-slate-400">{t("calendar.onlyActive")}</caption>
          <thead>
            <tr>
              <th scope="col" className={TH}>
                {t("calendar.week")}
              </th>
              {weekdays.map((d) => (
                <th key={d} scope="col" className={`${TH} text-right`}>
                  {d}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeks.map((w) => (
              <tr key={w.key}>
                <th scope="row" className="font-normal">
                  {fmt.dayLong(w.key)}
                </th>
                {w.days.map((d, i) => (
                  <td key={i} className="text-right">
                    {d ? d.count : ""}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableDetails>
    </section>
  );
}

function Retention({ data, fmt, t }: Props) {
  const r = data.retention;
  const overall = (label: string, s: Share) =>
    s.share === null ? t("retention.noData", { label }) : t("retention.overall", { label, share: fmt.percent(s.share), total: s.total });
  const young = overall(t("retention.young"), r.young);
  const mature = overall(t("retention.mature"), r.mature);
  const cell = (s: Share) => (s.share === null ? "—" : t("retention.cell", { passed: s.passed, total: s.total, share: fmt.percent(s.share) }));
  const hasData = r.young.total + r.mature.total > 0;
  return (
    <section className={SECTION} aria-labelledby="retention-heading" data-testid="progress-retention">
      <h2 id="retention-heading" className="text-lg font-semibold">
        {t("retention.heading")}
      </h2>
      <p className={INTRO}>{t("retention.intro")}</p>
      {hasData ? (
        <>
          <ul className="flex flex-wrap gap-x-6 gap-y-1 text-sm font-medium" data-testid="retention-overall">
            <li>{young}</li>
            <li>{mature}</li>
          </ul>
          <Legend
            items={[
              { label: t("retention.young"), swatch: RETENTION_STYLE.young.swatch },
              { label: t("retention.mature"), swatch: RETENTION_STYLE.mature.swatch },
            ]}
          />
          <ScaledChart
            render={(width) => (
              <RetentionChart
                weeks={r.buckets}
                width={width}
                id="retention"
                title={t("retention.chartTitle", { weeks: RETENTION_WEEKS })}
                desc={`${young}. ${mature}.`}
                fmt={fmt}
              />
            )}
          />
          <TableDetails summary={t("showTable")} testId="retention-table">
            <table className={TABLE}>
              <TableHead columns={[{ label: t("retention.week") }, { label: t("retention.young"), numeric: true }, { label: t("retention.mature"), numeric: true }]} />
              <tbody>
                {[...r.buckets].reverse().map((b) => (
                  <tr key={b.key}>
                    <th scope="row" className="font-normal">
                      {fmt.dayLong(b.key)}
                    </th>
                    <td className="text-right">{cell(b.young)}</td>
                    <td className="text-right">{cell(b.mature)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableDetails>
        </>
      ) : (
        <p className="text-sm text-slate-500 dark:text-slate-400">{t("retention.none", { weeks: RETENTION_WEEKS })}</p>
      )}
    </section>
  );
}

function Forecast({ data, fmt, t }: Props) {
  const days = data.forecast;
  const total = days.reduce((s, d) => s + d.due, 0);
  const summary = t("forecast.summary", { total, days: FORECAST_DAYS, today: days[0]?.due ?? 0 });
  const label = (key: string, i: number) => (i === 0 ? t("forecast.today") : fmt.day(key));
  return (
    <section className={SECTION} aria-labelledby="forecast-heading" data-testid="progress-forecast">
      <h2 id="forecast-heading" className="text-lg font-semibold">
        {t("forecast.heading")}
      </h2>
      <p className={INTRO}>
        {t("forecast.intro", { days: FORECAST_DAYS })} {summary}
      </p>
      <ScaledChart
        render={(width) => (
          <BarsChart
            data={days.map((d, i) => ({ key: d.key, label: label(d.key, i), value: d.due, fill: "fill-brand-500 dark:fill-sky-400" }))}
            width={width}
            height={180}
            id="forecast"
            title={t("forecast.chartTitle", { days: FORECAST_DAYS })}
            desc={summary}
            maxLabels={4}
            formatValue={(v) => fmt.number(v)}
            dateAxis
          />
        )}
      />
      <TableDetails summary={t("showTable")} testId="forecast-table">
        <table className={TABLE}>
          <TableHead columns={[{ label: t("forecast.day") }, { label: t("forecast.due"), numeric: true }]} />
          <tbody>
            {days.map((d, i) => (
              <tr key={d.key}>
                <th scope="row" className="font-normal">
                  {i === 0 ? `${t("forecast.today")} · ${fmt.dayLong(d.key)}` : fmt.dayLong(d.key)}
                </th>
                <td className="text-right">{d.due}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableDetails>
    </section>
  );
}

/** Reviews per day and over the year, retention and the forecast. */
export async function ActivitySection({ data, fmt }: { data: ProgressData; fmt: Fmt }) {
  const t = await getTranslations("progress");
  return (
    <>
      <ReviewsPerDay data={data} fmt={fmt} t={t} />
      <Calendar data={data} fmt={fmt} t={t} />
      <div className="grid gap-8 lg:grid-cols-2">
        <Retention data={data} fmt={fmt} t={t} />
        <Forecast data={data} fmt={fmt} t={t} />
      </div>
    </>
  );
}
