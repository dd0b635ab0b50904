"use client";

import { useTranslations } from "next-intl";
import { useLayoutEffect, useRef, useState } from "react";
import type { Option } from "@/lib/core/quiz/types";
import type { Feedback } from "@/lib/quizzes/answer";

type Lang = "zh" | "en";
type Verdict = "picked-right" | "missed" | "picked-wrong" | "left-out";

function verdictOf(id: string, picked: string[], right: string[]): Verdict {
  if (right.includes(id)) return picked.includes(id) ? "picked-right" : "missed";
  return picked.includes(id) ? "picked-wrong" : "left-out";
}

const TONE: Record<Verdict, string> = {
  "picked-right": "border-green-500 bg-green-50 dark:bg-green-950",
  missed: "border-amber-500 bg-amber-50 dark:bg-amber-950",
  "picked-wrong": "border-red-500 bg-red-50 dark:bg-red-950",
  "left-out": "opacity-80",
};

/** Tick every option that applies (click, Space, or keys 1–5), then check: all or nothing. */
export function MultiInput(props: { options: Option[]; lang: Lang; locked: boolean; feedback: Feedback | null; onSubmit: (ids: string[]) => void }) {
  const { options, lang, locked, feedback, onSubmit } = props;
  const t = useTranslations("quizFormats.multi");
  const [picked, setPicked] = useState<string[]>(feedback?.response?.type === "multi" ? feedback.response.optionIds : []);
  const right = Array.isArray(feedback?.answer) ? (feedback.answer as string[]) : null;
  const submitRef = useRef<HTMLFormElement>(null);
  const toggle = (id: string) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id]));

  useLayoutEffect(() => {
    if (locked) return;
    function onKey(e: KeyboardEvent) {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      // Enter checks, unless it is activating a focused button or link of its own.
      const tag = (e.target as HTMLElement | null)?.tagName;
      if (e.key === "Enter" && tag !== "BUTTON" && tag !== "A") {
        e.preventDefault();
        submitRef.current?.requestSubmit();
        return;
      }
      const option = options[Number(e.key) - 1];
      if (option) {
        e.preventDefault();
        toggle(option.id);
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [locked, options]);

  return (
    <form
      ref={submitRef}
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        if (!locked && picked.length) onSubmit(options.map((o) => o.id).filter((id) => picked.includes(id)));
      }}
    >
      <fieldset>
        <legend className="sr-only">{t("legend")}</legend>
        <ul className="space-y-2" data-testid="multi-options">
          {options.map((o, i) => {
            const verdict = right ? verdictOf(o.id, picked, right) : null;
            return (
              <li key={o.id}>
                <label
                  data-option={o.id}
                  data-verdict={verdict ?? undefined}
                  className={`flex w-full cursor-pointer items-start gap-3 rounded-lg border border-slate-300 px-4 py-3 dark:border-slate-700 ${verdict ? TONE[verdict] : "hover:border-brand-500"}`}
                >
                  <input type="checkbox" className="mt-1 size-4" checked={picked.includes(o.id)} disabled={locked} onChange={() => toggle(o.id)} />
                  <kbd className="mt-0.5 text-xs text-slate-600 dark:text-slate-400">{i + 1}</kbd>
                  <span className="flex-1">
                    {o.text[lang]}
                    {verdict && verdict !== "left-out" ? <span className="ms-2 text-xs font-semibold">({t(`verdict.${verdict}`)})</span> : null}
                  </span>
                </label>
              </li>
            );
          })}
        </ul>
      </fieldset>
      {!feedback ? (
        <>
          <p className="text-xs text-slate-600 dark:text-slate-400">{t("hint")}</p>
          <button type="submit" className="btn-primary" data-testid="multi-submit" disabled={locked || !picked.length}>
            {t("submit")}
          </button>
        </>
      ) : null}
    </form>
  );
}
