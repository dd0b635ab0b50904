"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";

/** Nothing left and nothing done today: when the next cards come, and a way to keep learning. */
export function ReviewEmpty({ nextDueAt, locale, timeZone }: { nextDueAt: string | null; locale: "en" | "zh-CN"; timeZone: string }) {
  const t = useTranslations("review");
  return (
    <section className="card-surface p-6 text-center" data-testid="review-empty">
      <h2 className="text-xl font-semibold">{t("empty.title")}</h2>
      <p className="mt-2 text-slate-600 dark:text-slate-400">{t("empty.body")}</p>
      {nextDueAt ? (
        <p className="mt-2 text-slate-600 dark:text-slate-400">
          {t("empty.nextDue", { when: new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(nextDueAt)) })}
        </p>
      ) : null}
      <Link href="/quizzes" className="btn-primary mt-4">
        {t("empty.quiz")}
      </Link>
    </section>
  );
}
