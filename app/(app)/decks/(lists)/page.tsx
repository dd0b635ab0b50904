import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/app/_auth/current-user";
import { readyDb } from "@/lib/db/client";
import { deckOverview } from "@/lib/decks/queries";
import { dueTodayIds } from "@/lib/reviews/due-today";
import { SearchForm } from "../_components/search-form";
import { browseHref, sides } from "../_components/lang";

export async function generateMetadata() {
  const t = await getTranslations("decks");
  return { title: t("title") };
}

export default async function DecksPage() {
  const user = await requireUser();
  const [t, locale] = await Promise.all([getTranslations("decks"), getLocale()]);
  const { mine, other, otherLang } = sides(locale);
  const db = await readyDb();
  const overview = await deckOverview(db, user.id, await dueTodayIds(db, user, new Date()));

  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-slate-600 dark:text-slate-400">{t("intro")}</p>
      </header>

      <section aria-labelledby="deck-heading" className="card-surface space-y-5 p-5" data-testid="deck-summary">
        <div>
          {overview.decks.map((deck, i) => (
            <div key={deck.id}>
              <h2 id={i === 0 ? "deck-heading" : undefined} className="text-xl font-semibold">
                {deck.title[mine]}
              </h2>
              <p lang={otherLang} className="text-sm text-slate-500 dark:text-slate-400">
                {deck.title[other]}
              </p>
            </div>
          ))}
        </div>
        <dl className="grid grid-cols-3 gap-2 text-center">
          {[
            { label: t("overview.statCards"), value: overview.total, id: "total" },
            { label: t("overview.statStarted"), value: overview.started, id: "started" },
            { label: t("overview.statDue"), value: overview.due, id: "due" },
          ].map((s) => (
            <div key={s.id} className="rounded-lg bg-slate-50 px-2 py-3 dark:bg-slate-800/60">
              <dt className="text-xs text-slate-500 dark:text-slate-400">{s.label}</dt>
              <dd className="text-2xl font-semibold tabular-nums" data-testid={`deck-${s.id}`}>
                {s.value}
              </dd>
            </div>
          ))}
        </dl>
        <SearchForm />
        <Link href="/decks/browse" className="btn-secondary">
          {t("overview.browseAll")}
        </Link>
      </section>

      <section aria-labelledby="topics-heading" className="space-y-3">
        <h2 id="topics-heading" className="text-lg font-semibold">
          {t("overview.topicsHeading")}
        </h2>
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {overview.topics.map((topic) => {
            const pct = topic.total ? Math.round((topic.started / topic.total) * 100) : 0;
            return (
              <li key={topic.topic}>
                <Link
                  href={browseHref({ topic: topic.topic })}
                  className="card-surface flex h-full flex-col gap-2 p-4 transition-colors hover:border-brand-500 dark:hover:border-brand-500"
                  data-testid={`topic-${topic.topic}`}
                >
                  <span className="flex items-baseline justify-between gap-2">
                    <span className="text-base font-semibold text-brand-700 dark:text-brand-100">{t(`topics.${topic.topic}`)}</span>
                    <span className="shrink-0 text-sm font-medium tabular-nums text-slate-700 dark:text-slate-200" data-testid="topic-count">
                      {t("overview.cards", { count: topic.total })}
                    </span>
                  </span>
                  <span className="text-sm text-slate-600 dark:text-slate-400">{t(`topicBlurbs.${topic.topic}`)}</span>
                  <span className="mt-auto space-y-1 pt-1">
                    <span className="block h-1.5 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800" aria-hidden="true">
                      <span className="block h-full rounded-full bg-brand-500" style={{ width: `${pct}%` }} />
                    </span>
                    <span className="block text-xs text-slate-500 dark:text-slate-400" data-testid="topic-stats">
                      {t("overview.topicStats", { started: topic.started, due: topic.due })}
                    </span>
                  </span>
                </Link>
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
