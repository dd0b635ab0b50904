"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Marked } from "@/app/_components/marked-diff";
import type { Feedback } from "@/lib/quizzes/answer";

/** Type the answer; Enter checks it. After checking, the typed text against the expected spelling. */
export function TypedInput(props: { locked: boolean; feedback: Feedback | null; onSubmit: (text: string) => void }) {
  const { locked, feedback, onSubmit } = props;
  const t = useTranslations("quizFormats.typed");
  const typed = feedback?.response?.type === "typed" ? feedback.response.text : "";
  const [text, setText] = useState(typed);
  const cmp = feedback?.comparison;
  return (
    <div className="space-y-3">
      <form
        className="flex flex-col gap-2 sm:flex-row"
        onSubmit={(e) => {
          e.preventDefault();
          if (!locked && text.trim()) onSubmit(text);
        }}
      >
        <label htmlFor="typed-answer" className="sr-only">
          {t("label")}
        </label>
        <input
          id="typed-answer"
          data-testid="typed-answer"
          className="field-input flex-1"
          autoFocus
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={120}
          value={text}
          readOnly={locked}
          onChange={(e) => setText(e.target.value)}
        />
        {!feedback ? (
          <button type="submit" className="btn-primary" data-testid="typed-submit" disabled={locked || !text.trim()}>
            {t("submit")}
          </button>
        ) : null}
      </form>
      {!feedback ? <p className="text-xs text-slate-600 dark:text-slate-400">{t("hint")}</p> : null}
      {cmp ? (
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm" data-testid="typed-comparison">
          <dt className="font-medium">{t("typed")}</dt>
          <dd data-testid="typed-yours">
            <Marked parts={cmp.parts} side="typed" />
          </dd>
          <dt className="font-medium">{t("expected")}</dt>
          <dd data-testid="typed-expected">
            <Marked parts={cmp.parts} side="expected" />
          </dd>
        </dl>
      ) : null}
      {cmp && cmp.parts.some((p) => p.op !== "same") ? <p className="text-xs text-slate-600 dark:text-slate-400">{t("legend")}</p> : null}
    </div>
  );
}
