/**
 * Which review cards can be answered by typing: those whose answer is a component's name (the
 * duty cards). Decided on the server, which sends the browser each such card's component and the
 * names every typed answer is judged against (./type-in-names); the judge is ./type-in.
 */
import type { CompiledCard } from "@/lib/core/deck/types";
import type { Catalog } from "./catalog";
import { componentTypedAnswer } from "./kinds/typed";
import { normalizeTyped } from "./typed";
import type { TypedAnswer } from "./types";

type Card = Pick<CompiledCard, "back" | "fact">;

function offered(cat: Catalog, card: Card): { component: string; answer: TypedAnswer } | null {
  if (card.fact?.kind !== "component") return null;
  const component = cat.components.find((c) => c.fact.id === card.fact?.id);
  if (!component) return null;
  const answer = componentTypedAnswer(cat, component);
  const accepted = new Set(answer.accepted.map(normalizeTyped));
  const back = [card.back.en, card.back.zh].map((s) => normalizeTyped(s.replace(/^the\s+/i, "")));
  return back.some((b) => accepted.has(b)) ? { component: component.fact.id, answer } : null;
}

/** The typed answer for a card whose back is a component's name (duty cards), else null. */
export function typeInAnswerFor(cat: Catalog, card: Card): TypedAnswer | null {
  return offered(cat, card)?.answer ?? null;
}

/** The id of the component whose name is this card's answer, when the card can be typed, else null. */
export function typeInComponentFor(cat: Catalog, card: Card): string | null {
  return offered(cat, card)?.component ?? null;
}
