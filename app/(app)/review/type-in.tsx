"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Marked } from "@/app/_components/marked-diff";
import type { TypeInResult } from "@/lib/core/quiz/type-in";
import { checkTypedAction } from "./actions";

export type TypeInState = { typed: string; result: TypeInResult } | null;

/**
 * Type the answer before seeing it: Enter checks it on the server, then the answer shows with
 * what was typed against the expected name and a suggested grade. "Show answer" skips typing.
 */
export function TypeInForm({ cardId, onChecked, onSkip }: { cardId: string; onChecked: (s: NonNullable<TypeInState>) => void; onSkip: () => void }) {
  const t = useTranslations("review.typeIn");
  const [text, setText] = useState("");
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  return (
    <form
      className="space-y-2"
      data-testid="type-in"
      onSubmit={async (e) => {
        e.preventDefault();
        if (busy || !text.trim()) return;
        setBusy(true);
        setFailed(false);
        try {
          const res = await checkTypedAction({ cardId, text });
          if (res.ok) onChecked({ typed: text, result: res.result });
          else setFailed(true);
        } catch {
          setFailed(true);
        } finally {
          setBusy(false);
        }
      }}
    >
      <label htmlFor="type-in-answer" className="text-sm font-medium">
        {t("label")}
      </label>
      <div className="flex flex-col gap-2 sm:flex-row">
        <input
          id="type-in-answer"
          data-testid="type-in-answer"
          className="field-input flex-1"
          autoFocus
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={120}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" className="btn-primary" disabled={busy || !text.trim()}>
          {t("check")}
        </button>
        <button type="button" className="btn-secondary" onClick={onSkip}>
          {t("skip")}
        </button>
      </div>
      {failed ? (
        <p role="alert" className="field-error">
          {typeof navigator !== "undefined" && !navigator.onLine ? t("offline") : t("failed")}
        </p>
      ) : null}
    </form>
  );
}

/** What was typed against the expected name, differences marked, and the grade it suggests. */
export function TypeInComparison({ state }: { state: NonNullable<TypeInState> }) {
  const t = useTranslations("review.typeIn");
  const { typed, result } = state;
  return (
    <div className="rounded-lg border border-slate-200 p-3 text-sm dark:border-slate-800" data-testid="type-in-result" data-correct={result.correct}>
      <p className={result.correct ? "font-medium text-green-800 dark:text-green-300" : "font-medium text-red-800 dark:text-red-300"}>
        {result.correct ? (result.exact ? t("exact") : t("close")) : t("wrong")}
      </p>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        <dt className="text-slate-600 dark:text-slate-400">{t("typed")}</dt>
        <dd data-testid="type-in-typed">
          <Marked parts={result.parts} side="typed" />
          <span className="sr-only"> ({typed})</span>
        </dd>
        <dt className="text-slate-600 dark:text-slate-400">{t("expected")}</dt>
        <dd data-testid="type-in-expected">
          <Marked parts={result.parts} side="expected" />
        </dd>
      </dl>
      <p className="mt-2 text-slate-600 dark:text-slate-400">{t("suggested", { grade: result.suggested })}</p>
    </div>
  );
}
