import type { Db, DbTx } from "@/lib/db/client";
import type { CompiledCard, CompiledDeck } from "@/lib/core/deck/types";
import { type KeyRename, cardContentHash, cardIdentity, planDeckSync } from "@/lib/core/deck/sync-plan";

export interface DeckMeta {
  key: string;
  titleZh: string;
  titleEn: string;
  sourcePath: string;
  sourceHash: string;
}

export interface SyncReport {
  /** Cards moved to a new key (a key scheme change), taking every learner's state and log along. */
  renamed: KeyRename[];
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

function storedIdentity(card: { fact: string; frontZh: string; backZh: string }): string | undefined {
  try {
    const fact = JSON.parse(card.fact) as { kind?: unknown };
    if (typeof fact.kind !== "string") return undefined;
    return cardIdentity({ fact: { kind: fact.kind }, front: { zh: card.frontZh }, back: { zh: card.backZh } });
  } catch {
    return undefined;
  }
}

/** Open and past quiz questions name their cards by key; they follow a rename like states and logs do. */
async function renameQuizCardKeys(tx: DbTx, renames: KeyRename[]): Promise<void> {
  const to = new Map(renames.map((r) => [r.from, r.to]));
  const questions = await tx.quizQuestion.findMany({
    where: { OR: renames.map((r) => ({ cardKeys: { contains: JSON.stringify(r.from) } })) },
    select: { id: true, cardKeys: true },
  });
  for (const q of questions) {
    const keys = JSON.parse(q.cardKeys) as string[];
    await tx.quizQuestion.update({ where: { id: q.id }, data: { cardKeys: JSON.stringify(keys.map((k) => to.get(k) ?? k)) } });
  }
}

/**
 * Makes the stored deck match the compiled one, in one transaction: cards are matched by key, so an
 * edited card keeps every learner's review state; a card gone from the source is retired (hidden
 * from new study, history kept), never deleted. A stored card whose key the compiler no longer
 * makes but which teaches exactly what a new key teaches (same kind, same Chinese front and back)
 * is renamed in place first, so its id, and with it every ReviewState and ReviewLog row, stays put:
 * that is how a database seeded with the old positional keys moves to content keys.
 */
export async function syncDeck(db: Db, deck: CompiledDeck, meta: DeckMeta, now: Date): Promise<SyncReport> {
  return db.$transaction(async (tx) => {
    const facts = JSON.stringify(deck.facts);
    const stored = await tx.deck.upsert({
      where: { key: meta.key },
      create: { ...meta, facts },
      update: { titleZh: meta.titleZh, titleEn: meta.titleEn, sourcePath: meta.sourcePath, sourceHash: meta.sourceHash, facts },
    });
    const existing = await tx.card.findMany({
      where: { deckId: stored.id },
      select: { key: true, contentHash: true, retiredAt: true, position: true, fact: true, frontZh: true, backZh: true },
    });
    const plan = planDeckSync(
      existing.map((c) => ({ key: c.key, contentHash: c.contentHash, retired: c.retiredAt !== null, identity: storedIdentity(c) })),
      deck.cards,
    );
    const position = new Map(deck.cards.map((c, i) => [c.key, i]));
    const renamedTo = new Map(plan.rename.map((r) => [r.from, r.to]));
    const storedPosition = new Map(existing.map((c) => [renamedTo.get(c.key) ?? c.key, c.position]));

    // New keys are never stored keys and old keys never compiled ones, so no rename can collide.
    for (const { from, to } of plan.rename) {
      await tx.card.update({ where: { key: from }, data: { key: to } });
    }
    if (plan.rename.length) await renameQuizCardKeys(tx, plan.rename);

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
      renamed: plan.rename,
      added: plan.add.map((c) => c.key),
      changed: plan.change.map((c) => c.key),
      retired: plan.retire,
      revived: plan.revive.map((c) => c.key),
      unchanged: plan.unchanged,
    };
  });
}
