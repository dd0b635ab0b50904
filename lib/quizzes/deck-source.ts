import type { DbTx } from "@/lib/db/client";
import type { CompiledCard, CompiledDeck, DeckFacts, SourceRef, Topic } from "@/lib/core/deck/types";

/** The compiled deck as stored by the seed (facts and active cards), for the quiz generator. */
export async function loadCompiledDeck(db: DbTx): Promise<CompiledDeck | null> {
  const deck = await db.deck.findFirst({ orderBy: { createdAt: "asc" } });
  if (!deck || deck.facts === "{}") return null;
  const rows = await db.card.findMany({ where: { deckId: deck.id, retiredAt: null }, orderBy: { position: "asc" } });
  const cards: CompiledCard[] = rows.map((c) => ({
    key: c.key,
    topic: c.topic as Topic,
    front: { zh: c.frontZh, en: c.frontEn },
    back: { zh: c.backZh, en: c.backEn },
    source: JSON.parse(c.source) as SourceRef,
    note: c.noteZh && c.noteEn ? { zh: c.noteZh, en: c.noteEn } : undefined,
    fact: JSON.parse(c.fact) as CompiledCard["fact"],
  }));
  return { facts: JSON.parse(deck.facts) as DeckFacts, cards };
}
