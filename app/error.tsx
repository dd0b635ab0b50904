"use client";

import { useTranslations } from "next-intl";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("crash");
  return (
    <section role="alert" className="mx-auto max-w-md py-12 text-center">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">{t("body")}</p>
      {error.digest ? <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">{t("reference", { id: error.digest })}</p> : null}
      <button type="button" onClick={reset} className="btn-primary mt-6">
        {t("retry")}
      </button>
    </section>
  );
}
