import type { Localized } from "./types";

/**
 * English that is really the source's Chinese, because no curated entry spells this point yet, is
 * wrapped in these private-use characters. They ride through every card template untouched, so the
 * stored English side says exactly which fragment still needs translating; the card renderer turns
 * them into a visible "not translated yet" mark and plain-text views drop them.
 */
export const PENDING_OPEN = "\uE000";
export const PENDING_CLOSE = "\uE001";
const PENDING_MARKS = /[\uE000\uE001]/g;

export function hasPending(text: string): boolean {
  return text.includes(PENDING_OPEN);
}

export function stripPending(text: string): string {
  return text.replace(PENDING_MARKS, "");
}

// A source edit can outrun the curated English (a new table row, an extra duty). Showing the
// Chinese, marked, beats failing the seed, silently dropping the card or borrowing another point's English.
export function localized(zh: string, en: string | undefined): Localized {
  return { zh, en: en ?? `${PENDING_OPEN}${zh}${PENDING_CLOSE}` };
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
