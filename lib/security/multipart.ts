/**
 * A strict multipart/form-data reader for the action-body screen. Browsers (and React's client)
 * write one shape only: no preamble, each part with exactly one `Content-Disposition: form-data;
 * name="…"` header, CRLF line ends, nothing after the closing delimiter. Anything else (two
 * Content-Disposition headers, a file part, a control character in a name, a header the browser
 * never writes) is refused here rather than left to a parser that would read it another way.
 */
export type Entries = [name: string, value: string][];
export type MultipartResult = { ok: true; entries: Entries } | { ok: false; reason: string };

export const MAX_PARTS = 64;
const BOUNDARY = /^[0-9A-Za-z'()+_,\-./:=?]{1,70}$/;
const DISPOSITION = /^form-data; name="([^"]*)"$/i;
// C0 and C1 controls, DEL, and the bidi and zero-width formatting characters.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/;

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** The boundary of a `multipart/form-data; boundary=…` type, or null when it is not exactly that. */
export function multipartBoundary(contentType: string): string | null {
  const [type, ...params] = contentType.split(";").map((s) => s.trim());
  if (type.toLowerCase() !== "multipart/form-data") return null;
  const boundaries = params.filter((p) => /^boundary=/i.test(p)).map((p) => p.slice("boundary=".length).replace(/^"(.*)"$/, "$1"));
  if (boundaries.length !== 1 || !BOUNDARY.test(boundaries[0])) return null;
  return boundaries[0];
}

function decode(bytes: Uint8Array): string | null {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

export function readMultipart(body: Uint8Array, boundary: string): MultipartResult {
  const buf = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const first = Buffer.from(`--${boundary}\r\n`);
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  if (!buf.subarray(0, first.length).equals(first)) return { ok: false, reason: "multipart body does not start with its boundary" };
  const entries: Entries = [];
  let at = first.length;
  for (;;) {
    if (entries.length >= MAX_PARTS) return { ok: false, reason: "too many fields" };
    const end = buf.indexOf(delimiter, at);
    if (end < 0) return { ok: false, reason: "unterminated part" };
    const part = buf.subarray(at, end);
    const split = part.indexOf("\r\n\r\n");
    if (split < 0) return { ok: false, reason: "part without headers" };
    const head = decode(part.subarray(0, split));
    if (head === null) return { ok: false, reason: "part headers are not UTF-8" };
    let name: string | null = null;
    for (const line of head.split("\r\n")) {
      const colon = line.indexOf(":");
      const field = colon < 0 ? "" : line.slice(0, colon).trim().toLowerCase();
      if (field !== "content-disposition" || name !== null) return { ok: false, reason: "unexpected part header" };
      const m = DISPOSITION.exec(line.slice(colon + 1).trim());
      if (!m) return { ok: false, reason: "unexpected content disposition" };
      name = m[1];
    }
    if (name === null) return { ok: false, reason: "part without a name" };
    if (CONTROL.test(name)) return { ok: false, reason: "control character in a field name" };
    const value = decode(part.subarray(split + 4));
    if (value === null) return { ok: false, reason: "field value is not UTF-8" };
    entries.push([name, value]);
    at = end + delimiter.length;
    const rest = buf.subarray(at);
    if (rest.subarray(0, 2).toString("latin1") === "\r\n") {
      at += 2;
      continue;
    }
    if (rest.subarray(0, 2).toString("latin1") === "--" && (rest.length === 2 || rest.subarray(2).toString("latin1") === "\r\n")) return { ok: true, entries };
    return { ok: false, reason: "malformed boundary line" };
  }
}
