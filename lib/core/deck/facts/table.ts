import type { PhrasingContent, Table } from "mdast";
import { DeckSourceError } from "../errors";
import { inlineText, lineOf } from "../parse";
import { plainText } from "../rich-text";

export interface TableRow {
  /** Cleaned text of the first cell, which names the row. */
  name: string;
  cells: PhrasingContent[][];
  line: number;
}

/**
 * Body rows of a table that must have exactly `columns` cells per row. GFM keeps short and long
 * rows as they are, so a missing or extra cell is visible here and is reported on its line.
 */
export function readTable(table: Table, what: string, columns: number): TableRow[] {
  const [header, ...body] = table.children;
  const headerNames = header.children.map((cell) => plainText(inlineText(cell.children)));
  if (header.children.length !== columns) {
    throw new DeckSourceError(lineOf(header), `${what} header has ${header.children.length} cells, expected ${columns}`);
  }
  if (body.length === 0) throw new DeckSourceError(lineOf(table), `${what} has no rows`);
  return body.map((row, index) => {
    const line = lineOf(row);
    const cells = row.children.map((cell) => cell.children);
    const name = cells[0] ? plainText(inlineText(cells[0])) : "";
    const label = name ? `'${name}'` : `${index + 1}`;
    if (cells.length !== columns) {
      throw new DeckSourceError(line, `${what} row ${label} has ${cells.length} cells, expected ${columns}`);
    }
    cells.forEach((cell, i) => {
      if (!plainText(inlineText(cell))) {
        throw new DeckSourceError(line, `${what} row ${label} has an empty '${headerNames[i]}' cell`);
      }
    });
    return { name, cells, line };
  });
}
