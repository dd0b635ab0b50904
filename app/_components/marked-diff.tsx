import type { DiffPart } from "@/lib/core/quiz/diff";

/** One side of the comparison: letters only on the other side are marked (struck or underlined). */
export function Marked({ parts, side }: { parts: DiffPart[]; side: "typed" | "expected" }) {
  return (
    <span className="font-mono">
      {parts.map((p, i) =>
        p.op === "same" ? (
          <span key={i}>{side === "typed" ? p.typed : p.expected}</span>
        ) : p.op === "extra" && side === "typed" ? (
          <del key={i} className="rounded bg-red-200 text-red-900 dark:bg-red-900 dark:text-red-100">
            {p.typed}
          </del>
        ) : p.op === "missing" && side === "expected" ? (
          <ins key={i} className="rounded bg-green-200 text-green-900 no-underline dark:bg-green-900 dark:text-green-100">
            {p.expected}
          </ins>
        ) : null,
      )}
    </span>
  );
}

