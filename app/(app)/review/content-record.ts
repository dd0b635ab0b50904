import type { ClientContent } from "./client-session";

/**
 * A card's text as IndexedDB keeps it (./offline-store). Format 1 (no `v`) said only whether the
 * learner types the answer (`typeIn: boolean`); format 2 carries the typed answer itself, so the
 * browser judges it offline.
 */
export const CONTENT_VERSION = 2;

export type ContentRecord =
  | (ClientContent & { v: typeof CONTENT_VERSION })
  | (Omit<ClientContent, "typed" | "typedUnknown"> & { v?: undefined; typeIn?: boolean });

/** A kept card as the screen uses it: one of format 1 that was typed lacks its answer until fetched again. */
export function contentFromRecord(r: ContentRecord): ClientContent {
  const text = { id: r.id, topic: r.topic, front: r.front, back: r.back, note: r.note, source: r.source };
  if (r.v === CONTENT_VERSION) return { ...text, typed: r.typed };
  return r.typeIn === true ? { ...text, typed: null, typedUnknown: true } : { ...text, typed: null };
}
