import { hasPending, stripPending } from "./localize";
import type { DeckFacts, UntranslatedPoint } from "./types";

const isLocalized = (v: object): v is { zh: string; en: string } =>
  typeof (v as { zh?: unknown }).zh === "string" && typeof (v as { en?: unknown }).en === "string";

/**
 * Facts with the PENDING marks taken out (quizzes and the stored facts read plain text), and every
 * point whose English is still its Chinese, with the nearest source line above it. The cards keep
 * their marks: the card renderer shows them.
 */
export function collectUntranslated(facts: DeckFacts): { facts: DeckFacts; untranslated: UntranslatedPoint[] } {
  const untranslated: UntranslatedPoint[] = [];
  const walk = (value: unknown, where: string[], line: number): unknown => {
    if (Array.isArray(value)) return value.map((v) => walk(v, where, line));
    if (!value || typeof value !== "object") return value;
    const own = (value as { source?: { line?: unknown } }).source?.line;
    const here = typeof own === "number" ? own : line;
    if (isLocalized(value) && hasPending(value.en)) {
      untranslated.push({ line: here, text: value.zh, where: where.join(".") });
      return { ...value, en: stripPending(value.en) };
    }
    const id = (value as { id?: unknown }).id;
    const label = typeof id === "string" ? [...where.slice(0, -1), `${where[where.length - 1] ?? ""}[${id}]`] : where;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, [...label, k], here)]));
  };
  return { facts: walk(facts, [], 1) as DeckFacts, untranslated };
}
