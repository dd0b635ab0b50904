import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { CurrentUser } from "@/app/_auth/current-user";
import { readyDb } from "@/lib/db/client";
import { loadQueue } from "@/lib/reviews/queue-data";

export async function HomeToday({ user }: { user: CurrentUser }) {
  const t = await getTranslations("home");
  const { queue, todayGrades } = await loadQueue(await readyDb(), user, new Date());
  // The review screen's own counts: reviews due, new cards, and repeats owed today.
  const { review: due, new: fresh, drill: again } = queue.counts;
  const reviewed = todayGrades.filter((g) => g.origin === "review").length;
  return (
    <section aria-labelledby="today-heading" className="space-y-6">
      <h1 className="text-2xl font-semibold" data-testid="home-welcome">
        {t("welcome", { name: user.name })}
      </h1>
      <div className="card-surface p-5">
        <h2 id="today-heading" className="text-sm font-medium uppercase tracking-wide text-slate-600 dark:text-slate-400">
          {t("today")}
        </h2>
        <p className="mt-2 text-xl font-semibold" data-testid="home-counts">
          <span data-testid="home-due">{t("due", { count: due })}</span>
          {" · "}
          <span data-testid="home-new">{t("new", { count: fresh })}</span>
          {again > 0 ? (
            <>
              {" · "}
              <span data-testid="home-again">{t("again", { count: again })}</span>
            </>
          ) : null}
        </p>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t("reviewedToday", { count: reviewed })}</p>
        <div className="mt-4 flex flex-wrap gap-3">
          {due + fresh + again > 0 ? (
            <Link href="/review" className="btn-primary px-6 py-3 text-base" data-testid="home-start">
              {t("start")}
            </Link>
          ) : (
            <p className="self-center font-medium text-green-700 dark:text-green-400">{t("nothingDue")}</p>
          )}
          <Link href="/quizzes" className="btn-secondary px-6 py-3 text-base">
            {t("takeQuiz")}
          </Link>
        </div>
      </div>
    </section>
  );
}
