/**
 * The value a server action returned, read from React's flight response the way React's client
 * reads it for plain data: row 0 names the row holding the result ("a":"$@1"), and values are
 * revived from React's string markers. The review screen's sync action returns the learner's day
 * pack, full of Dates ("$D2026-…"); without the reviver a test would compare strings with Dates.
 *
 * Handled: JSON rows, length-prefixed text rows (`1:T1f4,…`, strings of 1 KB and more), error rows
 * (thrown), references to other rows or to a path inside one (`$1`, `$1:states:0:schedule`, what
 * React writes for an object met twice), and the markers for Date, BigInt, Map, Set, undefined,
 * NaN, ±Infinity, -0 and an escaped "$". Anything else (a client reference, a stream) throws: no
 * action of ours returns one, so a new kind of value is a change the test must notice.
 */

type Row = { kind: "json"; text: string } | { kind: "text"; text: string } | { kind: "error"; text: string };

function splitRows(payload: Buffer): Map<string, Row> {
  const rows = new Map<string, Row>();
  let i = 0;
  while (i < payload.length) {
    const colon = payload.indexOf(0x3a, i); // ':'
    if (colon < 0) break;
    const id = payload.toString("latin1", i, colon);
    if (!/^[0-9a-f]+$/.test(id)) throw new Error(`not a flight row at byte ${i}: ${payload.toString("utf8", i, i + 80)}`);
    const tag = String.fromCharCode(payload[colon + 1]);
    if (tag === "T") {
      // Text rows carry their byte length and no newline.
      const comma = payload.indexOf(0x2c, colon);
      const length = parseInt(payload.toString("latin1", colon + 2, comma), 16);
      rows.set(id, { kind: "text", text: payload.toString("utf8", comma + 1, comma + 1 + length) });
      i = comma + 1 + length;
      continue;
    }
    let end = payload.indexOf(0x0a, colon);
    if (end < 0) end = payload.length;
    const body = payload.toString("utf8", colon + 1, end);
    if (tag === "E") rows.set(id, { kind: "error", text: body.slice(1) });
    else if (/^[A-Za-z]$/.test(tag) && !/^(true|false|null)/.test(body)) {
      // Hints, imports, debug info: not part of the value.
    } else rows.set(id, { kind: "json", text: body });
    i = end + 1;
  }
  return rows;
}

const MARKERS: Record<string, unknown> = { $undefined: undefined, $NaN: NaN, $Infinity: Infinity, "$-Infinity": -Infinity, "$-0": -0 };

class Reader {
  private readonly done = new Map<string, unknown>();
  constructor(private readonly rows: Map<string, Row>) {}

  row(id: string): unknown {
    if (this.done.has(id)) return this.done.get(id);
    const row = this.rows.get(id);
    if (!row) throw new Error(`the flight response has no row ${id}`);
    if (row.kind === "error") throw new Error(`the action answered with an error row: ${row.text.slice(0, 200)}`);
    const value = row.kind === "text" ? row.text : this.revive(JSON.parse(row.text));
    this.done.set(id, value);
    return value;
  }

  private reference(ref: string): unknown {
    const [id, ...path] = ref.split(":");
    let v = this.row(id);
    for (const key of path) v = (v as Record<string, unknown>)[key];
    return v;
  }

  revive(v: unknown): unknown {
    if (Array.isArray(v)) return v.map((x) => this.revive(x));
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, this.revive(x)]));
    if (typeof v !== "string" || !v.startsWith("$")) return v;
    if (v in MARKERS) return MARKERS[v];
    const rest = v.slice(2);
    switch (v[1]) {
      case "$":
        return v.slice(1);
      case "D":
        return new Date(rest);
      case "n":
        return BigInt(rest);
      case "@":
        return this.reference(rest);
      case "Q":
        return new Map(this.reference(rest) as [unknown, unknown][]);
      case "W":
        return new Set(this.reference(rest) as unknown[]);
    }
    if (/^\$[0-9a-f]+(:|$)/.test(v)) return this.reference(v.slice(1));
    throw new Error(`a flight value this reader does not know: ${v.slice(0, 40)}`);
  }
}

/** The action's return value, with Dates and the other flight markers revived. */
export function actionReply<T>(payload: string | Buffer): T {
  const rows = splitRows(typeof payload === "string" ? Buffer.from(payload, "utf8") : payload);
  const root = rows.get("0");
  const head = root?.kind === "json" ? (JSON.parse(root.text) as { a?: unknown } | null) : null;
  if (!head || typeof head !== "object" || !("a" in head)) throw new Error(`not an action response: ${String(payload).slice(0, 200)}`);
  // Only the action's value: the rest of row 0 is the framework's (build id, flight data).
  return new Reader(rows).revive(head.a) as T;
}
