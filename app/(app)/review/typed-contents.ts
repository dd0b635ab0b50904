import { typedAnswerAmong } from "@/lib/core/quiz/type-in-names";
import type { ClientContent, ContentsPayload } from "./client-session";

/** Each card of a contents reply with its own typed answer, as the screen and IndexedDB hold it. */
export function unpackContents(payload: ContentsPayload): ClientContent[] {
  return payload.cards.map(({ typeIn, ...card }) => ({ ...card, typed: typeIn ? typedAnswerAmong(payload.components, typeIn) : null }));
}

/** Whether the contents of a card of the pack must be fetched: not held, or kept by an earlier build without its typed answer. */
export function needsContents(held: ClientContent | undefined): boolean {
  return !held || held.typedUnknown === true;
}
