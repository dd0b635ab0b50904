"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { MATCH_TOPICS, type MatchTopic } from "@/lib/core/quiz/match-topics";
import { startMatchAction } from "./actions";
import { formatMatchTime } from "./format-time";

/** One start button per topic, each with the learner's best time. */
export function StartMatchForm({ best }: { best: Record<string, number> }) {
  const t = useTranslations("quizFormats.match");
  const tq = useTranslations("quiz");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const requestId = useRef<string | null>(null);

  function start(topic: MatchTopic) {
    requestId.current ??= crypto.randomUUID();
    const payload = { topic, requestId: requestId.current };
    startTransition(async () => {
      const res = await startMatchAction(payload);
      if (res.ok) {
        router.push(`/quizzes/match/${res.roundId}`);
        return;
      }
      requestId.current = null;
      if (res.error === "unauthorized") router.push("/signin?callbackUrl=%2Fquizzes%2Fmatch");
      else setError(res.error === "bad-input" || res.error === "rate-limited" ? t("failed") : tq("start.noDeck"));
    });
  }

  return (
    <div className="space-y-3">
      <ul className="grid gap-3 sm:grid-cols-2">
        {MATCH_TOPICS.map((topic) => (
          <li key={topic} className="card-surface flex flex-col gap-2 p-4">
            <span className="font-medium">{tq(`topics.${topic}` as never)}</span>
            <span className="text-sm text-slate-600 dark:text-slate-400" data-testid={`match-best-${topic}`}>
              {best[topic] !== undefined ? t("best", { time: formatMatchTime(best[topic]) }) : t("noBest")}
            </span>
            <button type="button" className="btn-primary" disabled={pending} data-testid={`match-start-${topic}`} onClick={() => start(topic)}>
              {pending ? t("starting") : t("start")}
            </button>
          </li>
        ))}
      </ul>
      {error ? (
        <p role="alert" className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
