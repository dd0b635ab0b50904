/** `npm run --silent deck:json [file]`: the compiled deck as JSON on stdout; untranslated points on stderr. */
import { compileDeck } from "@/lib/core/deck/compile";
import { readSource } from "./source";

const deck = compileDeck(readSource(process.argv[2]).markdown);
for (const point of deck.untranslated) {
  process.stderr.write(`[deck] line ${point.line}: no English yet for '${point.text}' (${point.where})\n`);
}
process.stdout.write(`${JSON.stringify({ cards: deck.cards }, null, 2)}\n`);
