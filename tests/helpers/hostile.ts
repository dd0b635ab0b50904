/**
 * Malformed server-action payloads, generated from a valid one by a seeded PRNG: wrong types,
 * missing and extra fields, huge strings, bad numbers (in React's encoding: "$NaN", "$-0", …),
 * prototype keys and unicode oddities. Each payload is the raw request body text.
 */
export { mulberry32 as prng } from "@/lib/core/quiz/rng";

const ODD_STRINGS = [
  "",
  " ",
  "\u0000",
  "\ud800",
  "\u202eevil",
  "\u200b\u200b",
  "😀".repeat(50),
  "<script>alert(1)</script>",
  "' OR 1=1 --",
  "../../etc/passwd",
  "%00",
  "ｆｕｌｌｗｉｄｔｈ",
  "a".repeat(3000),
];
// Encoded as React encodes them: these decode to NaN, ±Infinity, -0 and undefined.
const ODD_NUMBERS = ["$NaN", "$Infinity", "$-Infinity", "$-0", "$undefined", -1, 1.5, -0.0001, 1e308, 2 ** 53 + 2, 7];
const ODD_VALUES: unknown[] = [null, true, false, [], {}, [1, 2, 3], { nested: { deeper: [null] } }, 0, "0", "true"];

function pick<T>(rand: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rand() * xs.length)];
}

function anyOdd(rand: () => number): unknown {
  const r = rand();
  if (r < 0.35) return pick(rand, ODD_STRINGS);
  if (r < 0.7) return pick(rand, ODD_NUMBERS);
  if (r < 0.8) return "x".repeat(20_000 + Math.floor(rand() * 30_000));
  return pick(rand, ODD_VALUES);
}

/** One malformed argument list (as JSON text) derived from `valid`. */
export function malformedJsonArgs(valid: Record<string, unknown>, rand: () => number): string {
  const keys = Object.keys(valid);
  const obj: Record<string, unknown> = { ...valid };
  const mutations = 1 + Math.floor(rand() * 3);
  let raw: string | null = null;
  for (let i = 0; i < mutations; i++) {
    const m = rand();
    if (m < 0.25) obj[pick(rand, keys)] = anyOdd(rand);
    else if (m < 0.4) delete obj[pick(rand, keys)];
    else if (m < 0.55) obj[pick(rand, ["userId", "id", "isAdmin", "constructor", "prototype", "extra"])] = anyOdd(rand);
    else if (m < 0.65) raw = `[{"__proto__":{"polluted":true},${JSON.stringify(obj).slice(1)}]`;
    else if (m < 0.72) raw = `[{"constructor":{"prototype":{"polluted":true}},${JSON.stringify(obj).slice(1)}]`;
    else if (m < 0.8) return JSON.stringify([anyOdd(rand)]);
    else if (m < 0.85) return JSON.stringify([obj, obj, anyOdd(rand)]);
    else if (m < 0.9) return pick(rand, ['{"not":"a list"}', "[", "null", '"$Q1"', '["$@0"]', '["$F1"]', '[{"a":"$T"}]', "[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]"]);
    else obj[pick(rand, keys)] = pick(rand, ODD_STRINGS);
  }
  return raw ?? JSON.stringify([obj]);
}

/**
 * The field prefix React 19.3's encodeReply gives the entries of a FormData argument (referenced
 * as "$K1" from the argument list): `_1_email`. The suite once used `1_`, which the framework
 * never reads, so every form payload only ever met "required" errors.
 */
export const FORM_FIELD_PREFIX = "_1_";

/**
 * A (prevState, FormData) call as a scripted form sends it: the entries, then the argument list.
 * The order matters: React's decoder reads "$K1" when chunk 0 arrives, with the entries it has
 * by then, and encodeReply writes chunk 0 last.
 */
export function formArgs(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(`${FORM_FIELD_PREFIX}${k}`, v);
  form.append("0", JSON.stringify([{ ok: false, errors: {} }, "$K1"]));
  return form;
}

/** The fields a form body carries for the action, as the action reads them. */
export function formFieldsOf(form: FormData): Record<string, FormDataEntryValue> {
  return Object.fromEntries([...form.entries()].filter(([k]) => k.startsWith(FORM_FIELD_PREFIX)).map(([k, v]) => [k.slice(FORM_FIELD_PREFIX.length), v]));
}

