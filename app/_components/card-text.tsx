import { Fragment } from "react";
import { useLocale, useTranslations } from "next-intl";
import type { Block, Run } from "@/lib/core/deck/card-text";

function Runs({ runs, pending }: { runs: Run[]; pending: { label: string; lang: string } }) {
  return (
    <>
      {runs.map((r, i) => {
        const text = r.strong ? (
          <strong key={i} className="font-semibold text-brand-700 dark:text-brand-100">
            {r.text}
          </strong>
        ) : (
          <span key={i}>{r.text}</span>
        );
        if (!r.pending) return text;
        // The English side is showing the source's Chinese: say so where it starts, and mark its language.
        const starts = !runs[i - 1]?.pending;
        return (
          <Fragment key={i}>
            {starts ? (
              <span
                lang={pending.lang}
                data-testid="not-translated"
                className="me-1 rounded bg-amber-100 px-1 py-0.5 align-middle text-xs font-medium text-amber-900 dark:bg-amber-900 dark:text-amber-100"
              >
                {pending.label}
              </span>
            ) : null}
            <span lang="zh-CN">{text}</span>
          </Fragment>
        );
      })}
    </>
  );
}

/** Renders a card side parsed on the server; text only, never HTML. */
export function CardText({ blocks, className = "" }: { blocks: Block[]; className?: string }) {
  const t = useTranslations("common.cardText");
  // The badge speaks the interface's language, whichever side of the card it sits on.
  const pending = { label: t("notTranslated"), lang: useLocale() };
  return (
    <div className={`prose-card whitespace-pre-line ${className}`}>
      {blocks.map((b, i) =>
        b.type === "p" ? (
          <p key={i}>
            <Runs runs={b.runs} pending={pending} />
          </p>
        ) : (
          <ul key={i}>
            {b.items.map((item, j) => (
              <li key={j}>
                <Runs runs={item} pending={pending} />
              </li>
            ))}
          </ul>
        ),
      )}
    </div>
  );
}
