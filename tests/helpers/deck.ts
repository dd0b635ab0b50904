import type { Db } from "@/lib/db/client";
import { compileDeck } from "@/lib/core/deck/compile";
import { syncDeck } from "@/lib/decks/sync";
import { readSource } from "@/seed/source";

/** Loads the real Kubernetes deck, as `npm run db:seed` does. */
export async function seedDeck(db: Db, now = new Date("2026-01-01T00:00:00Z")) {
  const { markdown, meta } = readSource();
  const deck = compileDeck(markdown);
  await syncDeck(db, deck, meta, now);
  return deck;
}
