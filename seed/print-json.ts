/** `npm run --silent deck:json`: the compiled deck as JSON on stdout. */
import { compileDeck } from "@/lib/core/deck/compile";
import { readSource } from "./source";

const deck = compileDeck(readSource(process.argv[2]).markdown);
process.stdout.write(`${JSON.stringify({ cards: deck.cards }, null, 2)}\n`);
