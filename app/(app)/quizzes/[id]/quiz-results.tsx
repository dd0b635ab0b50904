"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { CardText } from "@/app/_components/card-text";
import { explanationBlocks } from "@/lib/core/quiz/explanation";
import type { AttemptView } from "@/lib/quizzes/queries";
import { retryMissedAction } from "../actions";
import { answerText } from "./answer-text";

function duration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

export function QuizResults({ view, locale }: { view: AttemptView; locale: "en" | "zh-CN" }) {
  const t = useTranslations("quiz");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const requestId = useRef<string | null>(null);
  const lang = locale === "zh-CN" ? "zh" : "en";
  const labels = { true: t("true"), false: t("false"), none: t("result.noAnswer") };
  const missed = view.questions.filter((q) => q.feedback && !q.feedback.correct).length;
  const score = view.score ?? view.questions.filter((q) => q.feedback?.correct).length;
  const end = new Date(view.finishedAt ?? view.createdAt).getTime();

  return (
    <div className="mx-auto max-w-2xl space-y-6" data-testid="quiz-results">
      <h1 className="text-2xl font-semibold">{t("result.heading")}</h1>
      <dl className="card-surface grid grid-cols-2 gap-4 p-5">
        <div>
          <dt className="text-xs uppercase tracking-wide text-slate-600 dark:text-slate-400">{t("result.score")}</dt>
          <dd className="text-2xl font-semibold" data-testid="quiz-score">
            {score} / {view.questions.length}
          </dd>
        </div>
        <div>
          <dt className="text-xs uppercase tracking-wide text-slate-600 dark:text-slate-400">{t("result.time")}</dt>
          <dd className="text-2xl font-semibold">{duration(end - new Date(view.createdAt).getTime())}</dd>
        </div>
      </dl>
      <div className="flex flex-wrap gap-3">
        {missed > 0 ? (
          <button
            type="button"
            className="btn-primary"
            disabled={pending}
            data-testid="quiz-retry"
            onClick={() => {
              requestId.current ??= crypto.randomUUID();
              const payload = { attemptId: view.id, requestId: requestId.current };
              startTransition(async () => {
                const res = await retryMissedAction(payload);
                if (res.ok) router.push(`/quizzes/${res.attemptId}`);
                else setError(t("errors.failed"));
              });
            }}
          >
            {t("result.retry")}
          </button>
        ) : (
          <p className="self-center font-medium text-green-700 dark:text-green-400">{t("result.allRight")}</p>
        )}
        <Link href="/quizzes" className="btn-secondary">
          {t("result.again")}
        </Link>
      </div>
      {error ? (
        <p role="alert" className="field-error">
          {error}
        </p>
      ) : null}
      <ol className="space-y-3">
        {view.questions.map(({ position, question, feedback }) => (
          <li key={position} className="card-surface p-4" data-testid="quiz-result-item" data-correct={feedback?.correct ?? false}>
            <p className="font-medium">
              {position + 1}. {question.type === "true-false" ? `${t("trueFalsePrompt")} ` : ""}
              {question.prompt[lang]}
            </p>
            <p className={`mt-2 whitespace-pre-line text-sm ${feedback?.correct ? "text-green-700 dark:text-green-400" : "text-red-700 dark:text-red-400"}`}>
              <span className="font-medium">{t("feedback.yourAnswer")}: </span>
              {answerText(question, feedback?.response, lang, labels)}
            </p>
            {!feedback?.correct ? (
              <p className="mt-1 whitespace-pre-line text-sm">
                <span className="font-medium">{t("feedback.rightAnswer")}: </span>
                {answerText(question, feedback?.answer, lang, labels)}
              </p>
            ) : null}
            {feedback ? <CardText blocks={explanationBlocks(feedback.explanation[lang])} className="mt-2 text-sm text-slate-600 dark:text-slate-400" /> : null}
          </li>
        ))}
      </ol>
    </div>
  );
}
