"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { QUIZ_LENGTHS, QUIZ_TOPICS } from "@/lib/core/quiz/types";
import { startQuizAction } from "./actions";

export function StartQuizForm() {
  const t = useTranslations("quiz");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  // Kept for the life of the form: a double click starts one attempt.
  const requestId = useRef<string | null>(null);

  return (
    <form
      className="card-surface space-y-5 p-5"
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        requestId.current ??= crypto.randomUUID();
        const payload = { topic: String(form.get("topic")), length: Number(form.get("length")), requestId: requestId.current };
        startTransition(async () => {
          const res = await startQuizAction(payload);
          if (res.ok) {
            router.push(`/quizzes/${res.attemptId}`);
            return;
          }
          requestId.current = null;
          if (res.error === "unauthorized") router.push("/signin?callbackUrl=%2Fquizzes");
          else setError(res.error === "no-deck" || res.error === "no-questions" ? t("start.noDeck") : t("errors.badInput"));
        });
      }}
    >
      <h2 className="text-lg font-semibold">{t("start.heading")}</h2>
      <fieldset>
        <legend className="mb-2 text-sm font-medium">{t("start.topic")}</legend>
        <div className="flex flex-wrap gap-2">
          {QUIZ_TOPICS.map((topic, i) => (
            <label key={topic} className="inline-flex min-h-11 cursor-pointer items-center rounded-lg border border-slate-300 px-3 py-2 text-sm has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50 has-[:focus-visible]:outline has-[:focus-visible]:outline-brand-500 dark:border-slate-700 dark:has-[:checked]:bg-slate-800">
              <input type="radio" name="topic" value={topic} defaultChecked={i === 0} className="sr-only" />
              {t(`topics.${topic}` as never)}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend className="mb-2 text-sm font-medium">{t("start.length")}</legend>
        <div className="flex gap-2">
          {QUIZ_LENGTHS.map((n) => (
            <label key={n} className="inline-flex min-h-11 min-w-11 cursor-pointer items-center justify-center rounded-lg border border-slate-300 px-4 py-2 text-sm has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50 has-[:focus-visible]:outline has-[:focus-visible]:outline-brand-500 dark:border-slate-700 dark:has-[:checked]:bg-slate-800">
              <input type="radio" name="length" value={n} defaultChecked={n === 10} className="sr-only" />
              {n}
            </label>
          ))}
        </div>
      </fieldset>
      {error ? (
        <p role="alert" className="field-error">
          {error}
        </p>
      ) : null}
      <button type="submit" className="btn-primary" disabled={pending} data-testid="quiz-start">
        {pending ? t("start.starting") : t("start.submit")}
      </button>
    </form>
  );
}
