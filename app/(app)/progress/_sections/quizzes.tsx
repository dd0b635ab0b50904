import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ProgressData } from "@/lib/progress/load";
import type { Fmt } from "../_charts/format";
import { Legend, ScaledChart, TABLE, TableDetails, TableHead, TOPIC_STYLE } from "../_charts/kit";
import { QuizChart } from "../_charts/quiz-chart";
import { INTRO, SECTION } from "./types";

/** Score per finished quiz over time, per topic: a chart and the table behind it. */
export async function QuizzesSection({ data, fmt, locale }: { data: ProgressData; fmt: Fmt; locale: string }) {
  const t = await getTranslations("progress");
  const points = data.quizzes;
  const pct = (p: { score: number; length: number }) => (p.length ? p.score / p.length : 0);
  const tickDay = new Intl.DateTimeFormat(locale, { month: "short", day: "numeric", timeZone: "UTC" });
  const summary = points.length
    ? t("quizzes.summary", { count: points.length, latest: fmt.percent(pct(points[points.length - 1])), best: fmt.percent(Math.max(...points.map(pct))) })
    : t("quizzes.none");
  const topics = [...new Set(points.map((p) => p.topic))];
  return (
    <section className={SECTION} aria-labelledby="quizzes-heading" data-testid="progress-quizzes">
      <h2 id="quizzes-heading" className="text-lg font-semibold">
        {t("quizzes.heading")}
      </h2>
      <p className={INTRO}>{summary}</p>
      {points.length === 0 ? (
        <Link href="/quizzes" className="btn-secondary">
          {t("quizzes.start")}
        </Link>
      ) : (
        <>
          <Legend items={topics.map((topic) => ({ label: t(`topics.${topic}`), swatch: (TOPIC_STYLE[topic] ?? TOPIC_STYLE.mixed).swatch }))} />
          <ScaledChart
            render={(width) => (
              <QuizChart points={points} width={width} id="quizzes" title={t("quizzes.chartTitle")} desc={summary} fmt={fmt} tickDay={(d) => tickDay.format(d)} />
            )}
          />
          <TableDetails summary={t("showTable")} testId="quiz-history-table">
            <table className={TABLE}>
              <TableHead columns={[{ label: t("quizzes.when") }, { label: t("quizzes.topic") }, { label: t("quizzes.score"), numeric: true }]} />
              <tbody>
                {[...points].reverse().map((p) => (
                  <tr key={p.id} data-testid="quiz-history-row" data-topic={p.topic}>
                    <th scope="row" className="font-normal">
                      <Link href={`/quizzes/${p.id}`} className="text-brand-600 hover:underline dark:text-brand-100">
                        {fmt.moment(p.finishedAt)}
                      </Link>
                    </th>
                    <td>
                      {t(`topics.${p.topic}`)}
                      {p.retry ? <span className="ms-1 text-xs text-slate-500 dark:text-slate-400">({t("quizzes.retry")})</span> : null}
                    </td>
                    <td className="text-right" data-testid="quiz-history-score">
                      {t("quizzes.scoreCell", { score: p.score, length: p.length })} · {fmt.percent(pct(p))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableDetails>
        </>
      )}
    </section>
  );
}
