/**
 * Screens server-action request bodies before React decodes them. React's reply format gives
 * strings that start with "$" a meaning (references, typed values); a forged reference makes the
 * decoder throw, which Next answers with a 500. Our actions take plain JSON or form data, so
 * anything beyond a few harmless markers is refused as a bad request instead.
 */
export const ACTION_BODY_LIMIT = 64 * 1024;
const MAX_DEPTH = 16;
const MAX_NODES = 4000;
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);
const ALLOWED_MARKER = /^\$(\$|K\d{1,4}$|undefined$|NaN$|Infinity$|-Infinity$|-0$)/;

export type BodyVerdict = { ok: true } | { ok: false; status: 400 | 413 | 415; reason: string };

const bad = (reason: string): BodyVerdict => ({ ok: false, status: 400, reason });

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

function parseArgs(text: string, allowFormRefs: boolean): BodyVerdict {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return bad("body is not JSON");
  }
  if (!Array.isArray(parsed)) return bad("arguments must be a list");
  const problem = screen(parsed, allowFormRefs);
  return problem ? bad(problem) : { ok: true };
}

export function checkJsonBody(text: string): BodyVerdict {
  if (text.length > ACTION_BODY_LIMIT) return { ok: false, status: 413, reason: "body too large" };
  return parseArgs(text, false);
}

/**
 * Form data. From a script, React reads only the numbered entries as encoded values; the rest are
 * raw fields. A form posted without JavaScript names its action in a `$ACTION_ID_<id>` field and
 * its fields are all raw (`$ACTION_KEY` included); the bound-argument form (`$ACTION_REF_n`, with
 * encoded `$ACTION_n:i` values) is refused, since the app binds no arguments to actions.
 */
export function checkFormBody(entries: Iterable<[string, unknown]>): BodyVerdict {
  let sawArgs = false;
  for (const [key, value] of entries) {
    if (/^\$ACTION_ID_[0-9a-f]+$/.test(key)) {
      sawArgs = true;
      continue;
    }
    if (/^\$ACTION_(REF_|\d+:)/.test(key)) return bad("bound action arguments");
    if (!/^\d+$/.test(key)) continue;
    if (typeof value !== "string") return bad("encoded value is not text");
    const verdict = key === "0" ? parseArgs(value, true) : parseValue(value);
    if (!verdict.ok) return verdict;
    sawArgs ||= key === "0";
  }
  return sawArgs ? { ok: true } : bad("no arguments");
}

function parseValue(text: string): BodyVerdict {
  try {
    const problem = screen(JSON.parse(text), true);
    return problem ? bad(problem) : { ok: true };
  } catch {
    return bad("encoded value is not JSON");
  }
}
