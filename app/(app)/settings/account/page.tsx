import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/app/_auth/current-user";
import { readyDb } from "@/lib/db/client";
import { accountDataSummary } from "@/lib/accounts/data-summary";
import { DeleteAccountForm } from "./delete-account-form";

export async function generateMetadata() {
  const t = await getTranslations("account");
  return { title: t("title") };
}

export default async function AccountPage() {
  const user = await requireUser();
  const t = await getTranslations("account");
  const { states, logs, quizzes } = await accountDataSummary(await readyDb(), user.id);
  return (
    <div className="mx-auto max-w-lg space-y-6">
      <div>
        <Link href="/settings" className="inline-flex min-h-11 items-center text-sm text-brand-600 hover:underline dark:text-brand-100">
          {t("back")}
        </Link>
        <h1 className="mt-2 text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-slate-600 dark:text-slate-400">{t("intro")}</p>
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400" data-testid="account-summary">
          {t("summary", { states, logs, quizzes })}
        </p>
      </div>

      <section aria-labelledby="export-heading" className="card-surface space-y-3 p-5">
        <h2 id="export-heading" className="text-lg font-semibold">
          {t("export.heading")}
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("export.body")}</p>
        {/* A file download, not a page: a plain link, so the browser saves it. */}
        <a href="/settings/account/export" download className="btn-secondary" data-testid="export-data">
          {t("export.button")}
        </a>
      </section>

      <section aria-labelledby="delete-heading" className="card-surface space-y-3 border-red-300 p-5 dark:border-red-900">
        <h2 id="delete-heading" className="text-lg font-semibold text-red-800 dark:text-red-300">
          {t("delete.heading")}
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("delete.body")}</p>
        <DeleteAccountForm />
      </section>
    </div>
  );
}
