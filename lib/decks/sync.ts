import type { Db } from "@/lib/db/client";
import type { CompiledCard, CompiledDeck } from "@/lib/core/deck/types";
import { cardContentHash, planDeckSync } from "@/lib/core/deck/sync-plan";

export interface DeckMeta {
  key: string;
  titleZh: string;
  titleEn: string;
  sourcePath: string;
  sourceHash: string;
}

export interface SyncReport {
  added: string[];
  changed: string[];
  retired: string[];
  revived: string[];
  unchanged: number;
}

function cardData(card: CompiledCard, position: number) {
  return {
    topic: card.topic,
    position,
    frontZh: card.front.zh,
    frontEn: card.front.en,
    backZh: card.back.zh,
    backEn: card.back.en,
    source: JSON.stringify(card.source),
    noteZh: card.note?.zh ?? null,
    noteEn: card.note?.en ?? null,
    fact: JSON.stringify(card.fact),
    contentHash: cardContentHash(card),
  };
}

/**
 * Makes the stored deck match the compiled one, in one transaction: cards are matched by key, so an
 * edited card keeps every learner's review state; a card gone from the source is retired (hidden
 * from new study, history kept), never deleted.
 */
export async function syncDeck(db: Db, deck: CompiledDeck, meta: DeckMeta, now: Date): Promise<SyncReport> {
  return db.$transaction(async (tx) => {
    const facts = JSON.stringify(deck.facts);
    const stored = await tx.deck.upsert({
      where: { key: meta.key },
      create: { ...meta, facts },
      update: { titleZh: meta.titleZh, titleEn: meta.titleEn, sourcePath: meta.sourcePath, sourceHash: meta.sourceHash, facts },
    });
    const existing = await tx.card.findMany({ where: { deckId: stored.id }, select: { key: true, contentHash: true, retiredAt: true, position: true } });
    const plan = planDeckSync(
      existing.map((c) => ({ key: c.key, contentHash: c.contentHash, retired: c.retiredAt !== null })),
      deck.cards,
    );
    const position = new Map(deck.cards.map((c, i) => [c.key, i]));
    const storedPosition = new Map(existing.map((c) => [c.key, c.position]));

    for (const card of plan.add) {
      await tx.card.create({ data: { deckId: stored.id, key: card.key, ...cardData(card, position.get(card.key)!) } });
    }
    for (const card of [...plan.change, ...plan.revive]) {
      await tx.card.update({ where: { key: card.key }, data: { ...cardData(card, position.get(card.key)!), retiredAt: null } });
    }
    if (plan.retire.length) {
      await tx.card.updateMany({ where: { key: { in: plan.retire } }, data: { retiredAt: now } });
    }
    // Deck order is not part of a card's content: keep it current without reporting a change.
    const touched = new Set([...plan.add, ...plan.change, ...plan.revive].map((c) => c.key));
    for (const card of deck.cards) {
      const want = position.get(card.key)!;
      if (!touched.has(card.key) && storedPosition.get(card.key) !== want) {
        await tx.card.update({ where: { key: card.key }, data: { position: want } });
      }
    }
    return {
      added: plan.add.map((c) => c.key),
      changed: plan.change.map((c) => c.key),
      retired: plan.retire,
      revived: plan.revive.map((c) => c.key),
      unchanged: plan.unchanged,
    };
  });
}
