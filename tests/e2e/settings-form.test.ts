import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import Database from "better-sqlite3";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, signUpInBrowser } from "../helpers/browser";
import { startServer, type RunningServer } from "../helpers/server";

const enabled = inject("browserTests");
let server: RunningServer;
let browser: Browser;
let page: Page;

function account(): { name: string; locale: string; timeZone: string; newPerDay: number; rolloverHour: number } {
  const db = new Database(server.databaseUrl.slice("file:".length), { readonly: true });
  try {
    return db.prepare("select name, locale, timeZone, newPerDay, rolloverHour from User where email = ?").get("settings@example.com") as ReturnType<typeof account>;
  } finally {
    db.close();
  }
}

const field = (name: string) => page.locator(`main form [name=${name}]`);

describe.runIf(enabled)("the settings form", () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await (await browser.newContext({ locale: "en-US", timezoneId: "UTC" })).newPage();
    await signUpInBrowser(page, server.baseURL, "settings@example.com", "Settings Learner");
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("follows a language switched in the header, so saving the name keeps the new language", async () => {
    await page.goto(`${server.baseURL}/settings`);
    await expect(field("locale").inputValue()).resolves.toBe("en");
    await field("name").fill("Renamed in the middle");
    await page.getByTestId("language-switch").selectOption("zh-CN");
    await page.waitForFunction(() => document.documentElement.lang === "zh-CN");
    await page.waitForFunction(() => (document.querySelector("main form [name=locale]") as HTMLSelectElement | null)?.value === "zh-CN");
    // What was being typed survives the switch.
    await expect(field("name").inputValue()).resolves.toBe("Renamed in the middle");

    await page.getByRole("button", { name: "保存" }).click();
    await page.getByTestId("settings-saved").waitFor();
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("zh-CN");
    expect(account()).toMatchObject({ name: "Renamed in the middle", locale: "zh-CN" });
  });

  it("keeps everything typed when a save is refused, and writes nothing", async () => {
    await page.goto(`${server.baseURL}/settings`);
    const before = account();
    await field("name").fill("Kept name");
    await field("timeZone").selectOption("Asia/Tokyo");
    await field("rolloverHour").selectOption("6");
    await field("newPerDay").fill("-3");
    await page.getByRole("button", { name: "保存" }).click();
    await page.locator("[data-field-error=newPerDay]").waitFor();
    await expect(field("name").inputValue()).resolves.toBe("Kept name");
    await expect(field("timeZone").inputValue()).resolves.toBe("Asia/Tokyo");
    await expect(field("rolloverHour").inputValue()).resolves.toBe("6");
    await expect(field("newPerDay").inputValue()).resolves.toBe("-3");
    expect(account()).toEqual(before);

    // Corrected, the same values are saved.
    await field("newPerDay").fill("15");
    await page.getByRole("button", { name: "保存" }).click();
    await page.getByTestId("settings-saved").waitFor();
    expect(account()).toMatchObject({ name: "Kept name", timeZone: "Asia/Tokyo", rolloverHour: 6, newPerDay: 15 });
  });

  it("shows the name's limit instead of silently stopping at 60 characters", async () => {
    await page.goto(`${server.baseURL}/settings`);
    const name = field("name");
    await name.fill("");
    await name.pressSequentially("x".repeat(61));
    // Every key arrived; the count and the error say what is wrong.
    await expect(name.inputValue()).resolves.toHaveLength(61);
    await expect(name.getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(page.locator("[data-field-error=name]").textContent()).resolves.toBe("名称最多 60 个字符。");
    await page.getByText("61 / 60 个字符").waitFor();
    const answered = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/settings");
    await page.getByRole("button", { name: "保存" }).click();
    await answered;
    await page.waitForFunction(() => document.querySelector("main form button[type=submit]")?.textContent === "保存");
    await expect(page.getByTestId("settings-saved").count()).resolves.toBe(0);
    expect(account().name).toBe("Kept name");

    // One character less and the error goes; the count follows.
    await name.press("End");
    await name.press("Backspace");
    await page.locator("[data-field-error=name]").waitFor({ state: "detached" });
    await page.getByText("60 / 60 个字符").waitFor();
  });
});
