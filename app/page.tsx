import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { currentUser } from "@/app/_auth/current-user";
import { HomeToday } from "./_components/home-today";

export default async function HomePage() {
  const user = await currentUser();
  if (user) return <HomeToday user={user} />;
  const t = await getTranslations("home.landing");
  return (
    <section className="mx-auto max-w-2xl py-8 text-center sm:py-16">
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
