import { chromium, type Browser, type Page } from "playwright-core";
import { existsSync } from "node:fs";

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
