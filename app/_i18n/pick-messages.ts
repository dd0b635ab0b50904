type Messages = Record<string, unknown>;

/**
 * The part of `messages` under the given dotted paths ("review", "common.language"), nested as
 * in the source, so client components keep their usual `useTranslations("…")` keys. A missing
 * path is an error: a client component would otherwise render its raw key at run time.
 */
export function pickMessages(messages: Messages, paths: readonly string[]): Messages {
  const out: Messages = {};
  for (const p of paths) {
    const keys = p.split(".");
    let from: unknown = messages;
    let to = out;
    keys.forEach((k, i) => {
      if (typeof from !== "object" || from === null || !(k in from)) throw new Error(`no messages at "${p}"`);
      from = (from as Messages)[k];
      if (i === keys.length - 1) to[k] = from;
      else to = (to[k] ??= {}) as Messages;
    });
  }
  return out;
}
