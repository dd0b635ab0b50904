import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { cardPlainText } from "@/lib/core/deck/card-text";
import { QUIZ_ACCURACY_DAYS, type ProgressData } from "@/lib/progress/load";
import { CARD_STATES } from "@/lib/core/stats/states";
import { BarsChart } from "../_charts/bars-chart";
import type { Fmt } from "../_charts/format";
import { Legend, ScaledChart, TABLE, TableDetails, TABLE_CELLS, TableHead, TH } from "../_charts/kit";
import { MASTERY_STYLE, MasteryChart } from "../_charts/mastery-chart";
import { INTRO, SECTION, type T } from "./types";

interface Props {
  data: ProgressData;
  fmt: Fmt;
  t: T;
}

/** Number columns of the hardest-cards table, from `sm` up; on a phone they are a line under the card. */
const NUM_TH = "hidden w-px whitespace-nowrap border-b border-slate-200 px-3 py-2 text-right font-semibold sm:table-cell dark:border-slate-800";
const NUM_TD = "hidden w-px whitespace-nowrap text-right sm:table-cell";

const STATE_FILL = {
  new: "fill-slate-400 dark:fill-slate-500",
  learning: "fill-amber-500 dark:fill-amber-300",
  young: "fill-sky-400 dark:fill-sky-300",
  mature: "fill-brand-700 dark:fill-brand-500",
  retired: "fill-slate-300 dark:fill-slate-700",
} as const;

