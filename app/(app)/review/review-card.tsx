"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { CardText } from "@/app/_components/card-text";
import { sourceLabel } from "@/lib/core/deck/source-label";
import type { ClientCard } from "./client-session";
import { TypeInComparison, TypeInForm, type TypeInState } from "./type-in";

type Locale = "en" | "zh-CN";

export function ReviewCard(props: {
  card: ClientCard;
  locale: Locale;
  revealed: boolean;
  onReveal: () => void;
  typeIn: TypeInState;
  onTyped: (state: NonNullable<TypeInState>) => void;
}) {
  const { card, locale, revealed, onReveal, typeIn, onTyped } = props;
  const t = useTranslations("review");
  const [other, setOther] = useState(false);
  const mine = locale === "zh-CN" ? "zh" : "en";
  const theirs = mine === "zh" ? "en" : "zh";
  const source = sourceLabel(card.source, mine);

  return (
    <article className="card-surface overflow-hidden" data-testid="review-card" data-card-id={card.id}>
      <div className="flex items-center gap-2 border-b border-slate-200 px-5 py-2 text-xs dark:border-slate-800">
        <span className="rounded bg-slate-100 px-2 py-0.5 dark:bg-slate-800">{t(`topics.${card.topic}` as never)}</span>
        <span className="rounded bg-brand-50 px-2 py-0.5 text-brand-700 dark:bg-slate-800 dark:text-brand-100" data-testid="card-kind">
          {t(`kind.${card.kind}`)}
        </span>
        <button type="button" className="ms-auto -my-2 inline-flex min-h-11 items-center px-2 text-sm text-brand-600 underline-offset-2 hover:underline dark:text-brand-100" onClick={() => setOther((v) => !v)} aria-pressed={other}>
          {t("otherLanguage")}
        </button>
      </div>
      <div className="space-y-4 p-5 sm:p-6">
        <div>
          <h2 className="sr-only">{t("question")}</h2>
          <CardText blocks={card.front[mine]} className="text-lg font-medium sm:text-xl" />
          {other ? <CardText blocks={card.front[theirs]} className="mt-2 text-slate-600 dark:text-slate-400" /> : null}
        </div>
        {revealed ? (
          <div className="space-y-3 border-t border-slate-200 pt-4 dark:border-slate-800" data-testid="card-back">
            <h2 className="sr-only">{t("answer")}</h2>
            {typeIn ? <TypeInComparison state={typeIn} /> : null}
            <CardText blocks={card.back[mine]} />
            {other ? <CardText blocks={card.back[theirs]} className="text-slate-600 dark:text-slate-400" /> : null}
            {card.note ? (
              <aside role="note" className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100" data-testid="card-note">
                <strong className="me-1">{t("note")}:</strong>
                <CardText blocks={card.note[mine]} className="inline" />
              </aside>
            ) : null}
            <p className="text-xs text-slate-600 dark:text-slate-400">
              {t("source")}: {source.text} · {t("line", { line: card.source.line })}
              {other && source.translated ? (
                <span className="block" lang="zh-CN">
                  {t("sourceOriginal")}: {source.original}
                </span>
              ) : null}
            </p>
          </div>
        ) : card.typed ? (
          <TypeInForm key={card.id} answer={card.typed} onChecked={onTyped} onSkip={onReveal} />
        ) : (
          <button type="button" className="btn-primary w-full py-3 text-base" onClick={onReveal} autoFocus aria-keyshortcuts="Space Enter">
            {t("showAnswer")} <span className="key-hint text-xs" data-key-hint>({t("showAnswerHint")})</span>
          </button>
        )}
      </div>
    </article>
  );
}
