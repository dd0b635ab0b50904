import { getTranslations } from "next-intl/server";

/** The page's outline while the numbers load, so nothing jumps when they arrive. */
export default async function Loading() {
  const t = await getTranslations("progress");
  return (
    <div className="space-y-8" role="status" aria-live="polite">
      <span className="sr-only">{t("loading")}</span>
      <div aria-hidden="true" className="animate-pulse space-y-8">
        <div className="space-y-2">
          <div className="h-8 w-40 rounded bg-slate-200 dark:bg-slate-800" />
          <div className="h-4 w-full max-w-md rounded bg-slate-200 dark:bg-slate-800" />
        </div>
        <div className="card-surface grid grid-cols-2 gap-3 p-4 sm:grid-cols-3 sm:p-6">
          {Array.from({ length: 6 }, (_, i) => (
            <div key={i} className="h-16 rounded-lg bg-slate-100 dark:bg-slate-800/60" />
          ))}
        </div>
        <div className="card-surface h-72" />
        <div className="card-surface h-48" />
      </div>
    </div>
  );
}
