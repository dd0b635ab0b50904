"use client";

import { useTranslations } from "next-intl";
import { formatIntervalShort } from "@/lib/core/srs/preview";
import type { GradeLabel } from "@/lib/core/srs/schedule";
import { QUALITIES, type Quality } from "@/lib/core/srs/sm2";
import { FSRS_BUTTON_GRADES } from "@/lib/core/srs/fsrs-buttons";

type Locale = "en" | "zh-CN";

/** What a grade does today, in words: "again today, then 1 d", "6 d", "again today", "done for today". */
function useLabelText(locale: Locale) {
  const t = useTranslations("review.outcome");
  return (label: GradeLabel) => {
    if (label.intervalDays === null) return label.againToday ? t("againToday") : t("doneToday");
    const interval = formatIntervalShort(label.intervalDays, locale);
    return label.againToday ? t("againThen", { interval }) : interval;
  };
}

/**
 * SM-2 learners grade 0–5 (keys 0–5); FSRS learners press Again, Hard, Good or Easy (keys 1–4),
 * which commit the grades FSRS_BUTTON_GRADES. Each button shows what its grade does, from the
 * same model outcome the grade commits.
 */
export function GradeButtons({
  labels,
  locale,
  disabled,
  onGrade,
  algorithm = "sm2",
  suggested,
}: {
  labels: GradeLabel[];
  locale: Locale;
  disabled: boolean;
  onGrade: (q: Quality) => void;
  algorithm?: "sm2" | "fsrs";
  /** The grade a typed answer suggests: marked and focused, so Enter takes it. */
  suggested?: number;
}) {
  const t = useTranslations("review");
  const text = useLabelText(locale);
  const fsrs = algorithm === "fsrs";
  const grades = fsrs ? FSRS_BUTTON_GRADES : QUALITIES;
  return (
    <fieldset className="space-y-2" disabled={disabled} data-algorithm={algorithm}>
      <legend className="mb-2 text-sm text-slate-600 dark:text-slate-400">
        {fsrs ? t("fsrs.gradeGroup") : t("gradeGroup")}{" "}
        <span className="key-hint" data-key-hint>
          {fsrs ? t("fsrs.gradeKeys") : t("gradeKeys")}
        </span>
      </legend>
      <div className={fsrs ? "grid grid-cols-2 gap-2 sm:grid-cols-4" : "grid grid-cols-3 gap-2 sm:grid-cols-6"}>
        {grades.map((q, i) => (
          <button
            key={q}
            type="button"
            data-grade={q}
            data-suggested={q === suggested ? "true" : undefined}
            autoFocus={q === suggested}
            onClick={() => onGrade(q)}
            title={fsrs ? t(`fsrs.help.${q}` as never) : t(`gradeHelp.${q}`)}
            aria-keyshortcuts={String(fsrs ? i + 1 : q)}
            className={`flex min-h-11 flex-col items-center rounded-lg border px-2 py-2 text-sm font-medium transition-colors ${
              q < 3
                ? "border-red-200 bg-red-50 text-red-900 hover:bg-red-100 dark:border-red-900 dark:bg-red-950 dark:text-red-100"
                : "border-green-200 bg-green-50 text-green-900 hover:bg-green-100 dark:border-green-900 dark:bg-green-950 dark:text-green-100"
            } ${q === suggested ? "ring-2 ring-brand-500 ring-offset-2 dark:ring-sky-400 dark:ring-offset-slate-900" : ""}`}
          >
            <span>
              <kbd className="key-hint me-1 text-xs">{fsrs ? i + 1 : q}</kbd>
              {fsrs ? t(`fsrs.buttons.${q}` as never) : t(`grades.${q}`)}
            </span>
            <span className="text-xs" data-testid={`interval-${q}`}>
              {text(labels[q])}
            </span>
            {q === suggested ? <span className="sr-only">{t("typeIn.suggestedMark")}</span> : null}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