function States({ data, fmt, t }: Props) {
  const s = data.states;
  const summary = t("states.summary", { new: s.new, learning: s.learning, young: s.young, mature: s.mature, retired: s.retired });
  return (
    <section className={SECTION} aria-labelledby="states-heading" data-testid="progress-states">
      <h2 id="states-heading" className="text-lg font-semibold">
        {t("states.heading")}
      </h2>
      <p className={INTRO}>{summary}</p>
      <ScaledChart
        render={(width) => (
          <BarsChart
            data={CARD_STATES.map((k) => ({ key: k, label: t(`states.names.${k}`), value: s[k], fill: STATE_FILL[k] }))}
            width={width}
            height={190}
            id="states"
            title={t("states.chartTitle")}
            desc={summary}
            maxLabels={5}
            showValues
            formatValue={(v) => fmt.number(v)}
          />
        )}
      />
      <p className="text-xs text-slate-500 dark:text-slate-400">{t("states.help")}</p>
      <TableDetails summary={t("showTable")} testId="states-table">
        <table className={TABLE}>
          <TableHead columns={[{ label: t("states.state") }, { label: t("states.cards"), numeric: true }]} />
          <tbody>
            {CARD_STATES.map((k) => (
              <tr key={k} data-state={k}>
                <th scope="row" className="font-normal">
                  {t(`states.names.${k}`)}
                </th>
                <td className="text-right">{s[k]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableDetails>
    </section>
  );
}

function Easiness({ data, fmt, t }: Props) {
  const bins = data.easiness;
  const label = (b: (typeof bins)[number]) =>
    b.to === null ? t("easiness.binOpen", { from: fmt.number(b.from, 1) }) : t("easiness.bin", { from: fmt.number(b.from, 1), to: fmt.number(b.to, 1) });
  const total = bins.reduce((s, b) => s + b.count, 0);
  const top = bins.reduce((best, b) => (b.count > best.count ? b : best), bins[0]);
  const summary = t("easiness.summary", { total, from: fmt.number(top.from, 1), to: top.to === null ? "∞" : fmt.number(top.to, 1) });
  return (
    <section className={SECTION} aria-labelledby="easiness-heading" data-testid="progress-easiness">
      <h2 id="easiness-heading" className="text-lg font-semibold">
        {t("easiness.heading")}
      </h2>
      <p className={INTRO}>{t("easiness.intro")}</p>
      <ScaledChart
        render={(width) => (
          <BarsChart
            data={bins.map((b) => ({ key: String(b.from), label: fmt.number(b.from, 1), value: b.count, fill: "fill-violet-500 dark:fill-violet-400" }))}
            width={width}
            height={190}
            id="easiness"
            title={t("easiness.chartTitle")}
            desc={summary}
            maxLabels={5}
            formatValue={(v) => fmt.number(v)}
          />
        )}
      />
      <TableDetails summary={t("showTable")} testId="easiness-table">
        <table className={TABLE}>
          <TableHead columns={[{ label: t("easiness.range") }, { label: t("easiness.cards"), numeric: true }]} />
          <tbody>
            {bins.map((b) => (
              <tr key={b.from}>
                <th scope="row" className="font-normal">
                  {label(b)}
                </th>
                <td className="text-right">{b.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableDetails>
    </section>
  );
}

function Mastery({ data, fmt, t }: Props) {
  const rows = data.mastery.map((m) => ({
    ...m,
    label: t(`topics.${m.topic}`),
    share: m.cards ? m.mature / m.cards : 0,
    accuracy: m.quiz.answered ? m.quiz.correct / m.quiz.answered : null,
  }));
  const desc = rows
    .map((r) => t("mastery.summaryRow", { topic: r.label, mature: fmt.percent(r.share), quiz: r.accuracy === null ? t("mastery.noQuiz") : fmt.percent(r.accuracy) }))
    .join("; ");
  return (
    <section className={SECTION} aria-labelledby="mastery-heading" data-testid="progress-mastery">
      <h2 id="mastery-heading" className="text-lg font-semibold">
        {t("mastery.heading")}
      </h2>
      <p className={INTRO}>{t("mastery.intro", { days: QUIZ_ACCURACY_DAYS })}</p>
      <Legend
        items={[
          { label: t("mastery.matureLabel"), swatch: MASTERY_STYLE.mature.swatch },
          { label: t("mastery.quizLabel"), swatch: MASTERY_STYLE.quiz.swatch },
        ]}
      />
      <ScaledChart
        render={(width) => (
          <MasteryChart
            rows={rows.map((r) => ({ topic: r.topic, label: r.label, mature: r.share, quiz: r.accuracy }))}
            width={width}
            id="mastery"
            title={t("mastery.chartTitle")}
            desc={desc}
            fmt={fmt}
          />
        )}
      />
      <TableDetails summary={t("showTable")} testId="mastery-table">
        <table className={TABLE}>
          <TableHead columns={[{ label: t("mastery.topic") }, { label: t("mastery.mature"), numeric: true }, { label: t("mastery.quiz"), numeric: true }]} />
          <tbody>
            {rows.map((r) => (
              <tr key={r.topic} data-testid="mastery-row" data-topic={r.topic}>
                <th scope="row" className="font-normal">
                  {r.label}
                </th>
                <td className="text-right" data-testid="mastery-mature">
                  {t("mastery.matureCell", { mature: r.mature, cards: r.cards, share: fmt.percent(r.share) })}
                </td>
                <td className="text-right" data-testid="mastery-quiz">
                  {r.accuracy === null
                    ? t("mastery.dash")
                    : t("mastery.quizCell", { correct: r.quiz.correct, answered: r.quiz.answered, share: fmt.percent(r.accuracy) })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableDetails>
    </section>
  );
}

function Hardest({ data, fmt, t, locale }: Props & { locale: string }) {
  const side = locale === "zh-CN" ? "zh" : "en";
  return (
    <section className={SECTION} aria-labelledby="hardest-heading" data-testid="progress-hardest">
      <h2 id="hardest-heading" className="text-lg font-semibold">
        {t("hardest.heading")}
      </h2>
      <p className={INTRO}>{t("hardest.intro")}</p>
      {data.hardest.length === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">{t("hardest.none")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className={`w-full border-collapse text-left text-sm tabular-nums ${TABLE_CELLS}`} data-testid="hardest-table">
            <TableHead columns={[{ label: t("hardest.card") }, { label: t("hardest.topic"), className: `${TH} hidden sm:table-cell` }, { label: t("hardest.easiness"), className: NUM_TH }, { label: t("hardest.lapses"), className: NUM_TH }]} />
            <tbody>
              {data.hardest.map((c) => {
                const text = cardPlainText(c.front[side]).replace(/\s+/g, " ").trim();
                const topic = t(`topics.${c.topic}`);
                return (
                  <tr key={c.id} data-testid="hardest-row">
                    <td>
                      <Link href={`/decks/cards/${c.id}`} className="font-medium text-brand-600 hover:underline dark:text-brand-100" lang={side === "zh" ? "zh-CN" : "en"}>
                        {text.length > 90 ? `${text.slice(0, 89)}…` : text}
                      </Link>
                      <span className="block text-xs text-slate-500 sm:hidden dark:text-slate-400">
                        {t("hardest.line", { topic, easiness: fmt.number(c.easiness, 2), lapses: c.lapses })}
                      </span>
                    </td>
                    <td className="hidden whitespace-nowrap sm:table-cell">{topic}</td>
                    <td className={NUM_TD}>{fmt.number(c.easiness, 2)}</td>
                    <td className={NUM_TD}>{c.lapses}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** Card states, easiness, mastery per topic and the hardest cards. */
export async function CardsSection({ data, fmt, locale }: { data: ProgressData; fmt: Fmt; locale: string }) {
  const t = await getTranslations("progress");
  return (
    <>
      <div className="grid gap-8 lg:grid-cols-2">
        <States data={data} fmt={fmt} t={t} />
        <Easiness data={data} fmt={fmt} t={t} />
      </div>
      <Mastery data={data} fmt={fmt} t={t} />
      <Hardest data={data} fmt={fmt} t={t} locale={locale} />
    </>
  );
}
