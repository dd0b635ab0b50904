import { offlineHtml } from "./offline-html";

// Rendered once at build time: no session, no cookies, the same bytes for every learner.
export const dynamic = "force-static";

/** The service worker's fallback for a page never opened on this device (app/_sw/sw.ts). */
export function GET(): Response {
  return new Response(offlineHtml(), { headers: { "Content-Type": "text/html; charset=utf-8" } });
}
