"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ClientSession } from "./client-session";

function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

export function SessionSummary({ session, locale, timeZone }: { session: ClientSession; locale: string; timeZone: string }) {
  const t = useTranslations("review");
  const rows: [string, string, string][] = [
    ["reviewed", t("summary.reviewed"), String(session.today.reviewed)],
    ["recalled", t("summary.recalled"), `${Math.round(session.today.shareAtLeast3 * 100)}%`],
    ["time", t("summary.time"), duration(session.today.timeMs)],
    [
      "next",
      t("summary.nextDue"),
      session.nextDueAt
        ? new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(session.nextDueAt))
        : t("summary.noneScheduled"),
    ],
  ];
  return (
    <section className="card-surface p-6" data-testid="review-summary">
      <h2 className="text-xl font-semibold">{t("summary.title")}</h2>
      <dl className="mt-4 grid grid-cols-2 gap-4 sm:grid-cols-4">
        {rows.map(([id, label, value]) => (
          <div key={id}>
            <dt className="text-xs uppercase tracking-wide text-slate-600 dark:text-slate-400">{label}</dt>
            <dd className="mt-1 text-lg font-semibold" data-testid={`summary-${id}`}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
      <Link href="/quizzes" className="btn-secondary mt-6">
        {t("empty.quiz")}
      </Link>
    </section>
  );
}
