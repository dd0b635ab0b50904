import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { CardText } from "@/app/_components/card-text";
import { currentUser, requireUser } from "@/app/_auth/current-user";
import { readyDb } from "@/lib/db/client";
import { cardPlainText, cardTextBlocks } from "@/lib/core/deck/card-text";
import type { Localized } from "@/lib/core/deck/types";
import { sourceLabel } from "@/lib/core/deck/source-label";
import { cardDetail } from "@/lib/decks/queries";
import { dueTodayIds } from "@/lib/reviews/due-today";
import { browseHref, preview, sides, type Side } from "../../_components/lang";

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }) {
  const t = await getTranslations("decks");
  const user = await currentUser();
  const card = user ? await cardDetail(await readyDb(), user.id, (await params).id) : null;
  if (!card) return { title: t("title") };
  const { mine } = sides(await getLocale());
  return { title: t("card.metaTitle", { front: preview(cardPlainText(card.front[mine]), 60) }) };
}

/** Front, back and correction note of one card in one language. */
async function CardSides(props: { card: { front: Localized; back: Localized; note: Localized | null }; side: Side; lang: string; testid: string }) {
  const { card, side, lang, testid } = props;
  const t = await getTranslations("decks.card");
  return (
    <div className="grid gap-4 md:grid-cols-2" data-testid={testid}>
      <section className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
        <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">{t("front")}</h3>
        <div lang={lang} data-testid="card-front">
          <CardText blocks={cardTextBlocks(card.front[side])} className="text-lg font-medium" />
        </div>
      </section>
      <section className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
        <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">{t("back")}</h3>
        <div lang={lang} data-testid="card-back">
          <CardText blocks={cardTextBlocks(card.back[side])} />
        </div>
      </section>
      {card.note ? (
        <aside
          role="note"
          aria-label={t("note")}
          className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-amber-950 md:col-span-2 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
          data-testid="card-note"
        >
          <p className="font-semibold">
            <span aria-hidden="true">⚠ </span>
            {t("note")}
            <span className="ms-1 font-normal">{t("noteIntro")}</span>
          </p>
          <div lang={lang}>
            <CardText blocks={cardTextBlocks(card.note[side])} className="mt-1" />
          </div>
        </aside>
      ) : null}
    </div>
  );
}

