import { cardTextBlocks, type Block } from "@/lib/core/deck/card-text";
import type { SourceRef } from "@/lib/core/deck/types";
import type { GradeLabel } from "@/lib/core/srs/schedule";
import type { SessionView } from "@/lib/reviews/view";

type Sides = { zh: Block[]; en: Block[] };

export interface ClientCard {
  id: string;
  topic: string;
  kind: "new" | "review" | "drill";
  front: Sides;
  back: Sides;
  note: Sides | null;
  source: SourceRef;
  version: number;
  /** What each grade 0–5 does today (the schedule model's outcomes). */
  labels: GradeLabel[];
  /** SM-2: six grades; FSRS: four buttons. */
  algorithm: "sm2" | "fsrs";
  typeIn: boolean;
}

export type ClientSession = Omit<SessionView, "card"> & { card: ClientCard | null };

const sides = (s: { zh: string; en: string }): Sides => ({ zh: cardTextBlocks(s.zh), en: cardTextBlocks(s.en) });

/** The session as the review screen gets it: card text already parsed, nothing else. */
export function toClientSession(view: SessionView): ClientSession {
  const c = view.card;
  return {
    ...view,
    card: c
      ? { id: c.id, topic: c.topic, kind: c.kind, front: sides(c.front), back: sides(c.back), note: c.note ? sides(c.note) : null, source: c.source, version: c.version, labels: c.labels, algorithm: c.algorithm, typeIn: c.typeIn }
      : null,
  };
}
