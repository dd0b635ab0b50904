import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { currentUser } from "@/app/_auth/current-user";
import { HomeToday } from "./_components/home-today";

export default async function HomePage({ searchParams }: { searchParams: Promise<{ deleted?: string }> }) {
  const user = await currentUser();
  if (user) return <HomeToday user={user} />;
  const [t, ta, { deleted }] = await Promise.all([getTranslations("home.landing"), getTranslations("account"), searchParams]);
  return (
    <section className="mx-auto max-w-2xl py-8 text-center sm:py-16">
      {deleted ? (
        <p role="status" className="mb-6 rounded-lg bg-brand-50 px-3 py-2 text-sm text-brand-700 dark:bg-slate-800 dark:text-brand-100" data-testid="deleted-notice">
          {ta("deletedNotice")}
        </p>
      ) : null}
      <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{t("title")}</h1>
      <p className="mx-auto mt-4 max-w-xl text-lg text-slate-600 dark:text-slate-300">{t("body")}</p>
      <div className="mt-8 flex flex-col items-center justify-center gap-3 sm:flex-row">
        <Link href="/signup" className="btn-primary px-6 py-3 text-base">
          {t("start")}
        </Link>
        <Link href="/signin" className="btn-secondary px-6 py-3 text-base">
          {t("signIn")}
        </Link>
      </div>
    </section>
  );
}
