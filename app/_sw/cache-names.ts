/**
 * Names the service worker and the pages share. One place, so the pages clear the cache the
 * worker fills (app/_components/forget-kept-pages.tsx).
 */

/** Where the worker is served (app/serwist/[path]/route.ts builds it at `next build`). */
export const SW_URL = "/serwist/sw.js";

/** App pages (HTML) this browser has opened, kept for offline reloads. Holds a learner's data. */
export const PAGES_CACHE = "kubecards-pages-v1";

/** The page shown for a navigation that fails offline and was never cached (app/offline/route.ts). */
export const OFFLINE_URL = "/offline";

/** Pages that mean "nobody or somebody new is signing in": the page cache is dropped there. */
export const SIGNED_OUT_PATHS = ["/signin", "/signup"];
