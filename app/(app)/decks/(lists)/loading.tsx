import { getTranslations } from "next-intl/server";

/** Shown while a Decks page reads the deck: the page's outline, so nothing jumps when it arrives. */
export default async function Loading() {
  const t = await getTranslations("common");
  return (
    <div className="space-y-6" role="status" aria-live="polite">
      <span className="sr-only">{t("loading")}</span>
      <div aria-hidden="true" className="animate-pulse space-y-6">
        <div className="h-8 w-40 rounded bg-slate-200 dark:bg-slate-800" />
        <div className="card-surface h-40" />
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {Array.from({ length: 5 }, (_, i) => (
            <div key={i} className="card-surface h-32" />
          ))}
        </div>
      </div>
    </div>
  );
}
