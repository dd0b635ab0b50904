import { PAGES_CACHE } from "@/app/_sw/cache-names";

/**
 * Drops the pages the service worker kept for offline reloads: they hold this learner's data and
 * the next person on this browser must not see them. Best effort: without the Cache API there
 * is nothing to clear.
 */
export async function clearPageCache(): Promise<void> {
  if (typeof caches === "undefined") return;
  await caches.delete(PAGES_CACHE).catch(() => false);
}
