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

/** One malformed multipart body for a (prevState, FormData) action, with its content type. */
export function malformedFormArgs(valid: Record<string, string>, rand: () => number): { body: FormData | string; type?: string } {
  const form = new FormData();
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
  form.append("0", JSON.stringify([{ ok: false, errors: {} }, "$K1"]));
  for (const [k, v] of Object.entries(fields)) form.append(`1_${k}`, String(v));
  return { body: form };
}
