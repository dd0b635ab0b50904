import type { Localized } from "@/lib/core/deck/types";
import type { TypedAnswer } from "./types";

/** A component as typed answers know it: its label and the names that are its alone. */
export interface ComponentNames {
  id: string;
  label: Localized;
  names: string[];
}

/**
 * The typed answer naming one component of the list: its names are accepted, every other
 * component's are rivals. One list describes every such answer, so a batch of cards carries it
 * once instead of each card its own copy of nearly the same rivals.
 */
export function typedAnswerAmong(components: readonly ComponentNames[], id: string): TypedAnswer | null {
  const own = components.find((c) => c.id === id);
  if (!own) return null;
  return {
    expected: own.label,
    accepted: own.names,
    rivals: components.filter((c) => c !== own).map((c) => ({ id: c.id, names: c.names })),
  };
}
