"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { ClientSession } from "./client-session";
import { GradeButtons } from "./grade-buttons";
import { ReviewCard } from "./review-card";
import { ReviewEmpty } from "./review-empty";
import { SessionProgress } from "./session-progress";
import { SessionSummary } from "./session-summary";
import type { TypeInState } from "./type-in";
import { useReviewSession } from "./use-review-session";

type Locale = "en" | "zh-CN";

export function ReviewSession({ initial, locale, timeZone }: { initial: ClientSession; locale: Locale; timeZone: string }) {
  const t = useTranslations("review");
  const { session, card, revealed, notice, pending, reveal, grade, undo } = useReviewSession(initial);
  // What was typed for the card on screen (a card shown again, e.g. after an undo, starts afresh).
  const [typed, setTyped] = useState<{ showing: string; state: TypeInState }>({ showing: "", state: null });
  const showing = card ? `${card.id}:${card.version}:${session.undoLogId ?? ""}` : "";
  const typeIn = typed.showing === showing ? typed.state : null;

  return (
    <div className="mx-auto max-w-2xl space-y-4" data-testid="review-session" aria-busy={pending}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <button type="button" className="btn-secondary" onClick={undo} disabled={!session.undoLogId || pending} title={t("undoHint")} aria-keyshortcuts="U Control+Z">
          {t("undo")}
        </button>
      </div>
      <SessionProgress session={session} />
      <div aria-live="polite" className="min-h-6">
        {notice ? (
          <p role={notice.kind === "error" ? "alert" : "status"} data-testid="review-notice" className={`rounded-lg px-3 py-2 text-sm ${notice.kind === "error" ? "bg-red-50 text-red-800 dark:bg-red-950 dark:text-red-200" : "bg-brand-50 text-brand-700 dark:bg-slate-800 dark:text-brand-100"}`}>
            {notice.text}
          </p>
        ) : null}
      </div>
      {card ? (
        <>
          <ReviewCard
            card={card}
            locale={locale}
            revealed={revealed}
            onReveal={reveal}
            typeIn={typeIn}
            onTyped={(state) => {
              setTyped({ showing, state });
              reveal();
            }}
          />
          {revealed ? <GradeButtons labels={card.labels} algorithm={card.algorithm} locale={locale} disabled={pending} onGrade={grade} suggested={typeIn?.result.suggested} /> : null}
          <p className="key-hint text-center text-xs text-slate-600 dark:text-slate-400" data-key-hint>
            {t("keyboard")}
          </p>
        </>
      ) : session.today.reviewed > 0 ? (
        <SessionSummary session={session} locale={locale} timeZone={timeZone} />
      ) : (
        <ReviewEmpty nextDueAt={session.nextDueAt} locale={locale} timeZone={timeZone} />
      )}
    </div>
  );
}