/** One malformed multipart body for a (prevState, FormData) action, with its content type. */
export function malformedFormArgs(valid: Record<string, string>, rand: () => number): { body: FormData | string; type?: string } {
  const fields: Record<string, unknown> = { ...valid };
  for (let i = 0; i < 1 + Math.floor(rand() * 3); i++) {
    const m = rand();
    const key = pick(rand, Object.keys(valid));
    if (m < 0.3) fields[key] = String(anyOdd(rand));
    else if (m < 0.45) delete fields[key];
    else if (m < 0.55) fields[pick(rand, ["userId", "__proto__", "constructor"])] = "x";
    else if (m < 0.65) fields[key] = pick(rand, ["-1", "1.5", "NaN", "Infinity", "1e400", "24", "99999", ""]);
    else if (m < 0.75) return { body: pick(rand, ['[{"ok":false},"$K9"]', '["$K1"]', "[", '[{"ok":false}]']), type: "text/plain;charset=UTF-8" };
    else fields[key] = pick(rand, ODD_STRINGS);
  }
  return { body: formArgs(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, String(v)]))) };
}

const BOUNDARY = "----kubecardsHostile7MA4YWxkTrZu0gW";
const MULTIPART = `multipart/form-data; boundary=${BOUNDARY}`;
const part = (headers: string[], value: string) => `--${BOUNDARY}\r\n${headers.join("\r\n")}\r\n\r\n${value}\r\n`;
const named = (name: string, value: string) => part([`Content-Disposition: form-data; name="${name}"`], value);
const multipart = (...parts: string[]) => parts.join("") + `--${BOUNDARY}--\r\n`;

/**
 * Malformed envelopes: bodies a browser never writes, aimed at the decoder rather than the
 * action (field names React reads as chunk 0, a byte-order mark, duplicates, control characters
 * in names, doubled part headers, a no-JavaScript shape inside a scripted call, files).
 */
export function malformedEnvelopes(actionId: string): { what: string; body: string; type: string }[] {
  const args = JSON.stringify([{ ok: false, errors: {} }, "$K1"]);
  const out: { what: string; body: string; type: string }[] = [];
  for (const name of ["0 ", " 0", "+0", "0x0", "", "-0", "0.0", "0e0", "00", "1_name", "S0", "\u00000"]) {
    out.push({ what: `chunk 0 forged as ${JSON.stringify(name)}`, body: multipart(named(name, '["$@0"]')), type: MULTIPART });
    out.push({ what: `extra field ${JSON.stringify(name)} beside chunk 0`, body: multipart(named("0", args), named(name, '"$@1"')), type: MULTIPART });
  }
  out.push(
    { what: "BOM before a JSON body", body: '\ufeff[{"locale":"en"}]', type: "text/plain;charset=UTF-8" },
    { what: "BOM before chunk 0", body: multipart(named("0", `\ufeff${args}`)), type: MULTIPART },
    { what: "duplicate chunk 0", body: multipart(named("0", args), named("0", '["$@0"]')), type: MULTIPART },
    { what: "duplicate form entry", body: multipart(named("0", args), named("_1_name", "a"), named("_1_name", "b")), type: MULTIPART },
    { what: "NUL in a field name", body: multipart(named("0", args), named("_1_na\u0000me", "x")), type: MULTIPART },
    { what: "two Content-Disposition headers", body: multipart(part(['Content-Disposition: form-data; name="0"', 'Content-Disposition: form-data; name="1"'], args)), type: MULTIPART },
    { what: "a file part", body: multipart(part(['Content-Disposition: form-data; name="0"; filename="x.json"', "Content-Type: application/json"], args)), type: MULTIPART },
    { what: "the no-JavaScript shape in a scripted call", body: multipart(named(`$ACTION_ID_${actionId}`, ""), named("0 ", '["$@0"]')), type: MULTIPART },
    { what: "a bound-argument form", body: multipart(named("$ACTION_REF_1", ""), named("$ACTION_1:0", '{"id":"x","bound":"$@0"}')), type: MULTIPART },
    { what: "no closing delimiter", body: `--${BOUNDARY}\r\nContent-Disposition: form-data; name="0"\r\n\r\n${args}`, type: MULTIPART },
    { what: "a stream chunk", body: multipart(named("0", args), named("S1", "x")), type: MULTIPART },
    { what: "two boundaries", body: multipart(named("0", args)), type: `${MULTIPART}; boundary=x` },
    { what: "URL-encoded", body: "0=%5B%5D", type: "application/x-www-form-urlencoded" },
    { what: "JSON as application/json", body: "[{}]", type: "application/json" },
  );
  return out;
}

/** The same envelope a browser without JavaScript would write: the action id as a field. */
export function noJsForm(actionId: string, fields: Record<string, string>): FormData {
  const form = new FormData();
  form.append(`$ACTION_ID_${actionId}`, "");
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  return form;
}
