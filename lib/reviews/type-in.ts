import type { DbTx } from "@/lib/db/client";
import { catalogOf, type Catalog } from "@/lib/core/quiz/catalog";
import { componentNamesOf } from "@/lib/core/quiz/kinds/typed";
import { typeInComponentFor } from "@/lib/core/quiz/type-in-offer";
import type { ComponentNames } from "@/lib/core/quiz/type-in-names";
import type { CompiledDeck } from "@/lib/core/deck/types";
import { loadCompiledDeck } from "@/lib/quizzes/deck-source";

/** The compiled deck changes only on a seed: keep the last one read, keyed by its cards. */
let cached: { key: string; deck: CompiledDeck; cat: Catalog } | null = null;

async function deckFor(db: DbTx): Promise<{ deck: CompiledDeck; cat: Catalog } | null> {
  const latest = await db.card.aggregate({ _max: { updatedAt: true }, _count: { _all: true } });
  const key = `${latest._max.updatedAt?.toISOString() ?? ""}|${latest._count._all}`;
  if (cached?.key === key) return cached;
  const deck = await loadCompiledDeck(db);
  cached = deck ? { key, deck, cat: catalogOf(deck) } : null;
  return cached;
}

export interface TypeInOffers {
  /** Card key → the component whose name the learner types, for the cards that can be typed. */
  componentOf: Map<string, string>;
  /** What the browser judges every typed answer against (lib/core/quiz/type-in-names); empty when no card can be typed. */
  components: ComponentNames[];
}

/** Which of these cards can be answered by typing, and the names their typed answers are judged against. */
export async function typeInOffers(db: DbTx, cardKeys: readonly string[]): Promise<TypeInOffers> {
  const found = await deckFor(db);
  const componentOf = new Map<string, string>();
  if (!found) return { componentOf, components: [] };
  const byKey = new Map(found.deck.cards.map((c) => [c.key, c]));
  for (const key of cardKeys) {
    const card = byKey.get(key);
    const component = card ? typeInComponentFor(found.cat, card) : null;
    if (component) componentOf.set(key, component);
  }
  return { componentOf, components: componentOf.size ? componentNamesOf(found.cat) : [] };
}
