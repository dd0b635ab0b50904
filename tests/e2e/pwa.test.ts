import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchBrowser, signUpInBrowser, swControlled } from "../helpers/browser";
import { ROOT, startServer, type RunningServer } from "../helpers/server";
import { seriousViolations } from "../helpers/axe";
import { PAGES_CACHE, SW_URL } from "@/app/_sw/cache-names";

/**
 * The installable shell: the service worker from a real production build, in Chromium. Pages are
 * network-first with the last copy kept for offline reloads, a never-opened page offline gets
 * the offline page, a new build waits for the learner's Reload, sign-out drops the kept pages.
 */
const enabled = inject("browserTests");
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const copies: string[] = [];

const url = (p: string) => `${server.baseURL}${p}`;
const GENERAL_BANNER = "You're offline. Review keeps working and saves your answers; quizzes and progress need the network.";

/** The paths of the pages the worker keeps for offline reloads, as this page sees them. */
async function keptPages(p: Page): Promise<string[]> {
  return p.evaluate(async (name) => {
    if (!(await caches.has(name))) return [];
    const keys = await (await caches.open(name)).keys();
    return keys.map((r) => new URL(r.url).pathname + new URL(r.url).search).sort();
  }, PAGES_CACHE);
}

async function expectNoSeriousViolations(p: Page, label: string): Promise<void> {
  const findings: string[] = [];
  for (const theme of ["light", "dark"] as const) {
    await p.emulateMedia({ colorScheme: theme });
    await p.waitForTimeout(200);
    for (const v of await seriousViolations(p)) findings.push(`${label} [${theme}] ${v.rule}: ${v.help} ${v.targets.join(" | ")}`);
  }
  expect(findings).toEqual([]);
}

/**
 * The project as another build would serve it: the same files, with a copy of the build whose
 * service worker bytes differ (as every new build's do: the precache list names its chunks).
 */
function copyWithChangedWorker({ precacheScripts = true } = {}): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "kubecards-pwa-"));
  copies.push(dir);
  for (const name of readdirSync(ROOT)) {
    if (name !== ".next" && name !== ".git") symlinkSync(path.join(ROOT, name), path.join(dir, name));
  }
  const cache = path.join(ROOT, ".next", "cache");
  cpSync(path.join(ROOT, ".next"), path.join(dir, ".next"), { recursive: true, filter: (src) => src !== cache });
  // Next keeps the prerendered worker twice: the page output and its route cache.
  const bodies = (readdirSync(path.join(dir, ".next/server"), { recursive: true }) as string[]).filter((f) => f.endsWith(path.join("serwist", "sw.js.body")));
  expect(bodies.length).toBeGreaterThan(0);
  const mark = `\n// build ${randomUUID()}\n`;
  for (const f of bodies) {
    const body = path.join(dir, ".next/server", f);
    let source = readFileSync(body, "utf8");
    expect(source).toContain("addEventListeners");
    if (!precacheScripts) {
      // A build whose scripts all have new names: none of the old build's is in its precache list.
      const listed = /\{url:"\/_next\/static\/chunks\/[^"]+\.js",revision:null\},?/g;
      expect(source.match(listed)?.length).toBeGreaterThan(0);
      source = source.replace(listed, "");
    }
    writeFileSync(body, source + mark);
  }
  return dir;
}

