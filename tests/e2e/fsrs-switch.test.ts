import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import Database from "better-sqlite3";
import type { Browser, Page } from "playwright-core";
import { checkReviewStates } from "@/lib/ops/replay";
import { launchBrowser, signUpInBrowser, reviewSaved } from "../helpers/browser";
import { startServer, type RunningServer } from "../helpers/server";

const enabled = inject("browserTests");
let server: RunningServer;
let browser: Browser;
let page: Page;

const db = () => new Database(server.databaseUrl.slice("file:".length), { readonly: true });

async function chooseAlgorithm(algorithm: "sm2" | "fsrs", retention?: string) {
  await page.goto(`${server.baseURL}/settings`);
  await page.getByTestId(`algorithm-${algorithm}`).check();
  if (retention) await page.getByLabel("Desired retention (FSRS)").fill(retention);
  // Fits a 360 px phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.getByTestId("algorithm-save").click();
  await page.getByTestId("algorithm-saved").waitFor();
}

async function reveal() {
  await page.goto(`${server.baseURL}/review`);
  await page.getByTestId("review-card").waitFor();
  await page.keyboard.press("Space");
  await page.getByTestId("card-back").waitFor();
}

/**
 * Issue 18 in a real browser on a 360 px phone: choose FSRS in Settings, see four buttons whose
 * intervals are the ones a grade then commits, grade by key, switch back to SM-2; every stored
 * state stays equal to the replay of its log throughout.
 */
describe.runIf(enabled)("choosing FSRS in Settings and back", () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const context = await browser.newContext({ locale: "en-US", timezoneId: "Europe/Berlin", viewport: { width: 360, height: 740 } });
    page = await context.newPage();
    await signUpInBrowser(page, server.baseURL, "fsrs@example.com", "Fsrs");
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("shows four buttons with the intervals it commits, grades by key 1–4, and switches back to SM-2 exactly", async () => {
    // Some SM-2 history first, so the switch has something to convert.
    await reveal();
    await page.keyboard.press("5");
    await page.waitForFunction(() => document.querySelectorAll("[data-testid=review-card]").length === 1);
    await reviewSaved(page);

    await chooseAlgorithm("fsrs", "0.85");
    const user = db().prepare(`select algorithm, desiredRetention from "User"`).get() as { algorithm: string; desiredRetention: number };
    expect(user).toEqual({ algorithm: "fsrs", desiredRetention: 0.85 });
    const converted = db().prepare(`select stability, difficulty from "ReviewState"`).all() as { stability: number | null; difficulty: number | null }[];
    expect(converted.length).toBe(1);
    expect(converted[0].stability).toBeGreaterThan(0);

    await reveal();
    const group = page.locator("fieldset[data-algorithm=fsrs]");
    await group.waitFor();
    const buttons = group.locator("button[data-grade]");
    expect(await buttons.count()).toBe(4);
    expect(await buttons.evaluateAll((bs) => bs.map((b) => b.getAttribute("data-grade")))).toEqual(["1", "3", "4", "5"]);
    await expect.poll(() => group.locator("text=Good").count()).toBeGreaterThan(0);
    const shown = await page.getByTestId("interval-4").innerText();
    // Nothing wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    const cardId = (await page.getByTestId("review-card").getAttribute("data-card-id"))!;
    // 0 and 5 are no FSRS keys: the card's only row below is the Good pressed after them.
    await page.keyboard.press("0");
    await page.keyboard.press("5");
    await page.keyboard.press("3"); // Good
    await page.waitForFunction((before) => document.querySelector("[data-testid=review-card]")?.getAttribute("data-card-id") !== before || !!document.querySelector("[data-testid=review-summary]"), cardId);
    await reviewSaved(page);
    const row = db().prepare(`select grade, algorithm, intervalAfter, stabilityAfter from "ReviewLog" where cardId = ? order by reviewedAt desc limit 1`).get(cardId) as {
      grade: number; algorithm: string; intervalAfter: number; stabilityAfter: number;
    };
    expect(db().prepare(`select count(*) as n from "ReviewLog" where cardId = ?`).get(cardId)).toEqual({ n: 1 });
    expect(row.grade).toBe(4);
    expect(row.algorithm).toBe("fsrs");
    expect(row.stabilityAfter).toBeGreaterThan(0);
    expect(shown).toContain(`${row.intervalAfter} d`); // preview = commit
    expect(checkReviewStates(db()).mismatches).toEqual([]);

    await chooseAlgorithm("sm2");
    const back = db().prepare(`select stability, intervalDays from "ReviewState"`).all() as { stability: number | null; intervalDays: number }[];
    expect(back.every((s) => s.stability === null)).toBe(true);
    expect(back.every((s) => s.intervalDays === 1)).toBe(true); // SM-2: a first answer of 4 or 5 gives 1 day
    expect(checkReviewStates(db()).mismatches).toEqual([]);
    await reveal();
    expect(await page.locator("fieldset[data-algorithm=sm2] button[data-grade]").count()).toBe(6);
  });

  it("says it all in Chinese too: the scheduling choice and the four buttons", async () => {
    await page.goto(`${server.baseURL}/settings`);
    await page.locator("form select[name=locale]").selectOption("zh-CN");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.getByTestId("settings-saved").waitFor();
    await page.goto(`${server.baseURL}/settings`);
    await page.getByRole("heading", { name: "复习排程" }).waitFor();
    await page.getByTestId("algorithm-fsrs").check();
    await page.getByRole("button", { name: "应用排程" }).click();
    await page.getByTestId("algorithm-saved").waitFor();
    await reveal();
    const group = page.locator("fieldset[data-algorithm=fsrs]");
    expect(await group.locator("legend").innerText()).toBe("你记得怎么样？ 按键 1–4");
    expect(await group.locator("button[data-grade]").count()).toBe(4);
    const names = { 1: "重来", 3: "困难", 4: "良好", 5: "简单" };
    for (const [grade, name] of Object.entries(names)) expect(await group.locator(`button[data-grade="${grade}"]`).innerText()).toContain(name);
    expect(await group.getByTestId("interval-4").innerText()).toMatch(/^\d+(\.\d)?(天|个月|年)$/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });
});
