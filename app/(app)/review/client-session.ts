import { cardTextBlocks, type Block } from "@/lib/core/deck/card-text";
import type { SourceRef } from "@/lib/core/deck/types";
import type { GradeLabel } from "@/lib/core/srs/schedule";
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

/** The card on screen: its text, what today's session holds it as, and what each grade does. */
export interface ClientCard extends ClientContent {
  kind: "new" | "review" | "drill";
  labels: GradeLabel[];
  /** SM-2: six grades; FSRS: four buttons. */
  algorithm: "sm2" | "fsrs";
  expected: "first" | "repeat";
}

/** What the review screen renders: lib/core/srs/day-pack's localSession with the cards' text. */
export interface ClientSession {
  card: ClientCard | null;
  left: { review: number; new: number; drill: number };
  today: { reviewed: number; shareAtLeast3: number; timeMs: number };
  nextDueAt: string | null;
  /** The request id of the answer Undo takes back. */
  undoTarget: string | null;
}