export default async function CardPage({ params }: { params: Params }) {
  const user = await requireUser();
  const { id } = await params;
  const db = await readyDb();
  const card = await cardDetail(db, user.id, id);
  if (!card) notFound();
  const dueToday = (await dueTodayIds(db, user, new Date())).has(card.id);
  const [t, format, locale] = await Promise.all([getTranslations("decks"), getFormatter(), getLocale()]);
  const { mine, other, mineLang, otherLang } = sides(locale);
  const topic = t(`topics.${card.topic}`);
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: user.timeZone });
  const state = card.state;
  const source = card.source ? sourceLabel(card.source, mine) : null;

  return (
    <div className="space-y-6">
      <nav aria-label={t("browse.backToDecks")} className="flex flex-wrap items-center gap-x-2 text-sm">
        <Link href="/decks" className="inline-flex min-h-11 min-w-11 items-center justify-center font-medium text-brand-600 hover:underline dark:text-brand-100">
          {t("browse.backToDecks")}
        </Link>
        <span aria-hidden="true" className="text-slate-400">›</span>
        <Link href={browseHref({ topic: card.topic })} className="inline-flex min-h-11 items-center font-medium text-brand-600 hover:underline dark:text-brand-100" data-testid="back-to-topic">
          {topic}
        </Link>
      </nav>

      <article className="card-surface space-y-5 p-4 sm:p-6" aria-labelledby="card-heading" data-card-key={card.key}>
        <header className="flex flex-wrap items-baseline justify-between gap-2">
          <h1 id="card-heading" className="text-xl font-semibold">
            {t("card.heading", { topic, n: card.position + 1 })}
          </h1>
          <p className="text-sm text-slate-500 dark:text-slate-400">{card.deck.title[mine]}</p>
        </header>

        <div>
          <h2 className="sr-only">{t("card.front")} / {t("card.back")}</h2>
          <CardSides card={card} side={mine} lang={mineLang} testid="card-mine" />
        </div>

        <details className="group rounded-lg border border-slate-200 dark:border-slate-800" data-testid="card-other-language">
          <summary className="cursor-pointer select-none rounded-lg px-4 py-3 font-medium text-brand-700 hover:bg-slate-50 dark:text-brand-100 dark:hover:bg-slate-800/60">
            <span className="ms-1">{t("card.otherLanguage")}</span>
          </summary>
          <div className="border-t border-slate-200 p-4 dark:border-slate-800">
            <h2 className="sr-only">{t("card.otherLanguageHint")}</h2>
            <CardSides card={card} side={other} lang={otherLang} testid="card-other" />
          </div>
        </details>

        <section aria-labelledby="source-heading" className="text-sm">
          <h2 id="source-heading" className="font-semibold">
            {t("card.source")}
          </h2>
          {source ? (
            <>
              <p className="mt-1 text-slate-700 dark:text-slate-300" data-testid="card-source">
                {t.rich("card.sourceLine", {
                  ref: () => <span lang={source.translated ? mineLang : "zh-CN"}>{source.text}</span>,
                  line: card.source!.line,
                })}
              </p>
              {source.translated ? (
                <details className="mt-1">
                  <summary className="cursor-pointer py-3 text-brand-700 dark:text-brand-100">{t("card.sourceOriginal")}</summary>
                  <p lang="zh-CN" className="text-slate-700 dark:text-slate-300" data-testid="card-source-original">
                    {source.original}
                  </p>
                </details>
              ) : null}
            </>
          ) : (
            <p className="mt-1 text-slate-600 dark:text-slate-400">{t("card.sourceMissing")}</p>
          )}
        </section>
      </article>

      <section aria-labelledby="progress-heading" className="card-surface p-4 sm:p-6" data-testid="card-progress">
        <h2 id="progress-heading" className="text-lg font-semibold">
          {t("card.yourProgress")}
        </h2>
        {state ? (
          <dl className="mt-3 grid grid-cols-2 gap-x-6 gap-y-3 text-sm sm:grid-cols-3">
            {[
              { label: t("card.due"), value: dueToday ? t("card.dueToday") : date(state.dueAt) },
              { label: t("card.interval"), value: t("card.intervalDays", { days: state.intervalDays }) },
              { label: t("card.repetitions"), value: format.number(state.repetitions) },
              { label: t("card.easiness"), value: format.number(state.easiness, { minimumFractionDigits: 2, maximumFractionDigits: 2 }) },
              { label: t("card.lapses"), value: format.number(state.lapses) },
              { label: t("card.lastReviewed"), value: state.lastReviewedAt ? date(state.lastReviewedAt) : t("card.never") },
            ].map((row) => (
              <div key={row.label}>
                <dt className="text-slate-500 dark:text-slate-400">{row.label}</dt>
                <dd className="font-medium tabular-nums">{row.value}</dd>
              </div>
            ))}
          </dl>
        ) : (
          <div className="mt-2 space-y-3">
            <p className="font-medium" data-testid="not-studied">
              {t("card.notStudied")}
            </p>
            <p className="text-sm text-slate-600 dark:text-slate-400">{t("card.notStudiedHint")}</p>
            <Link href="/review" className="btn-primary">
              {t("card.goReview")}
            </Link>
          </div>
        )}
      </section>

      {card.prevId || card.nextId ? (
        <nav aria-label={t("card.pager")} className="flex flex-wrap justify-between gap-3">
          {card.prevId ? (
            <Link href={`/decks/cards/${card.prevId}`} className="btn-secondary" rel="prev">
              ← {t("card.prev")}
            </Link>
          ) : (
            <span />
          )}
          {card.nextId ? (
            <Link href={`/decks/cards/${card.nextId}`} className="btn-secondary" rel="next">
              {t("card.next")} →
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
