import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function CardNotFound() {
  const t = await getTranslations("decks.notFound");
  return (
    <section className="mx-auto max-w-md py-12 text-center" data-testid="card-not-found">
      <p className="text-5xl font-bold text-brand-500">404</p>
      <h1 className="mt-4 text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">{t("body")}</p>
      <Link href="/decks" className="btn-primary mt-6">
        {t("back")}
      </Link>
    </section>
  );
}
