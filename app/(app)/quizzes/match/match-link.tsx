import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** The way into Match from the quizzes page. */
export async function MatchLink() {
  const t = await getTranslations("quizFormats.match");
  return (
    <section className="card-surface flex flex-wrap items-center gap-3 p-5">
      <div className="flex-1">
        <h2 className="text-lg font-semibold">{t("title")}</h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("intro")}</p>
      </div>
      <Link href="/quizzes/match" className="btn-secondary" data-testid="match-link">
        {t("start")}
      </Link>
    </section>
  );
}
