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
    const list = (keys: string[]) => (keys.length ? `: ${keys.join(", ")}` : "");
    console.log(`[deck] ${deck.cards.length} cards from ${meta.sourcePath}`);
    if (report.renamed.length) {
      console.log(`[deck] renamed ${report.renamed.length} (progress kept): ${report.renamed.map((r) => `${r.from} → ${r.to}`).join(", ")}`);
    }
    console.log(`[deck] added ${report.added.length}${list(report.added)}`);
    console.log(`[deck] changed ${report.changed.length}${list(report.changed)}`);
    console.log(`[deck] retired ${report.retired.length}${list(report.retired)}`);
    if (report.revived.length) console.log(`[deck] revived ${report.revived.length}${list(report.revived)}`);
    console.log(`[deck] unchanged ${report.unchanged}`);
  } finally {
    await db.$disconnect();
  }
}

void main();
