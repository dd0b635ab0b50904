import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { readyDb } from "@/lib/db/client";
import type { Learner } from "@/lib/reviews/learner";
import type { Metrics } from "@/lib/core/stats/prediction";
import { loadSchedulePrediction, type SchedulePrediction } from "@/lib/progress/prediction";
import { CALIBRATION_STYLE, CalibrationChart } from "../_charts/calibration-chart";
import type { Fmt } from "../_charts/format";
import { Legend, ScaledChart, TABLE, TABLE_CELLS, TableDetails, TableHead } from "../_charts/kit";
import { INTRO, SECTION, type T } from "./types";

const ALGORITHMS = ["sm2", "fsrs"] as const;

function MetricsTable({ data, fmt, t }: { data: SchedulePrediction; fmt: Fmt; t: T }) {
  const cell = (m: Metrics | null, pick: (m: Metrics) => number | null) => {
    const v = m ? pick(m) : null;
    return v === null ? t("dash") : fmt.number(v, 3);
  };
  const rows = [
    { key: "logLoss", pick: (m: Metrics) => m.logLoss },
    { key: "rmseBins", pick: (m: Metrics) => m.rmseBins },
    { key: "auc", pick: (m: Metrics) => m.auc },
  ] as const;
  return (
    <div className="overflow-x-auto">
      {/* No min-width: the explanations wrap, so the figures stay on a phone's screen. */}
      <table className={`w-full border-collapse text-left text-sm tabular-nums ${TABLE_CELLS}`} data-testid="prediction-metrics">
        <TableHead columns={[{ label: t("metric") }, { label: t("sm2"), numeric: true }, { label: t("fsrs"), numeric: true }]} />
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} data-metric={r.key}>
              <th scope="row" className="font-normal">
                <span className="font-medium">{t(`metrics.${r.key}.name`)}</span>
                <span className="block text-xs text-slate-600 dark:text-slate-400">{t(`metrics.${r.key}.help`)}</span>
              </th>
              <td className="text-right align-top" data-algorithm="sm2">{cell(data.sm2, r.pick)}</td>
              <td className="text-right align-top" data-algorithm="fsrs">{cell(data.fsrs, r.pick)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CalibrationTable({ data, fmt, t }: { data: SchedulePrediction; fmt: Fmt; t: T }) {
  const sm2 = data.sm2!.calibration;
  const fsrs = data.fsrs!.calibration;
  const recalled = (b: (typeof sm2)[number]) => (b.actual === null ? t("dash") : t("binCell", { share: fmt.percent(b.actual), count: b.count }));
  return (
    <table className={TABLE}>
      <TableHead columns={[{ label: t("predicted") }, { label: t("recalledBy", { algorithm: t("sm2") }), numeric: true }, { label: t("recalledBy", { algorithm: t("fsrs") }), numeric: true }]} />
      <tbody>
        {sm2.map((b, i) => (
          <tr key={b.from} data-testid="calibration-row">
            <th scope="row" className="font-normal">
              {t("bin", { from: fmt.percent(b.from), to: fmt.percent(b.to) })}
            </th>
            <td className="text-right">{recalled(b)}</td>
            <td className="text-right">{recalled(fsrs[i])}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

async function PredictionBody({ learner, fmt }: { learner: Learner; fmt: Fmt }) {
  const [t, data] = await Promise.all([getTranslations("prediction"), readyDb().then((db) => loadSchedulePrediction(db, learner))]);
  if (!data.enough || !data.sm2 || !data.fsrs) {
    return (
      <p className={INTRO} data-testid="prediction-empty">
        {t("tooFew", { minimum: data.minimum, reviews: data.reviews })}
      </p>
    );
  }
  const better = data.fsrs.logLoss < data.sm2.logLoss ? "fsrs" : data.sm2.logLoss < data.fsrs.logLoss ? "sm2" : null;
  const desc = t("chartDesc", {
    sm2: fmt.number(data.sm2.rmseBins, 3),
    fsrs: fmt.number(data.fsrs.rmseBins, 3),
  });
  return (
    <>
      <p className={INTRO}>{t("intro", { reviews: data.reviews, cards: data.cards, recalled: fmt.percent(data.recallRate ?? 0) })}</p>
      <p className="text-sm font-medium" data-testid="prediction-verdict" data-better={better ?? "tie"}>
        {better ? t("verdict", { algorithm: t(better) }) : t("tie")}
      </p>
      <MetricsTable data={data} fmt={fmt} t={t} />
      <h3 className="pt-2 text-base font-semibold">{t("calibrationHeading")}</h3>
      <p className={INTRO}>{t("calibrationIntro")}</p>
      <Legend items={ALGORITHMS.map((a) => ({ label: t(a), swatch: CALIBRATION_STYLE[a].swatch }))} />
      <ScaledChart
        render={(width) => (
          <CalibrationChart sm2={data.sm2!.calibration} fsrs={data.fsrs!.calibration} width={width} id="calibration" title={t("chartTitle")} desc={desc} fmt={fmt} />
        )}
      />
      <TableDetails summary={t("showTable")} testId="calibration-table">
        <CalibrationTable data={data} fmt={fmt} t={t} />
      </TableDetails>
      <p className="text-xs text-slate-600 dark:text-slate-400">{t("method")}</p>
    </>
  );
}

/** "How well does your schedule predict your memory?": SM-2 and FSRS scored on the learner's own reviews. Streams in after the rest of the page. */
export async function PredictionSection({ learner, fmt }: { learner: Learner; fmt: Fmt }) {
  const t = await getTranslations("prediction");
  return (
    <section className={SECTION} aria-labelledby="prediction-heading" data-testid="progress-prediction">
      <h2 id="prediction-heading" className="text-lg font-semibold">
        {t("heading")}
      </h2>
      <Suspense fallback={<p className={INTRO}>{t("loading")}</p>}>
        <PredictionBody learner={learner} fmt={fmt} />
      </Suspense>
    </section>
  );
}
