import type { Localized } from "./types";

// A source edit can outrun the curated English (a new table row, an extra duty). Showing the
// Chinese there beats failing the seed or silently dropping the card.
export function localized(zh: string, en: string | undefined): Localized {
  return { zh, en: en ?? zh };
}

/** A curated correction that only applies while the source still says the thing it corrects. */
export interface ConditionalNote extends Localized {
  /** Shown only if the fact's source text contains this (case-insensitive); always when absent. */
  when?: string;
}

export function noteFor(note: ConditionalNote | undefined, sourceText: string): Localized | undefined {
  if (!note) return undefined;
  if (note.when && !sourceText.toLowerCase().includes(note.when.toLowerCase())) return undefined;
  return { zh: note.zh, en: note.en };
}
