import type { DbTx } from "@/lib/db/client";
import { catalogOf } from "@/lib/core/quiz/catalog";
import { judgeTypeIn, typeInAnswerFor, type TypeInResult } from "@/lib/core/quiz/type-in";
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

/** Which of these cards can be answered by typing (their answer is a component's name). */
export async function typeInCards(db: DbTx, cardIds: string[]): Promise<Set<string>> {
  if (!cardIds.length) return new Set();
  const deck = await deckFor(db);
  if (!deck) return new Set();
  const cat = catalogOf(deck);
  const rows = await db.card.findMany({ where: { id: { in: cardIds } }, select: { id: true, key: true } });
  const byKey = new Map(deck.cards.map((c) => [c.key, c]));
  return new Set(rows.filter((r) => { const c = byKey.get(r.key); return !!c && typeInAnswerFor(cat, c) !== null; }).map((r) => r.id));
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
