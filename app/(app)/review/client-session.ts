import { cardTextBlocks, type Block } from "@/lib/core/deck/card-text";
import type { SourceRef } from "@/lib/core/deck/types";
import type { ComponentNames } from "@/lib/core/quiz/type-in-names";
import type { TypedAnswer } from "@/lib/core/quiz/types";
import type { LocalCard, LocalSession } from "@/lib/core/srs/day-pack";
import type { CardContents } from "@/lib/reviews/day-pack";

type Sides = { zh: Block[]; en: Block[] };

/** A card's text as the review screen renders it (parsed on the server, kept in IndexedDB). */
export interface ClientContent {
  id: string;
  topic: string;
  front: Sides;
  back: Sides;
  note: Sides | null;
  source: SourceRef;
  /** When the learner types this card's answer: what the browser judges it against. */
  typed: TypedAnswer | null;
  /**
   * Kept by an earlier build, which stored only that this card is typed, not its answer: fetched
   * again when online; until then the learner sees the answer and grades themselves.
   */
  typedUnknown?: true;
}

/**
 * Card contents as the server sends them: every component's names once, and each typed card
 * naming its component (./typed-contents turns them into ClientContent in the browser).
 */
export interface ContentsPayload {
  cards: (Omit<ClientContent, "typed" | "typedUnknown"> & { typeIn: string | null })[];
  components: ComponentNames[];
}

const sides = (s: { zh: string; en: string }): Sides => ({ zh: cardTextBlocks(s.zh), en: cardTextBlocks(s.en) });

export function toContentsPayload(c: CardContents): ContentsPayload {
  return {
    cards: c.cards.map((x) => ({ id: x.id, topic: x.topic, front: sides(x.front), back: sides(x.back), note: x.note ? sides(x.note) : null, source: x.source, typeIn: x.typeIn })),
    components: c.components,
  };
}

/** The card on screen: its text and what the browser's session says of it (lib/core/srs/day-pack). */
export type ClientCard = ClientContent & Omit<LocalCard, "id"> & { algorithm: "sm2" | "fsrs" };

/** What the review screen renders: the browser's session with the cards' text. */
export type ClientSession = Omit<LocalSession, "card" | "nextDueAt"> & { card: ClientCard | null; nextDueAt: string | null };
