import type { DbTx } from "@/lib/db/client";
import { catalogOf } from "@/lib/core/quiz/catalog";
import { judgeTypeIn, type TypeInResult } from "@/lib/core/quiz/type-in";
import { typeInAnswerFor } from "@/lib/core/quiz/type-in-offer";
import type { CompiledDeck } from "@/lib/core/deck/types";
import { loadCompiledDeck } from "@/lib/quizzes/deck-source";

/** The compiled deck changes only on a seed: keep the last one read, keyed by its cards. */
let cached: { key: string; deck: CompiledDeck } | null = null;

async function deckFor(db: DbTx): Promise<CompiledDeck | null> {
  const latest = await db.card.aggregate({ _max: { updatedAt: true }, _count: { _all: true } });
  const key = `${latest._max.updatedAt?.toISOString() ?? ""}|${latest._count._all}`;
  if (cached?.key === key) return cached.deck;
  const deck = await loadCompiledDeck(db);
  cached = deck ? { key, deck } : null;
  return deck;
}

/**
 * Whether the card with this key can be answered by typing (its answer is a component's name).
 * The review screen asks for the card it shows, whose key it already read: no card query here.
 */
export async function offersTypeIn(db: DbTx, cardKey: string): Promise<boolean> {
  const deck = await deckFor(db);
  const card = deck?.cards.find((c) => c.key === cardKey);
  return !!deck && !!card && typeInAnswerFor(catalogOf(deck), card) !== null;
}

export type TypeInOutcome = { ok: true; result: TypeInResult } | { ok: false; error: "not-found" };

/** Checks what the learner typed for a review card, on the server (the quiz's typed checker). */
export async function checkTypeIn(db: DbTx, cardId: string, text: string): Promise<TypeInOutcome> {
  const row = await db.card.findFirst({ where: { id: cardId, retiredAt: null }, select: { key: true } });
  const deck = row ? await deckFor(db) : null;
  const card = deck?.cards.find((c) => c.key === row!.key);
  const answer = deck && card ? typeInAnswerFor(catalogOf(deck), card) : null;
  if (!answer) return { ok: false, error: "not-found" };
  return { ok: true, result: judgeTypeIn(answer, text) };
}
