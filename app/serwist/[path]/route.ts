import { createHash } from "node:crypto";
import { createSerwistRoute } from "@serwist/turbopack";
import { offlineHtml } from "@/app/offline/offline-html";
import { OFFLINE_URL } from "@/app/_sw/cache-names";

/**
 * The service worker, bundled from app/_sw/sw.ts by esbuild when `next build` prerenders this
 * route (Serwist's Turbopack integration: Turbopack has no plugin hook for it), so `npm start`
 * and the test builds produce it with the rest of the bundle. Served at /serwist/sw.js with
 * `Service-Worker-Allowed: /` so it controls the whole app.
 */

// The offline page's precache revision is the hash of its bytes: a build that leaves the page as
// it was does not make browsers download it again.
const offlineRevision = createHash("sha256").update(offlineHtml()).digest("hex").slice(0, 16);

export const { dynamic, dynamicParams, revalidate, generateStaticParams, GET } = createSerwistRoute({
  swSrc: "app/_sw/sw.ts",
  // esbuild is already installed natively (tsx, vite); its Wasm build would be another package.
  useNativeEsbuild: true,
  // A classic script: registration then works where module workers are not supported.
  esbuildOptions: { format: "iife" },
  additionalPrecacheEntries: [{ url: OFFLINE_URL, revision: offlineRevision }],
});
