import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import Database from "better-sqlite3";
import type { Browser, BrowserContext, Cookie } from "playwright-core";
import { launchBrowser, signUpInBrowser } from "../helpers/browser";
import { startServer, type RunningServer } from "../helpers/server";
import { actionId } from "../helpers/actions";

const enabled = inject("browserTests");
let server: RunningServer;
let browser: Browser;

const SESSION_COOKIE = "next-auth.session-token";

function sqlite(): Database.Database {
  return new Database(server.databaseUrl.slice("file:".length));
}

function sessionVersion(email: string): number {
  return (sqlite().prepare("select sessionVersion from User where email = ?").get(email) as { sessionVersion: number }).sessionVersion;
}

/** A fresh browser signed in as a new learner, with the cookies it was given. */
async function signedIn(email: string, name: string): Promise<{ context: BrowserContext; cookies: Cookie[] }> {
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  await signUpInBrowser(page, server.baseURL, email, name);
  return { context, cookies: await context.cookies() };
}

/** The old cookie, put back after sign-out, must not open an authenticated page. */
async function expectRefused(cookies: Cookie[]): Promise<void> {
  const context = await browser.newContext({ locale: "en-US" });
  await context.addCookies(cookies);
  const page = await context.newPage();
  await page.goto(`${server.baseURL}/review`);
  // /review streams (it has a loading state), so the redirect may come after the first bytes.
  await page.waitForURL(/\/signin\?callbackUrl=%2Freview$/);
  await expect(page.getByTestId("review-session").count()).resolves.toBe(0);
  await context.close();
}

describe.runIf(enabled)("signing out", () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("ends the session from the review page, drops the cookie and shows the signed-in-out header (English)", async () => {
    const { context, cookies } = await signedIn("out-en@example.com", "Out En");
    expect(cookies.some((c) => c.name === SESSION_COOKIE)).toBe(true);
    const before = sessionVersion("out-en@example.com");
    const page = await context.newPage();
    await page.goto(`${server.baseURL}/review`);
    await page.waitForSelector("[data-testid=review-session]");

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/signin\?signedOut=1$/);
    await expect(page.getByRole("status").textContent()).resolves.toBe("You are signed out.");
    // The header is rendered again for nobody: no name, a sign-in link instead of the button.
    await expect(page.getByTestId("user-name").count()).resolves.toBe(0);
    await expect(page.getByRole("button", { name: "Sign out" }).count()).resolves.toBe(0);
    await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" }).count()).resolves.toBe(1);

    expect((await context.cookies()).some((c) => c.name === SESSION_COOKIE)).toBe(false);
    expect(sessionVersion("out-en@example.com")).toBe(before + 1);
    await expectRefused(cookies);
    await context.close();
  });

  it("works without JavaScript, in Chinese", async () => {
    const { context: withJs, cookies } = await signedIn("out-zh@example.com", "Out Zh");
    await withJs.close();
    sqlite().prepare("update User set locale = 'zh-CN' where email = ?").run("out-zh@example.com");
    const before = sessionVersion("out-zh@example.com");

    const context = await browser.newContext({ locale: "zh-CN", javaScriptEnabled: false });
    await context.addCookies(cookies);
    const page = await context.newPage();
    await page.goto(`${server.baseURL}/review`);
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("zh-CN");
    await page.getByRole("button", { name: "退出登录" }).click();
    await page.waitForURL(/\/signin\?signedOut=1$/);
    await expect(page.getByRole("status").textContent()).resolves.toBe("你已退出登录。");
    await expect(page.getByRole("banner").getByRole("link", { name: "登录" }).count()).resolves.toBe(1);

    expect((await context.cookies()).some((c) => c.name === SESSION_COOKIE)).toBe(false);
    expect(sessionVersion("out-zh@example.com")).toBe(before + 1);
    await expectRefused(cookies);
    await context.close();
  });

  it("ignores a sign-out posted from another site, with or without JavaScript", async () => {
    const { context, cookies } = await signedIn("victim-out@example.com", "Victim");
    const before = sessionVersion("victim-out@example.com");
    const cookie = cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    const id = actionId("app/_components/sign-out-action.ts", "signOutAction");

    // What a form on another site posts (no JavaScript: the action id is a form field).
    const form = new FormData();
    form.set(`$ACTION_ID_${id}`, "");
    const plain = await fetch(`${server.baseURL}/review`, { method: "POST", redirect: "manual", headers: { cookie, origin: "https://evil.example" }, body: form });
    expect(plain.status).toBe(403);
    expect(plain.headers.get("set-cookie") ?? "").not.toContain(SESSION_COOKIE);
    // The same post from a script on another site.
    const scripted = await fetch(`${server.baseURL}/review`, { method: "POST", redirect: "manual", headers: { cookie, origin: "https://evil.example", "Next-Action": id }, body: form });
    expect(scripted.status).toBe(403);

    expect(sessionVersion("victim-out@example.com")).toBe(before);
    const page = await context.newPage();
    await page.goto(`${server.baseURL}/review`);
    expect(new URL(page.url()).pathname).toBe("/review");
    await context.close();
  });
});
