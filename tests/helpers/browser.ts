import { chromium, type Browser, type Page } from "playwright-core";
import { existsSync, readFileSync } from "node:fs";
import type { ExportForReplay } from "@/lib/accounts/export-replay";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM);
}

export async function launchBrowser(): Promise<Browser> {
  // launch() gives every browser a fresh temporary profile of its own.
  return chromium.launch({
    headless: true,
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** Signs up through the real form and waits for the home page, as a new learner would. */
export async function signUpInBrowser(page: Page, baseURL: string, email: string, name: string, password = "correct horse battery"): Promise<void> {
  await page.goto(`${baseURL}/signup`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Display name").fill(name);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(`${baseURL}/`);
}

/** Waits until the review screen's outbox is empty: every answer given has been acknowledged. */
export async function reviewSaved(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid=review-session][data-waiting="0"]', { timeout: 15_000 });
}

/** Waits until the service worker is active and controls this page (reloading once or twice if the page escaped its claim). */
export async function swControlled(p: Page): Promise<void> {
  try {
    // Polled from here: waitForFunction takes a promise the predicate returns as truthy at once.
    for (const deadline = Date.now() + 20_000; ; await new Promise((r) => setTimeout(r, 100))) {
      if (await p.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.state === "activated")) break;
      if (Date.now() > deadline) throw new Error("the service worker did not activate within 20 s");
    }
    // A document whose navigation began while the worker was installing can escape the claim the
    // worker makes on activating (clientsClaim; seen in about 1 sign-up in 4 here); a page loaded
    // after activation is controlled.
    for (let i = 0; i < 3 && !(await p.evaluate(() => navigator.serviceWorker.controller !== null)); i++) await p.reload();
    await p.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 10_000 });
  } catch (e) {
    const state = await p.evaluate(async () => {
      const r = await navigator.serviceWorker.getRegistration();
      return { url: location.href, installing: r?.installing?.state, waiting: r?.waiting?.state, active: r?.active?.state };
    });
    throw new Error(`page not controlled by the worker: ${JSON.stringify(state)}`, { cause: e });
  }
}

/** The signed-in learner's account export, downloaded from Settings › Account as a learner would. */
export async function downloadExport(page: Page, baseURL: string): Promise<ExportForReplay> {
  await page.goto(`${baseURL}/settings/account`);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-data").click()]);
  return JSON.parse(readFileSync((await download.path())!, "utf8")) as ExportForReplay;
}
