import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/app/_auth/current-user";
import { readyDb } from "@/lib/db/client";
import { loadProgress, parseRange } from "@/lib/progress/load";
import { makeFmt } from "./_charts/format";
import { ActivitySection } from "./_sections/activity";
import { CardsSection } from "./_sections/cards";
import { PredictionSection } from "./_sections/prediction";
import { QuizzesSection } from "./_sections/quizzes";
import { TodaySection } from "./_sections/today";

export async function generateMetadata() {
  const t = await getTranslations("progress");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ProgressPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser();
  const range = parseRange((await searchParams).range);
  const [t, locale] = await Promise.all([getTranslations("progress"), getLocale()]);
  const data = await loadProgress(await readyDb(), user, new Date(), range);
  const fmt = makeFmt(locale, user.timeZone);
  const hour = new Intl.DateTimeFormat(locale, { hour: "numeric", minute: "2-digit", timeZone: "UTC" }).format(new Date(Date.UTC(2000, 0, 1, user.rolloverHour)));

  return (
    <div className="space-y-8" data-testid="progress-page">
      <header>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-slate-600 dark:text-slate-400">{t("intro", { timeZone: user.timeZone, hour })}</p>
      </header>

      <TodaySection data={data} fmt={fmt} />

      {data.empty ? (
        <section className="card-surface space-y-3 p-6 text-center" data-testid="progress-empty" aria-labelledby="empty-heading">
          <h2 id="empty-heading" className="text-lg font-semibold">
            {t("empty.heading")}
          </h2>
          <p className="text-slate-600 dark:text-slate-400">{t("empty.body")}</p>
          <div className="flex flex-wrap justify-center gap-3 pt-1">
            <Link href="/review" className="btn-primary">
              {t("empty.review")}
            </Link>
            <Link href="/quizzes" className="btn-secondary">
              {t("empty.quiz")}
            </Link>
          </div>
        </section>
      ) : (
        <>
          <ActivitySection data={data} fmt={fmt} />
          <CardsSection data={data} fmt={fmt} locale={locale} />
          <QuizzesSection data={data} fmt={fmt} locale={locale} />
          <PredictionSection learner={user} fmt={fmt} />
          <section className="card-surface space-y-3 p-4 sm:p-6" aria-labelledby="export-heading">
            <h2 id="export-heading" className="text-lg font-semibold">
              {t("export.heading")}
            </h2>
            <p className="text-sm text-slate-600 dark:text-slate-400">{t("export.body")}</p>
            <a href="/api/progress/export" download className="btn-secondary" data-testid="progress-export">
              {t("export.download")}
            </a>
          </section>
        </>
      )}
    </div>
  );
}
