import { cardTextBlocks, type Block } from "@/lib/core/deck/card-text";
import type { SourceRef } from "@/lib/core/deck/types";
import type { LocalCard, LocalSession } from "@/lib/core/srs/day-pack";
import type { CardContent } from "@/lib/reviews/day-pack";

type Sides = { zh: Block[]; en: Block[] };

/** A card's text as the review screen renders it (parsed on the server, kept in IndexedDB). */
export interface ClientContent {
  id: string;
  topic: string;
  front: Sides;
  back: Sides;
  note: Sides | null;
  source: SourceRef;
  typeIn: boolean;
}

const sides = (s: { zh: string; en: string }): Sides => ({ zh: cardTextBlocks(s.zh), en: cardTextBlocks(s.en) });

export function toClientContent(c: CardContent): ClientContent {
  return { id: c.id, topic: c.topic, front: sides(c.front), back: sides(c.back), note: c.note ? sides(c.note) : null, source: c.source, typeIn: c.typeIn };
}

/** The card on screen: its text and what the browser's session says of it (lib/core/srs/day-pack). */
export type ClientCard = ClientContent & Omit<LocalCard, "id"> & { algorithm: "sm2" | "fsrs" };

/** What the review screen renders: the browser's session with the cards' text. */
export type ClientSession = Omit<LocalSession, "card" | "nextDueAt"> & { card: ClientCard | null; nextDueAt: string | null };
