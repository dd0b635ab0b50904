"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import type { TypeInResult } from "@/lib/core/quiz/type-in";
import type { TypedAnswer } from "@/lib/core/quiz/types";

export type TypeInState = { typed: string; result: TypeInResult } | null;

/** The judge and the view of its verdict (./type-in-checker), loaded when a card asks for typing. */
let checker: typeof import("./type-in-checker") | null = null;
const loadChecker = async () => (checker ??= await import("./type-in-checker"));

/**
 * Type the answer before seeing it: Enter judges it here in the browser (the quizzes' typed
 * checker, online or offline), then the answer shows with what was typed against the expected
 * name and a suggested grade. "Show answer" skips typing.
 */
export function TypeInForm({ answer, onChecked, onSkip }: { answer: TypedAnswer; onChecked: (s: NonNullable<TypeInState>) => void; onSkip: () => void }) {
  const t = useTranslations("review.typeIn");
  const [text, setText] = useState("");
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    // Fetched while the learner types; if it fails, Enter tries again and says so.
    loadChecker().catch(() => {});
  }, []);
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
          const { judgeTypeIn } = await loadChecker();
          onChecked({ typed: text, result: judgeTypeIn(answer, text) });
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
          {t("failed")}
        </p>
      ) : null}
    </form>
  );
}

/** The verdict's view: shown only once an answer was checked, so the checker that brings it has loaded. */
export function TypeInComparison({ state }: { state: NonNullable<TypeInState> }) {
  const View = checker!.TypeInComparison;
  return <View typed={state.typed} result={state.result} />;
}
