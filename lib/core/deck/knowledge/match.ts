const squash = (s: string) => s.toLowerCase().replace(/[\s\-_]+/g, "");

/** Exact name match, blind to case, spaces and hyphens ("API server" = "apiserver"). */
export function byAlias<T extends { aliases: string[] }>(items: readonly T[], name: string): T | undefined {
  const key = squash(name);
  return items.find((item) => item.aliases.some((alias) => squash(alias) === key));
}

/** Id for a fact no curated entry knows; keeps CJK letters so it still names the fact. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
}

/**
 * What identifies a point's wording: its letters and digits only. Emphasis, spacing, punctuation,
 * full- versus half-width forms and where a `<br/>` fell don't change which fact a point states.
 */
export function normalise(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}

/** A curated entry for one point of the source, found by how the source spells it. */
export interface Spelled {
  /** Stable within its owner (a component, a path, a feature…); card keys are built from it. */
  id: string;
  /** The source's wording today. */
  zh: string;
  /** Other wordings that state the same fact (an author's rewording that should keep progress). */
  aliases?: string[];
}

/** The entry whose spelling matches `text` after normalising; never a guess by position or keyword. */
export function bySpelling<T extends Spelled>(items: readonly T[] | undefined, text: string): T | undefined {
  const key = normalise(text);
  if (!key) return undefined;
  return items?.find((item) => [item.zh, ...(item.aliases ?? [])].some((spelling) => normalise(spelling) === key));
}

// FNV-1a, 32 bit: short, stable across runtimes, and enough to tell apart the points of one owner.
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

/**
 * Id of a point no curated entry spells: derived from its normalised wording, so it survives
 * reordering and reformatting, and never looks like a position (a bare number).
 */
export function contentId(text: string): string {
  const slug = slugify(text).slice(0, 24).replace(/-+$/, "");
  return `${slug ? `${slug}-` : "x-"}${fnv1a(normalise(text))}`;
}

/** Curated id when the wording is known, else an id from the wording itself. */
export function pointId(known: Spelled | undefined, text: string): string {
  return known?.id ?? contentId(text);
}
