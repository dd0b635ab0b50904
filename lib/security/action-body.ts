import { multipartBoundary, readMultipart, type Entries } from "./multipart";

/**
 * Screens server-action request bodies before React decodes them. React's reply format gives
 * strings that start with "$" a meaning (references, typed values), and its form decoder reads
 * any field whose name is a number to JavaScript (`+"0x0" === 0`) as that chunk; a forged one
 * makes the decoder throw, which Next answers with a 500. Our actions take plain JSON or form
 * data, so the screen accepts only the field names the framework itself writes and refuses the
 * rest as a bad request.
 */
export const ACTION_BODY_LIMIT = 64 * 1024;
const MAX_DEPTH = 16;
const MAX_NODES = 4000;
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);
const ALLOWED_MARKER = /^\$(\$|K[0-9a-f]{1,4}$|undefined$|NaN$|Infinity$|-Infinity$|-0$)/;
/** A chunk of the reply, named as React's encodeReply names it: a canonical decimal id. */
const CHUNK = /^(0|[1-9][0-9]{0,5})$/;
/** An entry of a FormData argument, named `_<id>_<field>` by React 19.3's encodeReply. */
const FORM_ENTRY = /^_(0|[1-9][0-9]{0,5})_/;
const NO_JS_ACTION = /^\$ACTION_ID_[0-9a-f]{1,128}$/;

export type BodyVerdict = { ok: true } | { ok: false; status: 400 | 411 | 413 | 415; reason: string };

const bad = (reason: string): BodyVerdict => ({ ok: false, status: 400, reason });
const tooLarge: BodyVerdict = { ok: false, status: 413, reason: "body too large" };
const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

function screen(value: unknown, allowFormRefs: boolean): string | null {
  let nodes = 0;
  const walk = (v: unknown, depth: number): string | null => {
    if (++nodes > MAX_NODES) return "too many values";
    if (depth > MAX_DEPTH) return "nested too deeply";
    if (typeof v === "string") {
      if (!v.startsWith("$")) return null;
      if (!ALLOWED_MARKER.test(v)) return "unsupported reference";
      if (v.startsWith("$K") && !allowFormRefs) return "form reference outside form data";
      return null;
    }
    if (Array.isArray(v)) {
      for (const x of v) {
        const r = walk(x, depth + 1);
        if (r) return r;
      }
      return null;
    }
    if (v && typeof v === "object") {
      // Prototype keys would be assigned, not stored, by the decoder: never a real argument.
      if (Object.keys(v).some((k) => FORBIDDEN_KEYS.has(k))) return "forbidden key";
      for (const x of Object.values(v)) {
        const r = walk(x, depth + 1);
        if (r) return r;
      }
    }
    return null;
  };
  return walk(value, 0);
}

function parseScreened(text: string, allowFormRefs: boolean, mustBeList: boolean): BodyVerdict {
  let parsed: unknown;
  try {
    // JSON.parse refuses a byte-order mark, as React's decoder does: the text is read with it kept.
    parsed = JSON.parse(text);
  } catch {
    return bad("body is not JSON");
  }
  if (mustBeList && !Array.isArray(parsed)) return bad("arguments must be a list");
  const problem = screen(parsed, allowFormRefs);
  return problem ? bad(problem) : { ok: true };
}

/** Arguments posted as text (React's encodeReply when no FormData is involved). */
export function checkJsonBody(text: string): BodyVerdict {
  if (text.length > ACTION_BODY_LIMIT) return tooLarge;
  return parseScreened(text, false, true);
}

/**
 * Form data, in one of the shapes the framework writes. `scripted` (a Next-Action header):
 * React decodes it as a reply, so only chunk ids and `_<id>_` entries may appear, each once, and
 * chunk 0 is the argument list. Not scripted (a form posted without JavaScript), either a plain
 * action form, one `$ACTION_ID_<id>` field, or a useActionState form: `$ACTION_REF_<n>` with its
 * metadata `$ACTION_<n>:0` (`{"id":…,"bound":"$@1"}`) and the bound previous state
 * `$ACTION_<n>:1` (a list), which React decodes as a reply too. Every other field is raw text.
 */
export function checkFormBody(entries: Iterable<[string, unknown]>, scripted: boolean): BodyVerdict {
  const seen = new Map<string, string>();
  for (const [key, value] of entries) {
    if (seen.has(key)) return bad("duplicate field");
    if (typeof value !== "string") return bad("file fields are not accepted");
    seen.set(key, value);
    if (scripted) {
      if (FORM_ENTRY.test(key)) continue;
      if (!CHUNK.test(key)) return bad("field name the framework does not write");
      const verdict = parseScreened(value, true, key === "0");
      if (!verdict.ok) return verdict;
    }
  }
  if (scripted) return seen.has("0") ? { ok: true } : bad("no arguments");
  return checkNoJsForm(seen);
}

const BOUND_REF = /^\$ACTION_REF_(0|[1-9][0-9]{0,5})$/;

function checkNoJsForm(fields: Map<string, string>): BodyVerdict {
  const framework = [...fields.keys()].filter((k) => k.startsWith("$ACTION_") && k !== "$ACTION_KEY");
  const plain = framework.filter((k) => NO_JS_ACTION.test(k));
  if (plain.length === 1 && framework.length === 1) return { ok: true };
  const refs = framework.filter((k) => BOUND_REF.test(k));
  if (refs.length !== 1) return bad("no action named");
  const n = refs[0].slice("$ACTION_REF_".length);
  const [meta, state] = [`$ACTION_${n}:0`, `$ACTION_${n}:1`];
  if (framework.length !== 3 || !fields.has(meta) || !fields.has(state)) return bad("field name the framework does not write");
  let parsed: unknown;
  try {
    parsed = JSON.parse(fields.get(meta)!);
  } catch {
    return bad("action metadata is not JSON");
  }
  const m = parsed as { id?: unknown; bound?: unknown };
  const exact = parsed !== null && typeof parsed === "object" && !Array.isArray(parsed) && Object.keys(parsed).sort().join() === "bound,id";
  if (!exact || typeof m.id !== "string" || !/^[0-9a-f]{1,128}$/.test(m.id) || m.bound !== "$@1") return bad("malformed action metadata");
  return parseScreened(fields.get(state)!, false, true);
}

/**
 * The whole screen for one action post: the body's bytes (already capped by the caller), its
 * content type, and whether it carried a Next-Action header (a scripted call).
 */
export function checkActionBody(bytes: Uint8Array, contentType: string, scripted: boolean): BodyVerdict {
  if (bytes.byteLength > ACTION_BODY_LIMIT) return tooLarge;
  // Next reads a multipart body only under exactly this (lower-case) type.
  if (contentType.startsWith("multipart/form-data")) {
    const boundary = multipartBoundary(contentType);
    if (!boundary) return bad("malformed multipart type");
    const parts = readMultipart(bytes, boundary);
    if (!parts.ok) return bad(parts.reason);
    return checkFormBody(parts.entries satisfies Entries, scripted);
  }
  if (!scripted) return { ok: false, status: 415, reason: "unsupported content type" };
  if (!/^text\/plain(;|$)/i.test(contentType)) return { ok: false, status: 415, reason: "unsupported content type" };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return bad("body is not UTF-8");
  }
  return checkJsonBody(text);
}
