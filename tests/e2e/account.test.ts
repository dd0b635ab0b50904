import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { readFileSync } from "node:fs";
import Database from "better-sqlite3";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchBrowser, reviewSaved } from "../helpers/browser";
import { startServer, type RunningServer } from "../helpers/server";
import { actionId, postAction } from "../helpers/actions";

const enabled = inject("browserTests");
let server: RunningServer;
let browser: Browser;

const EMAIL = "leaver@example.com";
const PASSWORD = "correct horse battery";

function sqlite(): Database.Database {
  return new Database(server.databaseUrl.slice("file:".length), { readonly: true });
}
const count = (sql: string, ...args: unknown[]) => {
  const db = sqlite();
  try {
    return (db.prepare(sql).get(...args) as { n: number }).n;
  } finally {
    db.close();
  }
};

async function signUp(page: Page, email: string, name: string) {
  await page.goto(`${server.baseURL}/signup`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Display name").fill(name);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(`${server.baseURL}/`);
}

/** Grades the first card of today's session, through the review screen. */
async function gradeOne(page: Page) {
  await page.goto(`${server.baseURL}/review`);
  await page.getByTestId("review-card").waitFor();
  const id = await page.getByTestId("review-card").getAttribute("data-card-id");
  await page.keyboard.press("Space");
  await page.getByTestId("card-back").waitFor();
  await page.keyboard.press("4");
  await page.waitForFunction((cardId) => document.querySelector("[data-testid=review-card]")?.getAttribute("data-card-id") !== cardId, id);
  await reviewSaved(page); // the answer reached the server (it is sent after the next card shows)
}

describe.runIf(enabled)("a learner's own data in the browser", () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    // Someone else, whose data must survive and never show up in the download.
    const other = await browser.newContext({ locale: "en-US" });
    const op = await other.newPage();
    await signUp(op, "stayer@example.com", "Stayer");
    await gradeOne(op);
    await other.close();

    context = await browser.newContext({ locale: "en-US", timezoneId: "Europe/Berlin", acceptDownloads: true });
    page = await context.newPage();
    await signUp(page, EMAIL, "Leaver");
    await gradeOne(page);
    await gradeOne(page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("reaches the account page from Settings and downloads all the learner's data as JSON, without secrets", async () => {
    await page.goto(`${server.baseURL}/settings`);
    await page.getByTestId("account-link").click();
    await page.waitForURL(`${server.baseURL}/settings/account`);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Your data and account");
    await expect(page.getByTestId("account-summary").textContent()).resolves.toBe("2 cards studied · 2 grades · no quizzes");

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-data").click()]);
    expect(download.suggestedFilename()).toMatch(/^kubecards-data-\d{4}-\d\d-\d\d\.json$/);
    const text = readFileSync((await download.path())!, "utf8");
    const data = JSON.parse(text);
    expect(data).toMatchObject({ format: "kubecards-learner-export", formatVersion: 1, profile: { email: EMAIL, name: "Leaver" }, settings: { timeZone: "Europe/Berlin" } });
    expect(data.reviewStates).toHaveLength(2);
    expect(data.reviewLog).toHaveLength(2);
    expect(data.reviewLog[0]).toMatchObject({ grade: 4, origin: "review", kind: "new" });
    expect(typeof data.reviewLog[0].cardKey).toBe("string");
    expect(text).not.toContain("passwordHash");
    expect(text).not.toContain("$argon2");
    expect(text).not.toContain("sessionVersion");
    expect(text).not.toContain("stayer@example.com");

    // Without a session there is nothing to download.
    const anonymous = await fetch(`${server.baseURL}/settings/account/export`, { redirect: "manual" });
    expect(anonymous.status).toBeGreaterThanOrEqual(300);
    expect(await anonymous.text()).not.toContain(EMAIL);
  });

  it("refuses a wrong password with a field error and deletes nothing", async () => {
    await page.goto(`${server.baseURL}/settings/account`);
    await page.getByLabel("Your password").fill("not my password");
    await page.getByRole("button", { name: "Delete my account" }).click();
    await page.waitForSelector("[data-field-error=password]");
    await expect(page.locator("[data-field-error=password]").textContent()).resolves.toBe("That password is not right. Nothing was deleted.");
    expect(count(`select count(*) n from "User" where email = ?`, EMAIL)).toBe(1);
    expect(count(`select count(*) n from "ReviewLog" l join "User" u on u.id = l.userId where u.email = ?`, EMAIL)).toBe(2);
  });

  it("the delete action refuses a request without a session", async () => {
    const del = actionId("app/(app)/settings/account/actions.ts", "deleteAccountAction");
    const res = await postAction(server.baseURL, "/settings/account", del, [{ ok: false, errors: {} }, { password: PASSWORD }]);
    expect(res.status).toBeLessThan(500);
    expect(count(`select count(*) n from "User" where email = ?`, EMAIL)).toBe(1);
  });

  it("deletes the account with the right password, signs out, and the old credentials no longer work", async () => {
    await page.goto(`${server.baseURL}/settings/account`);
    const oldCookies = await context.cookies();
    await page.getByLabel("Your password").fill(PASSWORD);
    await page.getByRole("button", { name: "Delete my account" }).click();
    await page.waitForURL(`${server.baseURL}/?deleted=1`);

    expect(count(`select count(*) n from "User" where email = ?`, EMAIL)).toBe(0);
    expect(count(`select count(*) n from "ReviewState" where userId not in (select id from "User")`)).toBe(0);
    expect(count(`select count(*) n from "ReviewLog" where userId not in (select id from "User")`)).toBe(0);
    // The other learner is untouched.
    expect(count(`select count(*) n from "ReviewLog" l join "User" u on u.id = l.userId where u.email = 'stayer@example.com'`)).toBe(1);

    // The old session cookie opens nothing.
    await context.addCookies(oldCookies);
    await page.goto(`${server.baseURL}/settings/account`);
    expect(new URL(page.url()).pathname).toBe("/signin");

    await context.clearCookies();
    await page.goto(`${server.baseURL}/signin`);
    await page.getByLabel("Email").fill(EMAIL);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("signin-error").textContent()).resolves.toBe("Wrong email or password.");
    expect(new URL(page.url()).pathname).toBe("/signin");
  });
});
