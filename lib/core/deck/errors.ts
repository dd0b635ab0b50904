/** A deck source that cannot be compiled; `line` is 1-based in the markdown handed to compileDeck. */
export class DeckSourceError extends Error {
  readonly line: number;

  constructor(line: number, detail: string) {
    super(`line ${line}: ${detail}`);
    this.name = "DeckSourceError";
    this.line = line;
  }
}
