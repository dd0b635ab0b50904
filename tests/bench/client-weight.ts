import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { gzipSync } from "node:zlib";
import type { Browser } from "playwright-core";

/**
 * First-load JavaScript of a page from the build output: the root main files every app page
 * loads (build-manifest.json rootMainFiles) plus the client chunks of every segment on the
 * route (layout, error and not-found boundaries, the page) from the page's client reference
 * manifest, each chunk counted once, gzipped with zlib's default level.
 */
export interface PageWeight {
  route: string;
  chunks: number;
  rawKB: number;
  gzipKB: number;
  /** Of which the root main files every page loads (React, Next's client runtime). */
  rootGzipKB: number;
  /** Next's own figure (.next/diagnostics/route-bundle-stats.json), raw bytes, when present. */
  nextRawKB: number | null;
  /** The same chunk set as Next's own list? */
  agreesWithNext: boolean | null;
  files: string[];
}

const KB = 1024;

function appPathOf(root: string, route: string): string {
  const routes = JSON.parse(readFileSync(path.join(root, ".next/app-path-routes-manifest.json"), "utf8")) as Record<string, string>;
  const entry = Object.entries(routes).find(([, r]) => r === route);
  if (!entry) throw new Error(`no app route ${route} in the build`);
  return entry[0]; // e.g. "/(app)/review/page"
}

function clientManifest(root: string, appPath: string): { entryJSFiles: Record<string, string[]> } {
  const file = path.join(root, ".next/server/app", `${appPath}_client-reference-manifest.js`);
  const sandbox = { globalThis: {} as Record<string, unknown> };
  vm.runInNewContext(readFileSync(file, "utf8"), sandbox);
  const all = (sandbox.globalThis as { __RSC_MANIFEST: Record<string, { entryJSFiles: Record<string, string[]> }> }).__RSC_MANIFEST;
  return all[appPath];
}

const gzipCache = new Map<string, number>();
function gzipSize(file: string): number {
  let n = gzipCache.get(file);
  if (n === undefined) {
    n = gzipSync(readFileSync(file)).length;
    gzipCache.set(file, n);
  }
  return n;
}

export function pageWeight(rootDir: string, route: string): PageWeight {
  const build = JSON.parse(readFileSync(path.join(rootDir, ".next/build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  const manifest = clientManifest(rootDir, appPathOf(rootDir, route));
  const root = build.rootMainFiles.map((f) => f.replace(/^\/?(_next\/)?/, ""));
  const files = new Set<string>(root);
  for (const list of Object.values(manifest.entryJSFiles)) for (const f of list) files.add(f.replace(/^\/?(_next\/)?/, ""));
  const list = [...files].filter((f) => f.endsWith(".js")).sort();
  let raw = 0;
  let gz = 0;
  for (const f of list) {
    const abs = path.join(rootDir, ".next", f);
    raw += readFileSync(abs).length;
    gz += gzipSize(abs);
  }
  let nextRawKB: number | null = null;
  let agreesWithNext: boolean | null = null;
  const statsFile = path.join(rootDir, ".next/diagnostics/route-bundle-stats.json");
  if (existsSync(statsFile)) {
    const stats = JSON.parse(readFileSync(statsFile, "utf8")) as { route: string; firstLoadUncompressedJsBytes: number; firstLoadChunkPaths: string[] }[];
    const mine = stats.find((s) => s.route === route);
    if (mine) {
      nextRawKB = mine.firstLoadUncompressedJsBytes / KB;
      const theirs = mine.firstLoadChunkPaths.map((p) => p.replace(/^\.next\//, "")).sort();
      agreesWithNext = theirs.length === list.length && theirs.every((f, i) => f === list[i]);
    }
  }
  const rootGz = root.filter((f) => f.endsWith(".js")).reduce((sum, f) => sum + gzipSize(path.join(rootDir, ".next", f)), 0);
  return { route, chunks: list.length, rawKB: raw / KB, gzipKB: gz / KB, rootGzipKB: rootGz / KB, nextRawKB, agreesWithNext, files: list };
}

export interface BrowserWeight {
  route: string;
  scripts: number;
  transferredKB: number;
  /** Script files the browser loaded that the manifest count does not include, and vice versa. */
  extra: string[];
  missing: string[];
}

/** Loads the page in Chromium with a session cookie and sums the script bytes transferred until `load`. */
export async function browserWeight(browser: Browser, baseURL: string, cookie: { name: string; value: string }, page: { route: string; path: string }, expected: string[]): Promise<BrowserWeight> {
  const context = await browser.newContext({ locale: "en-US" });
  try {
    await context.addCookies([{ name: cookie.name, value: cookie.value, url: baseURL }]);
    const tab = await context.newPage();
    const scripts: { url: string; request: import("playwright-core").Request }[] = [];
    tab.on("requestfinished", (request) => {
      if (request.resourceType() === "script") scripts.push({ url: request.url(), request });
    });
    const res = await tab.goto(new URL(page.path, baseURL).href, { waitUntil: "load" });
    if (!res || res.status() !== 200) throw new Error(`GET ${page.path}: ${res?.status()}`);
    const loaded = [...scripts];
    let bytes = 0;
    for (const s of loaded) bytes += (await s.request.sizes()).responseBodySize;
    const names = loaded.map((s) => new URL(s.url).pathname.replace(/^\/_next\//, ""));
    return {
      route: page.route,
      scripts: loaded.length,
      transferredKB: bytes / KB,
      extra: names.filter((n) => !expected.includes(n)),
      missing: expected.filter((n) => !names.includes(n)),
    };
  } finally {
    await context.close();
  }
}
