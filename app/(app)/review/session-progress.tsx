"use client";

import { useTranslations } from "next-intl";
import type { ClientSession } from "./client-session";

/** "3 of 12 done today", what is left by kind, and the bar. */
export function SessionProgress({ session }: { session: ClientSession }) {
  const t = useTranslations("review");
  const done = session.today.reviewed;
  const total = done + session.left.review + session.left.new + session.left.drill;
  if (total === 0) return null;
  return (
    <div>
      <div className="mb-1 flex flex-wrap justify-between gap-2 text-sm text-slate-600 dark:text-slate-400">
        <span data-testid="review-progress">{t("progress", { done, total })}</span>
        <span data-testid="review-left">{t("left", session.left)}</span>
      </div>
      <div className="h-2 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800" role="progressbar" aria-valuemin={0} aria-valuemax={total} aria-valuenow={done} aria-label={t("progress", { done, total })}>
        <div className="h-full bg-brand-500 transition-[width]" style={{ width: `${(done / total) * 100}%` }} />
      </div>
    </div>
  );
}
