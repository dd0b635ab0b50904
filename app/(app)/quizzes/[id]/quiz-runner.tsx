"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { AttemptView } from "@/lib/quizzes/queries";
import type { QuizResponse } from "@/lib/core/quiz/types";
import { usePendingWork } from "@/app/_components/use-pending-work";
import { answerAction } from "../actions";
import { QuestionView } from "./question-view";
import { FeedbackPanel } from "./feedback-panel";
import { QuizResults } from "./quiz-results";

type Locale = "en" | "zh-CN";

export function QuizRunner({ initial, locale }: { initial: AttemptView; locale: Locale }) {
  const t = useTranslations("quiz");
  const router = useRouter();
  const [view, setView] = useState(initial);
  const [pending, runPending] = usePendingWork();
  const [error, setError] = useState<string | null>(null);
  // The question whose feedback is on screen; the next unanswered one shows after "Next".
  const [showing, setShowing] = useState<number | null>(null);
  const requestId = useRef<string | null>(null);
  const nextButton = useRef<HTMLButtonElement>(null);

  const firstOpen = view.questions.find((q) => !q.feedback);
  const current = showing !== null ? view.questions[showing] : firstOpen;
  const lang = locale === "zh-CN" ? "zh" : "en";

  useEffect(() => {
    if (current?.feedback) nextButton.current?.focus();
  }, [current?.feedback]);

  if (!current) return <QuizResults view={view} locale={locale} />;

  function submit(response: QuizResponse) {
    if (!current || current.feedback || pending) return;
    requestId.current ??= crypto.randomUUID();
    const payload = { attemptId: view.id, position: current.position, response, requestId: requestId.current };
    setError(null);
    runPending(async () => {
      try {
        const res = await answerAction(payload);
        if (res.ok) {
          requestId.current = null;
          const fb = res.feedback;
          setView((v) => ({
            ...v,
            finishedAt: fb.finished ? new Date().toISOString() : v.finishedAt,
            score: fb.score,
            questions: v.questions.map((q) => (q.position === fb.position ? { ...q, feedback: fb } : q)),
          }));
          setShowing(fb.position);
          return;
        }
        if (res.error === "unauthorized") {
          router.push(`/signin?callbackUrl=${encodeURIComponent(`/quizzes/${view.id}`)}`);
          return;
        }
        requestId.current = null;
        const key = res.error === "closed" ? "closed" : res.error === "already-answered" ? "alreadyAnswered" : res.error === "not-found" ? "notFound" : res.error === "rate-limited" ? "rateLimited" : "badInput";
        setError(t(`errors.${key}`));
        if (res.error === "already-answered" || res.error === "closed") router.refresh();
      } catch {
        setError(t("errors.failed"));
      }
    });
  }

  const total = view.questions.length;
  const isLast = !view.questions.some((q) => !q.feedback);

  return (
    <div className="mx-auto max-w-2xl space-y-4" data-testid="quiz-runner" data-position={current.position} aria-busy={pending}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold">{t(`topics.${view.topic}` as never)}</h1>
        <span className="text-sm text-slate-600 dark:text-slate-400" data-testid="quiz-position">
          {t("question", { n: current.position + 1, total })}
        </span>
      </div>
      <div className="h-2 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800" aria-hidden>
        <div className="h-full bg-brand-500" style={{ width: `${(view.questions.filter((q) => q.feedback).length / total) * 100}%` }} />
      </div>
      <QuestionView key={current.position} question={current.question} lang={lang} feedback={current.feedback} disabled={pending} onAnswer={submit} />
      {error ? (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
          {error}
        </p>
      ) : null}
      {current.feedback ? (
        <>
          <FeedbackPanel question={current.question} feedback={current.feedback} lang={lang} />
          <button
            ref={nextButton}
            type="button"
            className="btn-primary w-full py-3"
            data-testid="quiz-next"
            onClick={() => {
              setShowing(null);
              setError(null);
            }}
          >
            {isLast ? t("feedback.finish") : t("feedback.next")}
          </button>
        </>
      ) : null}
    </div>
  );
}
