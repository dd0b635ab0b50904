import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/app/_auth/current-user";
import { readyDb } from "@/lib/db/client";
import { cardPlainText } from "@/lib/core/deck/card-text";
import { hasPending } from "@/lib/core/deck/localize";
import { listCards, parseBrowseParams, TOPICS, type CardStatus } from "@/lib/decks/queries";
import { dueTodayIds } from "@/lib/reviews/due-today";
import { SearchForm } from "../../_components/search-form";
import { browseHref, preview, sides } from "../../_components/lang";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }) {
  const t = await getTranslations("decks");
  const { filter } = parseBrowseParams(await searchParams);
  return { title: filter.topic ? `${t(`topics.${filter.topic}`)} · ${t("browse.metaTitle")}` : t("browse.metaTitle") };
}

const STATUS_STYLE: Record<CardStatus, string> = {
  new: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300",
  due: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
  scheduled: "bg-green-100 text-green-800 dark:bg-green-950 dark:text-green-200",
};

export default async function BrowsePage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser();
  const [t, tc, locale] = await Promise.all([getTranslations("decks"), getTranslations("common.cardText"), getLocale()]);
  const { mine } = sides(locale);
  const { filter, problems } = parseBrowseParams(await searchParams);
  const db = await readyDb();
  const list = await listCards(db, user.id, filter, await dueTodayIds(db, user, new Date()));
  const topicLabel = filter.topic ? t(`topics.${filter.topic}`) : null;
  const tabs = [{ topic: null, label: t("browse.allTopics") }, ...TOPICS.map((topic) => ({ topic, label: t(`topics.${topic}`) }))];

  return (
    <div className="space-y-6">
      <nav aria-label={t("browse.backToDecks")} className="text-sm">
        <Link href="/decks" className="inline-flex min-h-11 items-center font-medium text-brand-600 hover:underline dark:text-brand-100">
          ← {t("browse.backToDecks")}
        </Link>
      </nav>
      <h1 className="text-2xl font-semibold">{topicLabel ?? t("browse.title")}</h1>

      {problems.length ? (
        <div role="alert" className="space-y-1 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100" data-testid="browse-problem">
          {problems.map((p) => (
            <p key={p.kind}>{p.kind === "topic" ? t("browse.badTopic", { value: p.value }) : t("browse.badSearch", { max: p.max })}</p>
          ))}
        </div>
      ) : null}

      <nav aria-label={t("browse.filterLabel")}>
        <ul className="flex flex-wrap gap-2" data-testid="topic-tabs">
          {tabs.map((tab) => {
            const active = tab.topic === filter.topic;
            return (
              <li key={tab.topic ?? "all"}>
                <Link
                  href={browseHref({ topic: tab.topic, q: filter.q })}
                  aria-current={active ? "page" : undefined}
                  className={`flex min-h-11 items-center rounded-full border px-4 text-sm font-medium ${
                    active
                      ? "border-brand-600 bg-brand-600 text-white dark:border-brand-500 dark:bg-brand-500"
                      : "border-slate-300 bg-white text-slate-700 hover:bg-slate-100 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200 dark:hover:bg-slate-800"
                  }`}
                >
                  {tab.label}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>

      <div className="card-surface p-4">
        <SearchForm q={filter.q} topic={filter.topic} />
      </div>

      <p role="status" className="text-sm font-medium text-slate-700 dark:text-slate-300" data-testid="result-count">
        {filter.q ? t("browse.countMatching", { count: list.total, q: filter.q }) : t("browse.count", { count: list.total })}
      </p>

      {list.cards.length ? (
        <>
          <ol aria-label={t("browse.cardList")} className="card-surface divide-y divide-slate-200 dark:divide-slate-800">
            {list.cards.map((card) => (
              <li key={card.id} className="[&:first-child>a]:rounded-t-xl [&:last-child>a]:rounded-b-xl">
                <Link
                  href={`/decks/cards/${card.id}`}
                  className="flex flex-col gap-1 px-4 py-3 hover:bg-slate-50 focus-visible:bg-slate-50 sm:flex-row sm:items-start sm:gap-4 dark:hover:bg-slate-800/60 dark:focus-visible:bg-slate-800/60"
                  data-testid="card-row"
                  data-card-key={card.key}
                >
                  <span className="min-w-0 flex-1">
                    <span className="block font-medium text-slate-900 dark:text-slate-100" data-testid="card-row-front">
                      {preview(cardPlainText(card.front[mine]), 160)}
                    </span>
                    <span className="mt-0.5 block text-sm text-slate-600 dark:text-slate-400">{preview(cardPlainText(card.back[mine]), 120)}</span>
                  </span>
                  <span className="flex shrink-0 flex-wrap gap-1.5 text-xs">
                    {filter.topic ? null : <span className="rounded bg-slate-100 px-2 py-0.5 dark:bg-slate-800">{t(`topics.${card.topic}`)}</span>}
                    <span className={`rounded px-2 py-0.5 ${STATUS_STYLE[card.status]}`}>{t(`status.${card.status}`)}</span>
                    {hasPending(card.front[mine] + card.back[mine]) ? (
                      <span className="rounded border border-dashed border-amber-700 px-2 py-0.5 text-amber-900 dark:border-amber-400 dark:text-amber-100" data-testid="not-translated">
                        {tc("notTranslated")}
                      </span>
                    ) : null}
                  </span>
                </Link>
              </li>
            ))}
          </ol>
          {list.total > list.cards.length ? (
            <p className="text-sm text-slate-600 dark:text-slate-400">{t("browse.capped", { shown: list.cards.length, total: list.total })}</p>
          ) : null}
        </>
      ) : (
        <div className="card-surface space-y-3 p-6 text-center" data-testid="browse-empty">
          <p className="text-lg font-medium">
            {filter.q
              ? topicLabel
                ? t("browse.emptyInTopic", { q: filter.q, topic: topicLabel })
                : t("browse.empty", { q: filter.q })
              : t("browse.emptyNoSearch")}
          </p>
          {filter.q ? <p className="text-sm text-slate-600 dark:text-slate-400">{t("browse.emptyHint")}</p> : null}
          <div className="flex flex-wrap justify-center gap-3">
            {filter.q && filter.topic ? (
              <Link href={browseHref({ q: filter.q })} className="btn-primary">
                {t("browse.searchAllTopics", { q: filter.q })}
              </Link>
            ) : null}
            <Link href="/decks/browse" className="btn-secondary">
              {t("browse.reset")}
            </Link>
          </div>
        </div>
      )}
    </div>
  );
}
