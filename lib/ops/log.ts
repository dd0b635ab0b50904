/**
 * Server errors as one JSON line each, tagged with a request id the learner can quote (the error
 * page shows it as the reference) — and scrubbed: nothing that looks like a password, hash,
 * token, secret or cookie reaches the log, whether as a key or inside a message.
 */
import { randomUUID } from "node:crypto";

/** Keys whose values are never logged. */
export const SENSITIVE_KEY = /pass|hash|token|secret|cookie|authorization|session|csrf|api[-_]?key/i;

const REDACTED = "[redacted]";

/** Values that are secrets whatever key they sit under. */
const SENSITIVE_VALUES: [RegExp, string][] = [
  [/\$argon2(?:id|i|d)\$[^\s"']+/g, REDACTED], // password hashes
  [/\$2[aby]?\$\d{2}\$[./A-Za-z0-9]{53}/g, REDACTED], // bcrypt
  [/\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*/g, REDACTED], // JWT / JWE segments
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, `$1 ${REDACTED}`],
  // key=value and "key": "value" pairs inside free text (messages, stacks, URLs)
  [/((?:pass\w*|password|passwd|pwd|token|secret|hash|cookie|authorization|csrf\w*)["']?\s*[:=]\s*["']?)[^\s"'&,;}]+/gi, `$1${REDACTED}`],
];

export function scrubString(s: string): string {
  let out = s;
  for (const [re, by] of SENSITIVE_VALUES) out = out.replace(re, by);
  return out;
}

/** A copy of `value` safe to log: sensitive keys and secret-looking strings replaced, cycles and depth bounded. */
export function scrub(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === "string") return scrubString(value.length > 4000 ? `${value.slice(0, 4000)}…` : value);
  if (typeof value === "bigint") return value.toString();
  if (value === null || typeof value !== "object") return typeof value === "function" ? "[function]" : value;
  if (seen.has(value)) return "[circular]";
  if (depth >= 6) return "[…]";
  seen.add(value);
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Headers) return scrub(Object.fromEntries(value.entries()), depth + 1, seen);
  if (value instanceof Map) return scrub(Object.fromEntries(value), depth + 1, seen);
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => scrub(v, depth + 1, seen));
  if (value instanceof Error) return errorFields(value, depth, seen);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = SENSITIVE_KEY.test(k) ? REDACTED : scrub(v, depth + 1, seen);
  return out;
}

function errorFields(err: Error, depth: number, seen: WeakSet<object>): Record<string, unknown> {
  const out: Record<string, unknown> = { name: err.name, message: scrubString(err.message) };
  const extra = err as Error & { code?: unknown; digest?: unknown; cause?: unknown };
  if (extra.code !== undefined) out.code = scrub(extra.code, depth + 1, seen);
  if (extra.digest !== undefined) out.digest = scrub(extra.digest, depth + 1, seen);
  if (err.stack) out.stack = scrubString(err.stack).split("\n").slice(0, 12).join("\n");
  if (extra.cause !== undefined) out.cause = scrub(extra.cause, depth + 1, seen);
  return out;
}

export interface LogContext {
  /** The request's id; a fresh one is made when missing (and returned). */
  requestId?: string;
  [key: string]: unknown;
}

const toStderr = (line: string) => void process.stderr.write(`${line}\n`);
let writeLine: (line: string) => void = toStderr;

/** Where lines go (stderr by default); tests capture them. Returns the previous writer. */
export function setLogWriter(w: ((line: string) => void) | null): (line: string) => void {
  const previous = writeLine;
  writeLine = w ?? toStderr;
  return previous;
}

/** A request id from the usual headers, else a new one. */
export function requestIdFrom(headers?: Headers | null): string {
  const id = headers?.get("x-request-id") ?? headers?.get("x-correlation-id");
  return id && /^[A-Za-z0-9._:-]{1,128}$/.test(id) ? id : randomUUID();
}

/**
 * Logs one error as a single JSON line: {level, time, requestId, error, context}. Returns the
 * request id, for the response or the error page. Never throws.
 */
export function logError(err: unknown, context: LogContext = {}): string {
  const { requestId: given, ...rest } = context;
  const requestId = typeof given === "string" && given ? given : randomUUID();
  try {
    const error = err instanceof Error ? errorFields(err, 0, new WeakSet()) : { message: scrub(err) };
    writeLine(JSON.stringify({ level: "error", time: new Date().toISOString(), requestId, error, context: scrub(rest) }));
  } catch {
    try {
      writeLine(JSON.stringify({ level: "error", time: new Date().toISOString(), requestId, error: { message: "unloggable error" } }));
    } catch {
      // nothing left to do
    }
  }
  return requestId;
}
