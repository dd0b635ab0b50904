"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState, useLayoutEffect } from "react";
import { formatIntervalShort } from "@/lib/core/srs/preview";
import { gradeAction, undoAction, type ReviewActionResult } from "./actions";
import type { ClientSession } from "./client-session";
import { ReviewCard } from "./review-card";
import { SessionSummary } from "./session-summary";

type Locale = "en" | "zh-CN";
const GRADES = [0, 1, 2, 3, 4, 5] as const;

export function ReviewSession({ initial, locale, timeZone }: { initial: ClientSession; locale: Locale; timeZone: string }) {
  const t = useTranslations("review");
  const router = useRouter();
  const [session, setSession] = useState(initial);
  const [revealed, setRevealed] = useState(false);
  const [notice, setNotice] = useState<{ kind: "info" | "error"; text: string } | null>(null);
  // Not useTransition's pending flag: it stays true for a moment after the next card is shown,
  // and a key pressed in that moment (a fast learner, or the browser tests) was silently dropped.
  const [pending, setPending] = useState(false);
  const inFlight = useRef(false);
  const shownAt = useRef(0);
  // One request id per showing of a card: a double click or a retry sends the same one, while
  // the same card shown again (after an undo, or as a drill) is a new answer.
  const requestId = useRef<string | null>(null);
  const card = session.card;

  useEffect(() => {
    shownAt.current = performance.now();
  }, []);

  const apply = useCallback(
    (res: ReviewActionResult, okNotice?: string) => {
      if (res.ok) {
        requestId.current = null;
        shownAt.current = performance.now();
        setSession(res.session);
        setRevealed(false);
        setNotice(okNotice ? { kind: "info", text: okNotice } : null);
        return;
      }
      if (res.error === "unauthorized") {
        router.push(`/signin?callbackUrl=${encodeURIComponent("/review")}`);
        return;
      }
      if (res.session) {
        requestId.current = null;
        setSession(res.session);
        setRevealed(false);
      }
      const text =
        res.error === "conflict" ? t("conflict") : res.error === "not-in-queue" ? t("notInQueue") : res.error === "rate-limited" ? t("slowDown") : t("failed");
      setNotice({ kind: res.error === "conflict" || res.error === "not-in-queue" ? "info" : "error", text });
    },
    [t, router],
  );

  /** One request at a time; the answer and the end of "pending" reach the screen in one render. */
  const send = useCallback(
    async (call: () => Promise<ReviewActionResult>, okNotice?: string) => {
      if (inFlight.current) return;
      inFlight.current = true;
      setPending(true);
      try {
        apply(await call(), okNotice);
      } catch {
        setNotice({ kind: "error", text: t("failed") });
      } finally {
        inFlight.current = false;
        setPending(false);
      }
    },
    [apply, t],
  );

  const grade = useCallback(
    (quality: (typeof GRADES)[number]) => {
      if (!card || !revealed || inFlight.current) return;
      requestId.current ??= crypto.randomUUID();
      const payload = {
        cardId: card.id,
        quality,
        expectedVersion: card.version,
        requestId: requestId.current,
        durationMs: Math.max(0, Math.round(performance.now() - shownAt.current)),
      };
      void send(() => gradeAction(payload));
    },
    [card, revealed, send],
  );

  const undo = useCallback(() => {
    if (!session.undoLogId || inFlight.current) return;
    const logId = session.undoLogId;
    void send(() => undoAction({ logId }), t("undone"));
  }, [session.undoLogId, send, t]);

  // Layout effect: the listener sees the new state before the screen shows it, so a key pressed
  // right after the answer appears is never handled with the old state.
  useLayoutEffect(() => {
    function onKey(e: KeyboardEvent) {
      const target = e.target as HTMLElement | null;
      if (target && ["INPUT", "SELECT", "TEXTAREA"].includes(target.tagName)) return;
      if (e.altKey || e.metaKey) return;
      if ((e.key === "z" || e.key === "Z") && e.ctrlKey) {
        e.preventDefault();
        undo();
        return;
      }
      if (e.ctrlKey) return;
      if ((e.key === " " || e.key === "Enter") && card && !revealed) {
        // Enter on a focused button already clicks it.
        if (e.key === "Enter" && target?.tagName === "BUTTON") return;
        e.preventDefault();
        setRevealed(true);
      } else if (/^[0-5]$/.test(e.key) && revealed) {
        e.preventDefault();
        grade(Number(e.key) as (typeof GRADES)[number]);
      } else if (e.key === "u" || e.key === "U") {
        e.preventDefault();
        undo();
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [card, revealed, grade, undo]);

  const done = session.today.reviewed;
  const left = session.left.review + session.left.new + session.left.drill;
  const total = done + left;

  return (
    <div className="mx-auto max-w-2xl space-y-4" data-testid="review-session" aria-busy={pending}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <button type="button" className="btn-secondary" onClick={undo} disabled={!session.undoLogId || pending} title={t("undoHint")} aria-keyshortcuts="U Control+Z">
          {t("undo")}
        </button>
      </div>
      {total > 0 ? (
        <div>
          <div className="mb-1 flex flex-wrap justify-between gap-2 text-sm text-slate-600 dark:text-slate-400">
            <span data-testid="review-progress">{t("progress", { done, total })}</span>
            <span data-testid="review-left">{t("left", session.left)}</span>
          </div>
          <div className="h-2 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800" role="progressbar" aria-valuemin={0} aria-valuemax={total} aria-valuenow={done} aria-label={t("progress", { done, total })}>
            <div className="h-full bg-brand-500 transition-[width]" style={{ width: `${total ? (done / total) * 100 : 0}%` }} />
          </div>
        </div>
      ) : null}
      <div aria-live="polite" className="min-h-6">
        {notice ? (
          <p role={notice.kind === "error" ? "alert" : "status"} data-testid="review-notice" className={`rounded-lg px-3 py-2 text-sm ${notice.kind === "error" ? "bg-red-50 text-red-800 dark:bg-red-950 dark:text-red-200" : "bg-brand-50 text-brand-700 dark:bg-slate-800 dark:text-brand-100"}`}>
            {notice.text}
          </p>
        ) : null}
      </div>
      {card ? (
        <>
          <ReviewCard card={card} locale={locale} revealed={revealed} onReveal={() => setRevealed(true)} />
          {revealed ? (
            <fieldset className="space-y-2" disabled={pending}>
              <legend className="mb-2 text-sm text-slate-600 dark:text-slate-400">
                {t("gradeGroup")}{" "}
                <span className="key-hint" data-key-hint>
                  {t("gradeKeys")}
                </span>
              </legend>
              <div className="grid grid-cols-3 gap-2 sm:grid-cols-6">
                {GRADES.map((q) => (
                  <button
                    key={q}
                    type="button"
                    data-grade={q}
                    onClick={() => grade(q)}
                    title={t(`gradeHelp.${q}`)}
                    aria-keyshortcuts={String(q)}
                    className={`flex flex-col items-center rounded-lg border px-2 py-2 text-sm font-medium transition-colors ${
                      q < 3
                        ? "border-red-200 bg-red-50 text-red-900 hover:bg-red-100 dark:border-red-900 dark:bg-red-950 dark:text-red-100"
                        : "border-green-200 bg-green-50 text-green-900 hover:bg-green-100 dark:border-green-900 dark:bg-green-950 dark:text-green-100"
                    }`}
                  >
                    <span>
                      <kbd className="key-hint me-1 text-xs">{q}</kbd>
                      {t(`grades.${q}`)}
                    </span>
                    <span className="text-xs" data-testid={`interval-${q}`}>
                      {card.kind === "drill" ? t("again") : formatIntervalShort(card.previews[q], locale)}
                    </span>
                  </button>
                ))}
              </div>
            </fieldset>
          ) : null}
          <p className="key-hint text-center text-xs text-slate-600 dark:text-slate-400" data-key-hint>
            {t("keyboard")}
          </p>
        </>
      ) : done > 0 ? (
        <SessionSummary session={session} locale={locale} timeZone={timeZone} />
      ) : (
        <section className="card-surface p-6 text-center" data-testid="review-empty">
          <h2 className="text-xl font-semibold">{t("empty.title")}</h2>
          <p className="mt-2 text-slate-600 dark:text-slate-400">{t("empty.body")}</p>
          {session.nextDueAt ? (
            <p className="mt-2 text-slate-600 dark:text-slate-400">
              {t("empty.nextDue", { when: new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(session.nextDueAt)) })}
            </p>
          ) : null}
          <Link href="/quizzes" className="btn-primary mt-4">
            {t("empty.quiz")}
          </Link>
        </section>
      )}
    </div>
  );
}
