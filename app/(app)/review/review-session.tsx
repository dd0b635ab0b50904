"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { DayPack, LocalSession } from "@/lib/core/srs/day-pack";
import type { ContentsPayload } from "./client-session";
import { GradeButtons } from "./grade-buttons";
import { OutboxBadge } from "./outbox-badge";
import { ReviewCard } from "./review-card";
import { ReviewEmpty } from "./review-empty";
import { SessionProgress } from "./session-progress";
import { SessionSummary } from "./session-summary";
import type { TypeInState } from "./type-in";
import { useReviewSession } from "./use-review-session";

type Locale = "en" | "zh-CN";

type Props = { userId: string; initialPack: DayPack; initialSession: LocalSession; initialContents: ContentsPayload; locale: Locale; timeZone: string };

export function ReviewSession({ userId, initialPack, initialSession, initialContents, locale, timeZone }: Props) {
  const t = useTranslations("review");
  const { session, card, revealed, notice, reveal, grade, undo, waiting, loaded, offline, stalled, showing, settled, missingText } = useReviewSession({ userId, initialPack, initialSession, initialContents });
  // What was typed for the card on screen (a card shown again, e.g. after an undo, starts afresh).
  const [typed, setTyped] = useState<{ showing: string; state: TypeInState }>({ showing: "", state: null });
  const typeIn = typed.showing === showing ? typed.state : null;

  return (
    <div className="mx-auto max-w-2xl space-y-4" data-testid="review-session" data-waiting={loaded ? waiting : undefined}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <button type="button" className="btn-secondary" onClick={undo} disabled={!session.undoTarget || !settled} title={t("undoHint")} aria-keyshortcuts="U Control+Z">
          {t("undo")}
        </button>
      </div>
      <SessionProgress session={session} />
      <div aria-live="polite" className="min-h-6 space-y-2">
        <OutboxBadge waiting={waiting} offline={offline} stalled={stalled} />
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
          {revealed ? <GradeButtons labels={card.labels} algorithm={card.algorithm} locale={locale} disabled={!settled} onGrade={grade} suggested={typeIn?.result.suggested} /> : null}
          <p className="key-hint text-center text-xs text-slate-600 dark:text-slate-400" data-key-hint>
            {t("keyboard")}
          </p>
        </>
      ) : missingText ? (
        <p className="card-surface p-6 text-slate-700 dark:text-slate-300" role="status" data-testid="review-missing-text">
          {t("sync.missingText")}
        </p>
      ) : session.today.reviewed > 0 ? (
        <SessionSummary session={session} locale={locale} timeZone={timeZone} />
      ) : (
        <ReviewEmpty nextDueAt={session.nextDueAt} locale={locale} timeZone={timeZone} />
      )}
    </div>
  );
}
