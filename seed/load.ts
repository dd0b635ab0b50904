/**
 * `npm run db:seed`: compile the source document and upsert the deck by card key. Compiling comes
 * before any write, so a malformed source leaves the database as it was.
 */
import { compileDeck, DeckSourceError } from "@/lib/core/deck/compile";
import { createDb, configureSqlite } from "@/lib/db/client";
import { syncDeck } from "@/lib/decks/sync";
import { readSource } from "./source";

async function main(): Promise<void> {
  const file = process.argv[2];
  const { markdown, meta } = readSource(file);
  let deck;
  try {
    deck = compileDeck(markdown);
  } catch (e) {
    if (e instanceof DeckSourceError) {
      console.error(`[deck] ${file ?? meta.sourcePath}: ${e.message}`);
      console.error("[deck] nothing was changed in the database.");
      process.exit(1);
    }
    throw e;
  }
  for (const point of deck.untranslated) {
    console.warn(`[deck] line ${point.line}: no English yet for '${point.text}' (${point.where}); its cards show the Chinese, marked "not translated yet"`);
  }
  const db = createDb();
  try {
    await configureSqlite(db);
    const report = await syncDeck(db, deck, meta, new Date());
    // One summary line, then the keys of what moved: all of them, except that a first load (which
    // adds the whole deck) names only a few.
    const counts = [
      ...(report.renamed.length ? [`renamed ${report.renamed.length} (progress kept)`] : []),
      `added ${report.added.length}`, `changed ${report.changed.length}`, `retired ${report.retired.length}`,
      ...(report.revived.length ? [`revived ${report.revived.length}`] : []),
      `unchanged ${report.unchanged}`,
    ];
    console.log(`[deck] ${deck.cards.length} cards from ${meta.sourcePath}: ${counts.join(", ")}`);
    const FEW = 8;
    const added = report.added.length > FEW ? [...report.added.slice(0, FEW), `and ${report.added.length - FEW} more`] : report.added;
    const renamed = report.renamed.map((r) => `${r.from} → ${r.to}`);
    for (const [label, keys] of [["renamed", renamed], ["added", added], ["changed", report.changed], ["retired", report.retired], ["revived", report.revived]] as const) {
      if (keys.length) console.log(`[deck]   ${label}: ${keys.join(", ")}`);
    }
  } finally {
    await db.$disconnect();
  }
}

void main();
