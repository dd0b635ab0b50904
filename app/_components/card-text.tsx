import type { Block, Run } from "@/lib/core/deck/card-text";

function Runs({ runs }: { runs: Run[] }) {
  return (
    <>
      {runs.map((r, i) =>
        r.strong ? (
          <strong key={i} className="font-semibold text-brand-700 dark:text-brand-100">
            {r.text}
          </strong>
        ) : (
          <span key={i}>{r.text}</span>
        ),
      )}
    </>
  );
}

/** Renders a card side parsed on the server; text only, never HTML. */
export function CardText({ blocks, className = "" }: { blocks: Block[]; className?: string }) {
  return (
    <div className={`prose-card whitespace-pre-line ${className}`}>
      {blocks.map((b, i) =>
        b.type === "p" ? (
          <p key={i}>
            <Runs runs={b.runs} />
          </p>
        ) : (
          <ul key={i}>
            {b.items.map((item, j) => (
              <li key={j}>
                <Runs runs={item} />
              </li>
            ))}
          </ul>
        ),
      )}
    </div>
  );
}
