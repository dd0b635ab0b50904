"use client";

/**
 * What the review screen needs once a typed answer is checked: the judge (lib/core/quiz/type-in,
 * with pinyin-pro and fastest-levenshtein) and the view of its verdict. Loaded when a card asks
 * for typing (./type-in), not with the page; the service worker keeps its chunk with the build's
 * other scripts, so it loads offline too.
 */
import { useTranslations } from "next-intl";
import { Marked } from "@/app/_components/marked-diff";
import type { TypeInResult } from "@/lib/core/quiz/type-in";

export { judgeTypeIn } from "@/lib/core/quiz/type-in";

/** What was typed against the expected name, differences marked, and the grade it suggests. */
export function TypeInComparison({ typed, result }: { typed: string; result: TypeInResult }) {
  const t = useTranslations("review.typeIn");
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
