/// <reference lib="webworker" />
import { NetworkFirst, Serwist, type PrecacheEntry, type SerwistGlobalConfig } from "serwist";
import { OFFLINE_URL, PAGES_CACHE, SIGNED_OUT_PATHS } from "./cache-names";

declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}
declare const self: ServiceWorkerGlobalScope;

/**
 * Whether a page response may be kept for offline reloads. Only a plain 200 HTML page of this
 * origin: never a redirect (e.g. to sign-in), an error page or anything under /api. A page never
 * sets cookies in this app (only actions and route handlers do, and neither is cached), and a
 * worker cannot see Set-Cookie anyway, so that rule is kept by caching navigations only.
 */
function cacheablePage(response: Response): boolean {
  return response.status === 200 && response.type === "basic" && !response.redirected && (response.headers.get("content-type") ?? "").startsWith("text/html");
}

function isPageNavigation(request: Request, url: URL): boolean {
  return (
    request.mode === "navigate" &&
    request.method === "GET" &&
    url.origin === self.location.origin &&
    !url.pathname.startsWith("/api/") &&
    !url.pathname.startsWith("/serwist/") &&
    !SIGNED_OUT_PATHS.includes(url.pathname)
  );
}

const serwist = new Serwist({
  // The built static assets (.next/static, public/) and the offline page.
  precacheEntries: self.__SW_MANIFEST,
  precacheOptions: { cleanupOutdatedCaches: true },
  // A new build waits until the learner presses Reload on the update prompt: taking over a page
  // mid-session could swap its scripts under it.
  skipWaiting: false,
  // The first install controls the open page at once, so the page it was installed from is
  // cached when the learner next navigates.
  clientsClaim: true,
  runtimeCaching: [
    {
      // Pages: the network first (fresh data, the server's own CSP nonce); offline, the copy
      // from the last visit. The Cache API keeps the response's own headers, so a cached page
      // comes with the CSP whose nonce its scripts carry.
      matcher: ({ request, url }) => isPageNavigation(request, url),
      handler: new NetworkFirst({
        cacheName: PAGES_CACHE,
        plugins: [{ cacheWillUpdate: async ({ response }) => (cacheablePage(response) ? response : null) }],
      }),
    },
  ],
  fallbacks: { entries: [{ url: OFFLINE_URL, matcher: ({ request }) => request.destination === "document" }] },
});

// Signing out, or someone signing in, must not leave one learner's pages for the next one on
// this browser. Pages shown to nobody clear the cache themselves (ForgetKeptPages in the header);
// this also covers a page loaded before its scripts run, e.g. sign-out posted without JavaScript.
self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method === "GET" && url.origin === self.location.origin && SIGNED_OUT_PATHS.includes(url.pathname)) {
    event.waitUntil(caches.delete(PAGES_CACHE));
  }
});

serwist.addEventListeners();
