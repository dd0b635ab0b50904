import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/app/_auth/current-user";
import { readyDb } from "@/lib/db/client";
import { recentAttempts } from "@/lib/quizzes/queries";
import { MatchLink } from "./match/match-link";
import { StartQuizForm } from "./start-quiz-form";

export async function generateMetadata() {
  const t = await getTranslations("quiz");
  return { title: t("title") };
}

export default async function QuizzesPage() {
  const user = await requireUser();
  const [t, locale, attempts] = await Promise.all([getTranslations("quiz"), getLocale(), recentAttempts(await readyDb(), user.id)]);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: user.timeZone });
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-slate-600 dark:text-slate-400">{t("intro")}</p>
      </div>
      <StartQuizForm />
      <MatchLink />
      <section aria-labelledby="history-heading">
        <h2 id="history-heading" className="mb-3 text-lg font-semibold">
          {t("history.heading")}
        </h2>
        {attempts.length === 0 ? (
          <p className="card-surface p-5 text-slate-600 dark:text-slate-400" data-testid="quiz-history-empty">
            {t("history.empty")}
          </p>
        ) : (
          <ul className="card-surface divide-y divide-slate-200 dark:divide-slate-800" data-testid="quiz-history">
            {attempts.map((a) => (
              <li key={a.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3">
                <span className="font-medium">{t(`topics.${a.topic}` as never)}</span>
                <span className="text-sm text-slate-600 dark:text-slate-400">{date.format(new Date(a.createdAt))}</span>
                <span className="ms-auto text-sm" data-testid="quiz-history-score">
                  {a.finishedAt ? t("history.score", { score: a.score ?? 0, length: a.length }) : t("history.inProgress", { answered: a.answered, length: a.length })}
                </span>
                <Link href={`/quizzes/${a.id}`} className="text-sm font-medium text-brand-600 hover:underline dark:text-brand-100">
                  {a.finishedAt ? t("history.review") : t("history.continue")}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
