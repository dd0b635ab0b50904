"use client";

import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import type { Option } from "@/lib/core/quiz/types";
import type { Feedback } from "@/lib/quizzes/answer";

type Lang = "zh" | "en";

/** Put items in order by dragging, by the arrow buttons, or with Alt+↑/↓ on a focused item. */
export function OrderingInput(props: { items: Option[]; lang: Lang; locked: boolean; feedback: Feedback | null; onSubmit: (order: string[]) => void }) {
  const { items, lang, locked, feedback, onSubmit } = props;
  const t = useTranslations("quiz.ordering");
  const initialOrder = feedback?.response?.type === "ordering" ? feedback.response.order : items.map((i) => i.id);
  const [order, setOrder] = useState<string[]>(initialOrder);
  const [announce, setAnnounce] = useState("");
  const dragging = useRef<string | null>(null);
  const refs = useRef(new Map<string, HTMLLIElement>());
  const byId = new Map(items.map((i) => [i.id, i]));
  const right = Array.isArray(feedback?.answer) ? (feedback.answer as string[]) : null;

  function move(id: string, to: number) {
    const from = order.indexOf(id);
    if (from < 0 || to < 0 || to >= order.length || from === to) return;
    const next = [...order];
    next.splice(from, 1);
    next.splice(to, 0, id);
    setOrder(next);
    setAnnounce(t("moved", { n: to + 1 }));
    requestAnimationFrame(() => refs.current.get(id)?.focus());
  }

  return (
    <div className="space-y-3">
      {!locked ? (
        <>
          <p className="key-hint text-sm text-slate-600 dark:text-slate-400" data-key-hint>
            {t("hint")}
          </p>
          <p className="touch-only text-sm text-slate-600 dark:text-slate-400">{t("hintTouch")}</p>
        </>
      ) : null}
      <ol className="space-y-2" data-testid="ordering-list">
        {order.map((id, index) => {
          const item = byId.get(id);
          if (!item) return null;
          const placed = right ? right[index] === id : null;
          // One set of colours per state: a base white next to a green one loses to whichever
          // Tailwind happens to emit later.
          const tone =
            placed === null
              ? "border-slate-300 bg-white dark:border-slate-700 dark:bg-slate-900"
              : placed
                ? "border-green-600 bg-green-50 dark:border-green-500 dark:bg-green-950"
                : "border-red-600 bg-red-50 dark:border-red-500 dark:bg-red-950";
          return (
            <li
              key={id}
              ref={(el) => {
                if (el) refs.current.set(id, el);
              }}
              tabIndex={locked ? -1 : 0}
              data-item={id}
              draggable={!locked}
              onDragStart={() => (dragging.current = id)}
              onDragOver={(e) => e.preventDefault()}
              onDrop={(e) => {
                e.preventDefault();
                if (dragging.current) move(dragging.current, index);
                dragging.current = null;
              }}
              onKeyDown={(e) => {
                if (locked || !e.altKey) return;
                if (e.key === "ArrowUp") {
                  e.preventDefault();
                  move(id, index - 1);
                } else if (e.key === "ArrowDown") {
                  e.preventDefault();
                  move(id, index + 1);
                }
              }}
              className={`flex items-center gap-3 rounded-lg border px-3 py-2 ${locked ? "" : "cursor-grab"} ${tone}`}
              data-placed={placed === null ? undefined : placed ? "right" : "wrong"}
            >
              <span className="w-6 text-center font-semibold text-slate-600 dark:text-slate-400">{index + 1}</span>
              <span className="flex-1">{item.text[lang]}</span>
              {placed !== null ? (
                <span className={placed ? "text-green-800 dark:text-green-300" : "text-red-800 dark:text-red-300"}>
                  <span aria-hidden="true">{placed ? "✓" : "✗"}</span>
                  <span className="sr-only">{placed ? t("rightPlace") : t("wrongPlace")}</span>
                </span>
              ) : null}
              {!locked ? (
                <span className="flex gap-1">
                  <button type="button" className="min-h-11 min-w-11 rounded-md border border-slate-300 text-base disabled:opacity-40 dark:border-slate-700" aria-label={`${t("up")}: ${item.text[lang]}`} disabled={index === 0} onClick={() => move(id, index - 1)}>
                    ↑
                  </button>
                  <button type="button" className="min-h-11 min-w-11 rounded-md border border-slate-300 text-base disabled:opacity-40 dark:border-slate-700" aria-label={`${t("down")}: ${item.text[lang]}`} disabled={index === order.length - 1} onClick={() => move(id, index + 1)}>
                    ↓
                  </button>
                </span>
              ) : null}
            </li>
          );
        })}
      </ol>
      <p className="sr-only" aria-live="polite">
        {announce}
      </p>
      {!locked ? (
        <button type="button" className="btn-primary" data-testid="ordering-submit" onClick={() => onSubmit(order)}>
          {t("submit")}
        </button>
      ) : null}
    </div>
  );
}
