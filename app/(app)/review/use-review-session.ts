"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import type { Quality } from "@/lib/core/srs/sm2";
import { FSRS_BUTTON_GRADES } from "@/lib/core/srs/fsrs-buttons";
import { gradeAction, undoAction, type ReviewActionResult } from "./actions";
import type { ClientSession } from "./client-session";
import { markAnswerKey, markNextCardCommitted } from "./paint-marks";

export type Notice = { kind: "info" | "error"; text: string } | null;

/**
 * The review screen's state and requests: the session the server last answered, whether the
 * answer shows, one request at a time, one request id per showing of a card, and the keys.
 */
export function useReviewSession(initial: ClientSession) {
  const t = useTranslations("review");
  const router = useRouter();
  const [session, setSession] = useState(initial);
  const [revealed, setRevealed] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  // Not useTransition's pending flag: it stays true for a moment after the next card is shown,
  // and a key pressed in that moment (a fast learner, or the browser tests) was silently dropped.
  const [pending, setPending] = useState(false);
  const inFlight = useRef(false);
  const shownAt = useRef(0);
  // One request id per showing of a card: a double click or a retry sends the same one, while
  // the same card shown again (after an undo, or as a repeat) is a new answer.
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
    (quality: Quality) => {
      if (!card || !revealed || inFlight.current) return;
      markAnswerKey();
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

  const reveal = useCallback(() => setRevealed(true), []);

  // Every server answer brings a new card object (a repeat of the same card too), or null.
  useLayoutEffect(() => {
    markNextCardCommitted();
  }, [card]);

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
      } else if (card?.algorithm === "fsrs" ? /^[1-4]$/.test(e.key) : /^[0-5]$/.test(e.key)) {
        if (!revealed) return;
        e.preventDefault();
        // FSRS keys 1–4 are its four buttons (Again, Hard, Good, Easy), not SM-2 grades.
        grade(card?.algorithm === "fsrs" ? FSRS_BUTTON_GRADES[Number(e.key) - 1] : (Number(e.key) as Quality));
      } else if (e.key === "u" || e.key === "U") {
        e.preventDefault();
        undo();
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [card, revealed, grade, undo]);

  return { session, card, revealed, notice, pending, reveal, grade, undo };
}
