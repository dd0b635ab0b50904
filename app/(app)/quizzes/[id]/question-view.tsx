"use client";

import { useTranslations } from "next-intl";
import { useLayoutEffect } from "react";
import type { PublicQuestion, QuizResponse } from "@/lib/core/quiz/types";
import type { Feedback } from "@/lib/quizzes/answer";
import { MultiInput } from "./multi-input";
import { OrderingInput } from "./ordering-input";
import { TypedInput } from "./typed-input";

type Lang = "zh" | "en";

function isTyping(e: KeyboardEvent): boolean {
  const el = e.target as HTMLElement | null;
  return !!el && ["INPUT", "SELECT", "TEXTAREA"].includes(el.tagName);
}

export function QuestionView(props: {
  question: PublicQuestion;
  lang: Lang;
  feedback: Feedback | null;
  disabled: boolean;
  onAnswer: (r: QuizResponse) => void;
}) {
  const { question, lang, feedback, disabled, onAnswer } = props;
  const t = useTranslations("quiz");
  const locked = disabled || !!feedback;

  // Layout effect: the listener sees the new state before the screen shows it, so a key pressed
  // right after the answer appears is never handled with the old state.
  useLayoutEffect(() => {
    if (locked || question.type === "ordering" || question.type === "typed" || question.type === "multi") return;
    function onKey(e: KeyboardEvent) {
      if (isTyping(e) || e.ctrlKey || e.metaKey || e.altKey) return;
      if (question.type === "choice") {
        const i = Number(e.key) - 1;
        const option = question.options[i];
        if (option) {
          e.preventDefault();
          onAnswer({ type: "choice", optionId: option.id });
        }
      } else if (question.type === "true-false" && (e.key === "t" || e.key === "f")) {
        e.preventDefault();
        onAnswer({ type: "true-false", value: e.key === "t" });
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [locked, question, onAnswer]);

  const chosen = feedback?.response;
  const right = feedback?.answer;

  return (
    <section className="card-surface space-y-4 p-5 sm:p-6" data-testid="quiz-question" data-kind={question.kind}>
      {question.type === "true-false" ? <p className="text-sm font-medium text-slate-600 dark:text-slate-400">{t("trueFalsePrompt")}</p> : null}
      <h2 className="text-lg font-medium sm:text-xl">{question.prompt[lang]}</h2>
      {question.type === "choice" ? (
        <>
          <ul className="space-y-2">
            {question.options.map((o, i) => {
              const picked = chosen?.type === "choice" && chosen.optionId === o.id;
              const isRight = right === o.id;
              const tone = feedback
                ? isRight
                  ? "border-green-500 bg-green-50 dark:bg-green-950"
                  : picked
                    ? "border-red-500 bg-red-50 dark:bg-red-950"
                    : "border-slate-300 text-slate-600 dark:border-slate-700 dark:text-slate-400"
                : "border-slate-300 hover:border-brand-500 hover:bg-brand-50 dark:border-slate-700 dark:hover:bg-slate-800";
              return (
                <li key={o.id}>
                  <button
                    type="button"
                    disabled={locked}
                    data-option={o.id}
                    aria-pressed={picked}
                    onClick={() => onAnswer({ type: "choice", optionId: o.id })}
                    className={`flex w-full items-start gap-3 rounded-lg border px-4 py-3 text-start ${tone}`}
                  >
                    <kbd className="key-hint mt-0.5 text-xs text-slate-600 dark:text-slate-400">{i + 1}</kbd>
                    <span>{o.text[lang]}</span>
                  </button>
                </li>
              );
            })}
          </ul>
          {!feedback ? <p className="key-hint text-xs text-slate-600 dark:text-slate-400" data-key-hint>{t("choiceHint")}</p> : null}
        </>
      ) : question.type === "true-false" ? (
        <>
          <div className="grid grid-cols-2 gap-3">
            {([true, false] as const).map((value) => {
              const picked = chosen?.type === "true-false" && chosen.value === value;
              const tone = feedback ? (right === value ? "border-green-500 bg-green-50 dark:bg-green-950" : picked ? "border-red-500 bg-red-50 dark:bg-red-950" : "border-slate-300 text-slate-600 dark:border-slate-700 dark:text-slate-400") : "border-slate-300 hover:border-brand-500 dark:border-slate-700";
              return (
                <button
                  key={String(value)}
                  type="button"
                  disabled={locked}
                  data-value={String(value)}
                  aria-pressed={picked}
                  onClick={() => onAnswer({ type: "true-false", value })}
                  className={`rounded-lg border px-4 py-3 font-medium ${tone}`}
                >
                  <kbd className="key-hint me-2 text-xs text-slate-600 dark:text-slate-400">{value ? "T" : "F"}</kbd>
                  {value ? t("true") : t("false")}
                </button>
              );
            })}
          </div>
          {!feedback ? <p className="key-hint text-xs text-slate-600 dark:text-slate-400" data-key-hint>{t("trueFalseHint")}</p> : null}
        </>
      ) : question.type === "typed" ? (
        <TypedInput locked={locked} feedback={feedback} onSubmit={(text) => onAnswer({ type: "typed", text })} />
      ) : question.type === "multi" ? (
        <MultiInput options={question.options} lang={lang} locked={locked} feedback={feedback} onSubmit={(optionIds) => onAnswer({ type: "multi", optionIds })} />
      ) : (
        <OrderingInput items={question.items} lang={lang} locked={locked} feedback={feedback} onSubmit={(order) => onAnswer({ type: "ordering", order })} />
      )}
    </section>
  );
}
