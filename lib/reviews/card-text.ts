import type { Localized, SourceRef } from "@/lib/core/deck/types";

/** The text columns of a Card row. */
export interface CardTextRow {
  frontZh: string;
  frontEn: string;
  backZh: string;
  backEn: string;
  noteZh: string | null;
  noteEn: string | null;
  source: string;
}

/** A card's two sides, its correction note (only when both languages have one) and its source. */
export function cardText(c: CardTextRow): { front: Localized; back: Localized; note: Localized | null; source: SourceRef } {
  return {
    front: { zh: c.frontZh, en: c.frontEn },
    back: { zh: c.backZh, en: c.backEn },
    note: c.noteZh && c.noteEn ? { zh: c.noteZh, en: c.noteEn } : null,
    source: JSON.parse(c.source) as SourceRef,
  };
}
