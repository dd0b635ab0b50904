import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import Database from "better-sqlite3";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchBrowser, signUpInBrowser } from "../helpers/browser";
import { startServer, type RunningServer } from "../helpers/server";
import { actionId, postAction } from "../helpers/actions";

const enabled = inject("browserTests");
let server: RunningServer;
let browser: Browser;

function sqlite(): Database.Database {
  return new Database(server.databaseUrl.slice("file:".length));
}

const signUp = (page: Page, email: string, name: string, password?: string) => signUpInBrowser(page, server.baseURL, email, name, password);

describe.runIf(enabled)("accounts in the browser", () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    context = await browser.newContext({ locale: "en-US", timezoneId: "Asia/Shanghai" });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("signs up, signs out for good, protects pages, rejects a wrong password and signs in back to the page asked for", async () => {
    await signUp(page, "Ada@Example.com", "Ada Lovelace");
    await expect(page.getByTestId("home-welcome").textContent()).resolves.toContain("Ada Lovelace");
    const row = sqlite().prepare("select email, timeZone, locale from User").get();
    expect(row).toEqual({ email: "ada@example.com", timeZone: "Asia/Shanghai", locale: "en" });

    const oldCookies = await context.cookies();
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/signin\?signedOut=1/);

    await page.goto(`${server.baseURL}/settings`);
    expect(new URL(page.url()).pathname).toBe("/signin");
    expect(new URL(page.url()).searchParams.get("callbackUrl")).toBe("/settings");

    // The old session cookie must not work after sign-out.
    await context.addCookies(oldCookies);
    await page.goto(`${server.baseURL}/settings`);
    expect(new URL(page.url()).pathname).toBe("/signin");

    await context.clearCookies();
    await page.goto(`${server.baseURL}/signin?callbackUrl=%2Fsettings`);
    await page.getByLabel("Email").fill("ada@example.com");
    await page.getByLabel("Password").fill("wrong password!");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("signin-error").textContent()).resolves.toBe("Wrong email or password.");

    await page.getByLabel("Email").fill("nobody@example.com");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForFunction(() => document.querySelector("[data-testid=signin-error]")?.textContent === "Wrong email or password.");

    await page.getByLabel("Email").fill("ADA@example.com ");
    await page.getByLabel("Password").fill("correct horse battery");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${server.baseURL}/settings`);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Settings");
  });

  it("shows a taken email on the sign-up form", async () => {
    const other = await browser.newContext({ locale: "en-US" });
    const p = await other.newPage();
    await p.goto(`${server.baseURL}/signup`);
    await p.getByLabel("Email").fill("ada@example.com");
    await p.getByLabel("Display name").fill("Someone");
    await p.getByLabel("Password").fill("another password");
    await p.getByRole("button", { name: "Create account" }).click();
    await p.waitForSelector("[data-field-error=email]");
    await expect(p.locator("[data-field-error=email]").textContent()).resolves.toBe("An account with this email already exists.");
    await other.close();
  });

  it("switches the language, keeps it on the account, and validates settings on the field", async () => {
    await page.goto(`${server.baseURL}/settings`);
    await page.getByTestId("language-switch").selectOption("zh-CN");
    await page.waitForFunction(() => document.documentElement.lang === "zh-CN");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("设置");
    await expect(page.getByRole("link", { name: "复习" }).count()).resolves.toBe(1);
    expect(sqlite().prepare("select locale from User where email = ?").get("ada@example.com")).toEqual({ locale: "zh-CN" });

    // A fresh browser that prefers English still gets Chinese once signed in: the choice lives on the account.
    const fresh = await browser.newContext({ locale: "en-US" });
    const p = await fresh.newPage();
    await p.goto(`${server.baseURL}/signin`);
    await expect(p.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Sign in");
    await p.getByLabel("Email").fill("ada@example.com");
    await p.getByLabel("Password").fill("correct horse battery");
    await p.getByRole("button", { name: "Sign in" }).click();
    await p.waitForURL(`${server.baseURL}/`);
    await expect(p.locator("html").getAttribute("lang")).resolves.toBe("zh-CN");
    await fresh.close();

    await page.getByLabel("每日新卡片数").fill("-3");
    await page.getByRole("button", { name: "保存" }).click();
    await page.waitForSelector("[data-field-error=newPerDay]");
    await expect(page.locator("[data-field-error=newPerDay]").textContent()).resolves.toBe("请选择 0 到 500 之间的数。");
    expect(sqlite().prepare("select newPerDay from User where email = ?").get("ada@example.com")).toEqual({ newPerDay: 20 });
  });

  it("a Chinese browser gets Chinese before signing in", async () => {
    const zh = await browser.newContext({ locale: "zh-CN" });
    const p = await zh.newPage();
    await p.goto(`${server.baseURL}/signin`);
    await expect(p.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("登录");
    await zh.close();
  });

  it("refuses a server action without a session and ignores a forged user id", async () => {
    const victim = await browser.newContext({ locale: "en-US" });
    const vp = await victim.newPage();
    await signUp(vp, "victim@example.com", "Victim");
    await victim.close();
    const victimId = (sqlite().prepare("select id from User where email = ?").get("victim@example.com") as { id: string }).id;

    const setLocale = actionId("app/_components/locale-action.ts", "setLocaleAction");
    const anonymous = await postAction(server.baseURL, "/", setLocale, [{ locale: "zh-CN", userId: victimId }]);
    expect(anonymous.status).toBeLessThan(500);
    expect(anonymous.text).toContain('"error":"bad-input"');

    // The settings form, posted by a signed-in learner with another learner's id slipped in.
    await page.goto(`${server.baseURL}/settings`);
    await page.evaluate((id) => {
      const form = document.querySelector("form")!;
      for (const [name, value] of [["userId", id], ["id", id]]) {
        const input = document.createElement("input");
        input.type = "hidden";
        input.name = name;
        input.value = value;
        form.appendChild(input);
      }
    }, victimId);
    await page.getByLabel("显示名称").fill("Mallory");
    await page.getByLabel("每日新卡片数").fill("15");
    await page.getByRole("button", { name: "保存" }).click();
    await page.waitForSelector("[data-testid=settings-saved]");
    const rows = sqlite().prepare("select email, name from User where email in ('victim@example.com', 'ada@example.com') order by email").all();
    expect(rows).toEqual([
      { email: "ada@example.com", name: "Mallory" },
      { email: "victim@example.com", name: "Victim" },
    ]);

    // No cookie at all: the same settings action is refused and nothing changes.
    const save = actionId("app/(app)/settings/actions.ts", "saveSettingsAction");
    const res = await postAction(server.baseURL, "/settings", save, [{ ok: false, errors: {} }, { name: "Owned" }]);
    expect(res.status).toBeLessThan(500);
    expect(sqlite().prepare("select count(*) as n from User where name = 'Owned'").get()).toEqual({ n: 0 });
  });
});
