"use client";

import { useTranslations } from "next-intl";
import { formatIntervalShort } from "@/lib/core/srs/preview";
import type { GradeLabel } from "@/lib/core/srs/schedule";
import { QUALITIES, type Quality } from "@/lib/core/srs/sm2";

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

export function GradeButtons({ labels, locale, disabled, onGrade }: { labels: GradeLabel[]; locale: Locale; disabled: boolean; onGrade: (q: Quality) => void }) {
  const t = useTranslations("review");
  const text = useLabelText(locale);
  return (
    <fieldset className="space-y-2" disabled={disabled}>
      <legend className="mb-2 text-sm text-slate-600 dark:text-slate-400">
        {t("gradeGroup")}{" "}
        <span className="key-hint" data-key-hint>
          {t("gradeKeys")}
        </span>
      </legend>
      <div className="grid grid-cols-3 gap-2 sm:grid-cols-6">
        {QUALITIES.map((q) => (
          <button
            key={q}
            type="button"
            data-grade={q}
            onClick={() => onGrade(q)}
            title={t(`gradeHelp.${q}`)}
            aria-keyshortcuts={String(q)}
            className={`flex min-h-11 flex-col items-center rounded-lg border px-2 py-2 text-sm font-medium transition-colors ${
              q < 3
                ? "border-red-200 bg-red-50 text-red-900 hover:bg-red-100 dark:border-red-900 dark:bg-red-950 dark:text-red-100"
                : "border-green-200 bg-green-50 text-green-900 hover:bg-green-100 dark:border-green-900 dark:bg-green-950 dark:text-green-100"
            }`}
          >
            <span>
              <kbd className="key-hint me-1 text-xs">{q}</kbd>
              {t(`grades.${q}`)}
            </span>
            <span className="text-xs" data-testid={`interval-${q}`}>
              {text(labels[q])}
            </span>
          </button>
        ))}
      </div>
    </fieldset>
  );
}
