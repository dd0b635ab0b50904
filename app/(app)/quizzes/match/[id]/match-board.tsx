"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { usePendingWork } from "@/app/_components/use-pending-work";
import type { MatchView } from "@/lib/quizzes/match";
import { checkMatchAction } from "../actions";
import { formatMatchTime } from "../format-time";

type Lang = "zh" | "en";
type Selected = { side: "left" | "right"; id: string } | null;
type Done = { durationMs: number; bestMs: number; newBest: boolean };

const BASE = "w-full rounded-lg border px-3 py-2 text-start text-sm disabled:cursor-default";
const IDLE = "border-slate-300 bg-white hover:border-brand-500 dark:border-slate-700 dark:bg-slate-900";
const SELECTED = "border-brand-500 bg-brand-50 ring-2 ring-brand-500 dark:bg-slate-800";
const PAIRED = "border-brand-500 bg-white dark:bg-slate-900";
const LOCKED = "border-green-500 bg-green-50 dark:bg-green-950";

/**
 * Pick a name, then its duty (or the other way round); picking a paired item undoes its pair.
 * When every name is paired the board is checked on the server: wrong pairs come undone, right
 * ones stay, and the round ends when all are right. Buttons throughout, so Tab and Enter play it.
 */
export function MatchBoard({ view, lang }: { view: MatchView; lang: Lang }) {
  const t = useTranslations("quizFormats.match");
  const router = useRouter();
  const [pairs, setPairs] = useState<Record<string, string>>({});
  const [locked, setLocked] = useState<string[]>(view.finished ? view.board.left.map((o) => o.id) : []);
  const [selected, setSelected] = useState<Selected>(null);
  const [message, setMessage] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<Done | null>(view.finished && view.durationMs !== null ? { durationMs: view.durationMs, bestMs: view.bestMs ?? view.durationMs, newBest: false } : null);
  const [now, setNow] = useState(() => Date.now());
  const [pending, runPending] = usePendingWork();
  const requestId = useRef<string | null>(null);
  const started = new Date(view.startedAt).getTime();

  useEffect(() => {
    if (done) return;
    const timer = setInterval(() => setNow(Date.now()), 100);
    return () => clearInterval(timer);
  }, [done]);

  const number = new Map(view.board.left.map((o, i) => [o.id, i + 1]));
  const leftOf = new Map(Object.entries(pairs).map(([l, r]) => [r, l]));
  const nameOf = (id: string) => view.board.left.find((o) => o.id === id)?.text[lang] ?? "";

  function check(next: Record<string, string>) {
    requestId.current ??= crypto.randomUUID();
    const payload = { roundId: view.id, pairs: next, requestId: requestId.current };
    setError(null);
    runPending(async () => {
      try {
        const res = await checkMatchAction(payload);
        if (!res.ok) {
          if (res.error === "unauthorized") router.push(`/signin?callbackUrl=${encodeURIComponent(`/quizzes/match/${view.id}`)}`);
          else if (res.error === "closed") router.refresh();
          else setError(res.error === "not-found" ? t("notFound") : t("failed"));
          requestId.current = null;
          return;
        }
        requestId.current = null;
        if (res.done) {
          setLocked(view.board.left.map((o) => o.id));
          setDone(res);
          setMessage(t("done", { time: formatMatchTime(res.durationMs) }));
          return;
        }
        setLocked(res.right);
        setPairs(Object.fromEntries(Object.entries(next).filter(([l]) => res.right.includes(l))));
        setMessage(t("wrongPairs", { n: res.wrong.length }));
      } catch {
        setError(t("failed"));
      }
    });
  }

  function pair(left: string, right: string) {
    const next = { ...pairs, [left]: right };
    setPairs(next);
    setSelected(null);
    setMessage("");
    if (Object.keys(next).length === view.board.left.length) check(next);
  }

  function pickLeft(id: string) {
    if (done || pending || locked.includes(id)) return;
    if (pairs[id]) {
      const { [id]: _, ...rest } = pairs;
      void _;
      setPairs(rest);
      setSelected(null);
      return;
    }
    if (selected?.side === "right") pair(id, selected.id);
    else setSelected(selected?.id === id ? null : { side: "left", id });
  }

  function pickRight(id: string) {
    const owner = leftOf.get(id);
    if (done || pending || (owner && locked.includes(owner))) return;
    if (owner) {
      const { [owner]: _, ...rest } = pairs;
      void _;
      setPairs(rest);
      setSelected(null);
      return;
    }
    if (selected?.side === "left") pair(selected.id, id);
    else setSelected(selected?.id === id ? null : { side: "right", id });
  }

  const elapsed = done ? done.durationMs : Math.max(0, now - started);

  return (
    <div className="mx-auto max-w-3xl space-y-4" data-testid="match-board" data-done={!!done}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="font-mono text-lg" aria-label={t("elapsed")} data-testid="match-time">
          {formatMatchTime(elapsed)}
        </p>
      </div>
      {view.bestMs !== null && !done ? <p className="text-sm text-slate-600 dark:text-slate-400">{t("best", { time: formatMatchTime(view.bestMs) })}</p> : null}
      <div className="grid gap-4 md:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
        <section aria-labelledby="match-left">
          <h2 id="match-left" className="mb-2 text-sm font-medium text-slate-600 dark:text-slate-400">
            {t("components")}
          </h2>
          <ul className="grid grid-cols-2 gap-2 md:grid-cols-1">
            {view.board.left.map((o) => {
              const isLocked = locked.includes(o.id);
              const tone = isLocked ? LOCKED : selected?.side === "left" && selected.id === o.id ? SELECTED : pairs[o.id] ? PAIRED : IDLE;
              return (
                <li key={o.id}>
                  <button type="button" data-left={o.id} aria-pressed={selected?.id === o.id} disabled={isLocked || !!done} onClick={() => pickLeft(o.id)} className={`${BASE} ${tone}`}>
                    <span className="me-2 inline-block w-5 text-center font-semibold text-slate-600 dark:text-slate-300">{pairs[o.id] || isLocked ? number.get(o.id) : "·"}</span>
                    {o.text[lang]}
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
        <section aria-labelledby="match-right">
          <h2 id="match-right" className="mb-2 text-sm font-medium text-slate-600 dark:text-slate-400">
            {t("duties")}
          </h2>
          <ul className="space-y-2">
            {view.board.right.map((o) => {
              const owner = leftOf.get(o.id);
              const isLocked = !!owner && locked.includes(owner);
              const tone = isLocked ? LOCKED : selected?.side === "right" && selected.id === o.id ? SELECTED : owner ? PAIRED : IDLE;
              return (
                <li key={o.id}>
                  <button type="button" data-right={o.id} aria-pressed={selected?.id === o.id} disabled={isLocked || !!done} onClick={() => pickRight(o.id)} className={`${BASE} ${tone}`}>
                    <span className="me-2 inline-block w-5 text-center font-semibold text-slate-600 dark:text-slate-300">{owner ? number.get(owner) : "·"}</span>
                    {o.text[lang]}
                    {owner ? <span className="sr-only"> ({t("pairedWith", { name: nameOf(owner) })})</span> : null}
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      </div>
      <p className="sr-only" aria-live="polite">
        {selected ? t("selected", { name: selected.side === "left" ? nameOf(selected.id) : (view.board.right.find((o) => o.id === selected.id)?.text[lang] ?? "") }) : ""}
      </p>
      <p role="status" className="min-h-6 text-sm font-medium" data-testid="match-message">
        {message}
        {done?.newBest ? ` ${t("newBest")}` : ""}
      </p>
      {error ? (
        <p role="alert" className="field-error">
          {error}
        </p>
      ) : null}
      {done ? (
        <div className="flex flex-wrap gap-3">
          <p className="self-center text-sm" data-testid="match-best">
            {t("best", { time: formatMatchTime(done.bestMs) })}
          </p>
          <Link href="/quizzes/match" className="btn-primary" data-testid="match-again">
            {t("again")}
          </Link>
        </div>
      ) : null}
    </div>
  );
}
