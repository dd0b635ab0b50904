"use client";

import { useTranslations } from "next-intl";
import type { PublicQuestion } from "@/lib/core/quiz/types";
import type { Feedback } from "@/lib/quizzes/answer";
import { CardText } from "@/app/_components/card-text";
import { sourceLabel } from "@/lib/core/deck/source-label";
import { explanationBlocks } from "@/lib/core/quiz/explanation";
import { answerText } from "./answer-text";

export function FeedbackPanel({ question, feedback, lang }: { question: PublicQuestion; feedback: Feedback; lang: "zh" | "en" }) {
  const t = useTranslations("quiz");
  const labels = { true: t("true"), false: t("false"), none: t("result.noAnswer") };
  const source = sourceLabel(feedback.source, lang);
  return (
    <section
      role="status"
      data-testid="quiz-feedback"
      data-correct={feedback.correct}
      className={`rounded-xl border p-4 ${feedback.correct ? "border-green-300 bg-green-50 dark:border-green-800 dark:bg-green-950" : "border-red-300 bg-red-50 dark:border-red-800 dark:bg-red-950"}`}
    >
      <p className="font-semibold">{feedback.correct ? t("feedback.correct") : t("feedback.wrong")}</p>
      {!feedback.correct ? (
        <p className="mt-2 whitespace-pre-line text-sm">
          <span className="font-medium">{t("feedback.rightAnswer")}: </span>
          {answerText(question, feedback.answer, lang, labels)}
        </p>
      ) : null}
      <CardText blocks={explanationBlocks(feedback.explanation[lang])} className="mt-2 text-sm" />
      <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
        {t("feedback.source")}: {source.text}
        {source.translated ? (
          <span className="block" lang="zh-CN">
            {t("feedback.sourceOriginal")}: {source.original}
          </span>
        ) : null}
      </p>
    </section>
  );
}
