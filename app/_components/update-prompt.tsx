"use client";

import { useTranslations } from "next-intl";

/**
 * "A new version is ready": shown while a new build's service worker waits. It never takes focus
 * (a learner may be grading by keyboard) and can be put off, since it sits over the page's foot.
 */
export function UpdatePrompt({ onReload, onLater }: { onReload: () => void; onLater: () => void }) {
  const t = useTranslations("offline.update");
  return (
    <div
      role="status"
      data-testid="update-prompt"
      className="fixed inset-x-2 bottom-2 z-40 mx-auto flex max-w-md flex-wrap items-center gap-x-3 gap-y-2 rounded-xl border border-slate-300 bg-white p-3 text-sm text-slate-900 shadow-lg dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <p className="min-w-0 flex-1">{t("ready")}</p>
      <div className="flex gap-2">
        <button type="button" className="btn-secondary" onClick={onLater}>
          {t("later")}
        </button>
        <button type="button" className="btn-primary" onClick={onReload}>
          {t("reload")}
        </button>
      </div>
    </div>
  );
}
