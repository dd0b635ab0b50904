"use client";

import { useTranslations } from "next-intl";
import { usePathname } from "next/navigation";
import { useSyncExternalStore } from "react";

function subscribe(onChange: () => void): () => void {
  window.addEventListener("online", onChange);
  window.addEventListener("offline", onChange);
  return () => {
    window.removeEventListener("online", onChange);
    window.removeEventListener("offline", onChange);
  };
}

/** What works while the browser is offline; the quiz and progress pages say that they need the network. */
export function OfflineBanner() {
  const t = useTranslations("offline.banner");
  const pathname = usePathname();
  // The server renders as online: a page rendered offline comes from the worker's cache.
  const offline = useSyncExternalStore(subscribe, () => !navigator.onLine, () => false);
  if (!offline) return null;
  const text = pathname.startsWith("/quizzes") ? t("quizzes") : pathname.startsWith("/progress") ? t("progress") : t("general");
  return (
    <div role="status" data-testid="offline-banner" className="border-b border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-50">
      <p className="mx-auto max-w-4xl px-4 py-2 text-sm">{text}</p>
    </div>
  );
}