describe.runIf(enabled)("the installable, offline-capable shell", () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    context = await browser.newContext({ locale: "en-US" });
    page = await context.newPage();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
    for (const dir of copies) rmSync(dir, { recursive: true, force: true });
  });

  it("serves the worker and the offline page without a session, the worker allowed to control the whole app", async () => {
    const sw = await fetch(url(SW_URL), { redirect: "manual" });
    expect(sw.status).toBe(200);
    expect(sw.headers.get("content-type")).toMatch(/javascript/);
    expect(sw.headers.get("service-worker-allowed")).toBe("/");
    // Never kept by a shared cache in front of the server: updates must reach installed apps.
    expect(sw.headers.get("cache-control")).toBe("no-cache");
    const source = await sw.text();
    // The precache list names the built static assets and the offline page.
    expect(source).toMatch(/\/_next\/static\/chunks\/[^"]+\.js/);
    expect(source).toContain('"/offline"');

    const offline = await fetch(url("/offline"), { redirect: "manual" });
    expect(offline.status).toBe(200);
    expect(offline.headers.get("set-cookie")).toBeNull();
    const html = await offline.text();
    expect(html).toContain("Needs the network");
    expect(html).toContain("需要联网");
    expect(html).not.toContain("<script");

    // The page's policy lets the worker run from this origin.
    const landing = await fetch(url("/"));
    expect(landing.headers.get("content-security-policy")).toContain("worker-src 'self'");
  });

  it("registers the worker, which controls the page, and Chromium finds the app installable", async () => {
    await signUpInBrowser(page, server.baseURL, "pwa@example.com", "Pwa Learner");
    await swControlled(page);
    const reg = await page.evaluate(async () => {
      const r = await navigator.serviceWorker.getRegistration();
      return { scope: r?.scope, script: r?.active?.scriptURL };
    });
    expect(reg).toEqual({ scope: url("/"), script: url(SW_URL) });

    const manifest = (await (await fetch(url("/manifest.webmanifest"))).json()) as { start_url: string; display: string; icons: { sizes: string; src: string }[] };
    expect(manifest.display).toBe("standalone");
    expect(manifest.start_url).toBe("/");
    expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));

    // Chromium's own verdict. An incognito-like test profile is its only objection.
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send("Page.getInstallabilityErrors")) as { installabilityErrors: { errorId: string }[] };
    expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== "in-incognito")).toEqual([]);
    await cdp.detach();
  });

  it("reloads a visited page offline from the cache, with its own headers, and runs its scripts", async () => {
    for (const p of ["/review", "/quizzes", "/progress"]) {
      const res = await page.goto(url(p));
      expect(res?.status()).toBe(200);
    }
    await page.goto(url("/review"));
    // Only pages opened by navigation: no action post, no /api, no worker script, no sign-in.
    const kept = await keptPages(page);
    expect(kept).toEqual(expect.arrayContaining(["/progress", "/quizzes", "/review"]));
    expect(kept.filter((p) => !["/", "/progress", "/quizzes", "/review"].includes(p))).toEqual([]);

    await context.setOffline(true);
    try {
      const res = await page.reload();
      expect(res?.fromServiceWorker()).toBe(true);
      expect(page.url()).toBe(url("/review"));
      await expect(page.getByTestId("user-name").textContent()).resolves.toBe("Pwa Learner");
      // The banner is a client component: it shows only if the page's scripts ran under the
      // cached CSP, so the nonce in the kept HTML and the kept header agree.
      await expect(page.getByTestId("offline-banner").textContent()).resolves.toBe(GENERAL_BANNER);

      await page.goto(url("/quizzes"));
      await expect(page.getByTestId("offline-banner").textContent()).resolves.toMatch(/^You're offline\. Quizzes need the network/);
      await page.goto(url("/progress"));
      await expect(page.getByTestId("offline-banner").textContent()).resolves.toMatch(/^You're offline\. Progress needs the network/);
      await expectNoSeriousViolations(page, "progress offline, banner");

      // The header's link (a client-side navigation, whose fetch fails offline) reaches the kept page too.
      await page.getByRole("navigation").getByRole("link", { name: "Review" }).click();
      await page.waitForURL(url("/review"));
      await expect(page.getByTestId("offline-banner").textContent()).resolves.toBe(GENERAL_BANNER);
      await expect(page.getByTestId("user-name").textContent()).resolves.toBe("Pwa Learner");
    } finally {
      await context.setOffline(false);
    }
  });

  it("shows the offline page in both languages for a page never opened on this device", async () => {
    await context.setOffline(true);
    try {
      const res = await page.goto(url("/decks/browse"));
      expect(res?.fromServiceWorker()).toBe(true);
      expect(page.url()).toBe(url("/decks/browse"));
      const text = await page.getByTestId("offline-page").textContent();
      expect(text).toContain("You're offline");
      expect(text).toContain("Quizzes, progress and settings.");
      expect(text).toContain("测验、进度和设置。");
      await expectNoSeriousViolations(page, "offline page");
      // Its link to review opens the kept review page.
      await page.getByRole("link", { name: "Go to review" }).click();
      await page.waitForURL(url("/review"));
      await page.getByTestId("user-name").waitFor();
    } finally {
      await context.setOffline(false);
    }
  });

  it("shows the offline banner while the network is gone and hides it when it returns, in Chinese too", async () => {
    await page.goto(url("/review"));
    await expect(page.getByTestId("offline-banner").count()).resolves.toBe(0);
    await context.setOffline(true);
    await page.getByTestId("offline-banner").waitFor();
    await expect(page.getByRole("status").filter({ hasText: "You're offline" }).count()).resolves.toBe(1);
    await context.setOffline(false);
    await page.getByTestId("offline-banner").waitFor({ state: "detached" });

    const zh = await browser.newContext({ locale: "zh-CN" });
    try {
      const p = await zh.newPage();
      await p.goto(url("/"));
      await zh.setOffline(true);
      await expect(p.getByTestId("offline-banner").textContent()).resolves.toBe("你已离线。复习照常进行，答案会先保存下来；测验和进度需要联网。");
      await zh.setOffline(false);
      await p.getByTestId("offline-banner").waitFor({ state: "detached" });
    } finally {
      await zh.close();
    }
  });

  it("drops the kept pages on sign-out, so the next person offline gets the offline page, not the last learner's", async () => {
    const other = await browser.newContext({ locale: "en-US" });
    try {
      const p = await other.newPage();
      await signUpInBrowser(p, server.baseURL, "pwa-out@example.com", "Leaving Learner");
      await swControlled(p);
      await p.goto(url("/review"));
      expect(await keptPages(p)).toContain("/review");

      await p.getByRole("button", { name: "Sign out" }).click();
      await p.waitForURL(/\/signin\?signedOut=1$/);
      await expect.poll(() => keptPages(p)).toEqual([]);

      await other.setOffline(true);
      await p.goto(url("/review"));
      await p.getByTestId("offline-page").waitFor();
      expect(await p.content()).not.toContain("Leaving Learner");
    } finally {
      await other.close();
    }
  });

  it("drops the kept pages when the learner deletes the account", async () => {
    const other = await browser.newContext({ locale: "en-US" });
    try {
      const p = await other.newPage();
      await signUpInBrowser(p, server.baseURL, "pwa-delete@example.com", "Deleting Learner");
      await swControlled(p);
      await p.goto(url("/settings/account"));
      expect(await keptPages(p)).toContain("/settings/account");
      await p.getByLabel("Your password").fill("correct horse battery");
      await p.getByRole("button", { name: "Delete my account" }).click();
      await p.waitForURL(url("/?deleted=1"));
      await expect.poll(() => keptPages(p)).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it("a learner who signs in after another's session ended does not find the other's pages", async () => {
    const shared = await browser.newContext({ locale: "en-US" });
    try {
      const p = await shared.newPage();
      await signUpInBrowser(p, server.baseURL, "pwa-first@example.com", "First Learner");
      await swControlled(p);
      await p.goto(url("/review"));
      expect(await keptPages(p)).toContain("/review");
      // The session ends without the sign-out button (cookie gone, e.g. expired): the next
      // page load goes through sign-in, where the worker drops the kept pages.
      await shared.clearCookies();
      await p.goto(url("/review"));
      await p.waitForURL(/\/signin\?callbackUrl=%2Freview$/);
      await expect.poll(() => keptPages(p)).toEqual([]);
    } finally {
      await shared.close();
    }
  });

  it("offers a new build's worker with a prompt, and switches to it only when the learner presses Reload", async () => {
    await page.goto(url("/review"));
    await swControlled(page);
    await page.evaluate(() => ((window as unknown as { beforeUpdate: boolean }).beforeUpdate = true));

    // The next build goes live on the same origin.
    const port = Number(new URL(server.baseURL).port);
    const databaseUrl = server.databaseUrl;
    const root = copyWithChangedWorker({ precacheScripts: false });
    await server.stop();
    server = await startServer({}, { reuseDatabaseUrl: databaseUrl, port, root });

    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    const prompt = page.getByTestId("update-prompt");
    await prompt.waitFor();
    await expect(prompt.getByText("A new version of KubeCards is ready.").count()).resolves.toBe(1);
    await expectNoSeriousViolations(page, "update prompt");

    // Nothing switched by itself: the page is the same document, the new worker still waits.
    await page.waitForTimeout(1000);
    expect(await page.evaluate(() => (window as unknown as { beforeUpdate?: boolean }).beforeUpdate)).toBe(true);
    expect(await page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting))).toBe(true);

    // By keyboard: Enter on the focused button.
    await page.getByRole("button", { name: "Reload" }).focus();
    const reloaded = page.waitForEvent("load");
    await page.keyboard.press("Enter");
    await reloaded;
    await page.getByTestId("user-name").waitFor();
    expect(await page.evaluate(() => (window as unknown as { beforeUpdate?: boolean }).beforeUpdate)).toBeUndefined();
    const after = await page.evaluate(async () => {
      const r = await navigator.serviceWorker.getRegistration();
      return { waiting: Boolean(r?.waiting), active: r?.active?.state, controlled: navigator.serviceWorker.controller !== null };
    });
    expect(after).toEqual({ waiting: false, active: "activated", controlled: true });
    await expect(page.getByTestId("update-prompt").count()).resolves.toBe(0);

    // The new worker's precache lists none of the old build's scripts; a page kept offline by the
    // old build still runs (its banner is client code): the worker does not drop kept pages on
    // update, and the old scripts still come from the browser's HTTP cache (immutable assets).
    await context.setOffline(true);
    try {
      await page.goto(url("/quizzes"));
      await expect(page.getByTestId("offline-banner").textContent()).resolves.toMatch(/^You're offline\. Quizzes need the network/);
    } finally {
      await context.setOffline(false);
    }
  });

  it("puts the prompt off with Later, on a 360 px phone in Chinese", async () => {
    const phone = await browser.newContext({ locale: "zh-CN", viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
    try {
      const p = await phone.newPage();
      await p.goto(url("/"));
      await swControlled(p);
      // Another build again, so this browser has a worker waiting.
      const port = Number(new URL(server.baseURL).port);
      const databaseUrl = server.databaseUrl;
      const root = copyWithChangedWorker();
      await server.stop();
      server = await startServer({}, { reuseDatabaseUrl: databaseUrl, port, root });
      await p.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
      const prompt = p.getByTestId("update-prompt");
      await prompt.waitFor();
      await expect(prompt.getByText("KubeCards 有新版本了。").count()).resolves.toBe(1);
      const box = await prompt.boundingBox();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(360);
      for (const name of ["稍后", "重新加载"]) {
        const b = await p.getByRole("button", { name }).boundingBox();
        expect(Math.min(b!.width, b!.height)).toBeGreaterThanOrEqual(44);
      }
      await expectNoSeriousViolations(p, "update prompt, phone, zh-CN");
      await p.getByRole("button", { name: "稍后" }).click();
      await prompt.waitFor({ state: "detached" });
      expect(await p.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting))).toBe(true);
    } finally {
      await phone.close();
    }
  });
});
