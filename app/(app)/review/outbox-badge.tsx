"use client";

import { useTranslations } from "next-intl";

/**
 * How many answers wait on this device. Shown offline, when sending failed, or while a long outbox
 * drains; an answer sent at once (online, a few milliseconds) does not flash it.
 */
export function OutboxBadge({ waiting, offline, stalled }: { waiting: number; offline: boolean; stalled: boolean }) {
  const t = useTranslations("review.sync");
  const show = waiting > 0 && (offline || stalled || waiting > 3);
  // Rendered inside the review screen's polite live region, so a change is announced.
  if (!show) return null;
  return (
    <p data-testid="outbox-badge" data-count={waiting} className="inline-flex min-h-8 items-center rounded-full bg-amber-100 px-3 py-1 text-sm font-medium text-amber-900 dark:bg-amber-950 dark:text-amber-100">
      {offline ? t("waitingOffline", { count: waiting }) : stalled ? `${t("waiting", { count: waiting })} · ${t("stalled")}` : t("waiting", { count: waiting })}
    </p>
  );
}
