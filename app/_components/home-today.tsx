import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { CurrentUser } from "@/app/_auth/current-user";

export async function HomeToday({ user }: { user: CurrentUser }) {
  const t = await getTranslations("home");
  return (
    <section aria-labelledby="today-heading" className="space-y-6">
      <h1 className="text-2xl font-semibold" data-testid="home-welcome">
        {t("welcome", { name: user.name })}
      </h1>
      <div className="card-surface p-5">
        <h2 id="today-heading" className="text-sm font-medium uppercase tracking-wide text-slate-500">
          {t("today")}
        </h2>
        <div className="mt-4 flex flex-wrap gap-3">
          <Link href="/review" className="btn-primary px-6 py-3 text-base">
            {t("start")}
          </Link>
          <Link href="/quizzes" className="btn-secondary px-6 py-3 text-base">
            {t("takeQuiz")}
          </Link>
        </div>
      </div>
    </section>
  );
}
