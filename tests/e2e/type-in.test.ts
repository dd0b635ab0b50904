import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import Database from "better-sqlite3";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, signUpInBrowser, reviewSaved } from "../helpers/browser";
import { startServer, type RunningServer } from "../helpers/server";

const enabled = inject("browserTests");
let server: RunningServer;
let browser: Browser;
let page: Page;
const db = () => new Database(server.databaseUrl.slice("file:".length), { readonly: true });
/** Found only in the typed checker's script: the option names lib/core/quiz/typed.ts passes pinyin-pro. */
const JUDGE_MARK = "nonZh";

describe.runIf(enabled)("typing the answer on a review card", () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const context = await browser.newContext({ locale: "en-US", viewport: { width: 360, height: 740 }, hasTouch: true });
    page = await context.newPage();
    await signUpInBrowser(page, server.baseURL, "typist@example.com", "Typist");
    await page.goto(`${server.baseURL}/settings`);
    await page.getByLabel("New cards per day").fill("40");
    await page.getByTestId("settings-type-answers").check();
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.waitForSelector("[data-testid=settings-saved]");
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("types a component's name with a typo, sees the comparison and the suggested grade, and takes it with Enter", async () => {
    // Every script the page loads, and whether it is the typed checker's (pinyin-pro's option names).
    const scripts: Promise<boolean>[] = [];
    page.on("response", (r) => {
      if (r.request().resourceType() === "script") scripts.push(r.text().then((t) => t.includes(JUDGE_MARK), () => false));
    });
    const posts: string[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST") posts.push(r.url());
    });
    await page.goto(`${server.baseURL}/review`);
    await page.getByTestId("review-card").waitFor();
    await reviewSaved(page);
    await page.waitForLoadState("networkidle");
    // The page and what it loads once interactive (the schedule engine, storage), without the checker.
    const atLoad = scripts.length;
    expect(atLoad).toBeGreaterThan(0);
    expect(await page.getByTestId("type-in").count()).toBe(0);
    expect((await Promise.all(scripts)).some(Boolean)).toBe(false);
    // Cards whose answer is a sentence show the answer as before; the first duty card asks for typing.
    for (let i = 0; i < 40 && (await page.getByTestId("type-in").count()) === 0; i++) {
      const id = await page.getByTestId("review-card").getAttribute("data-card-id");
      await page.keyboard.press("Space");
      await page.getByTestId("card-back").waitFor();
      await page.keyboard.press("5");
      await page.waitForFunction((before) => document.querySelector("[data-testid=review-card]")?.getAttribute("data-card-id") !== before, id);
    }
    const cardId = (await page.getByTestId("review-card").getAttribute("data-card-id"))!;
    const key = (db().prepare("select key from Card where id = ?").get(cardId) as { key: string }).key;
    expect(key).toMatch(/^component:kubelet:duty:/);
    // The checker loads once a card asks for typing.
    await expect.poll(async () => (await Promise.all(scripts.slice(atLoad))).some(Boolean)).toBe(true);
    await reviewSaved(page);
    posts.length = 0;
    // Digits typed into the answer are text, not grades.
    await page.getByTestId("type-in-answer").pressSequentially("kublet");
    await page.keyboard.press("Enter");
    await page.getByTestId("type-in-result").waitFor();
    // Checked in the browser: nothing was sent.
    expect(posts).toEqual([]);
    await expect(page.getByTestId("type-in-result").getAttribute("data-correct")).resolves.toBe("true");
    await expect(page.getByTestId("type-in-expected").textContent()).resolves.toContain("kubelet");
    await expect(page.locator("[data-suggested=true]").getAttribute("data-grade")).resolves.toBe("4");
    // The suggested grade has focus: Enter grades it; the learner could press another digit instead.
    await page.keyboard.press("Enter");
    await page.waitForFunction((before) => document.querySelector("[data-testid=review-card]")?.getAttribute("data-card-id") !== before, cardId);
    await reviewSaved(page);
    const logged = db().prepare("select grade from ReviewLog where cardId = ? and undoneAt is null").all(cardId) as { grade: number }[];
    expect(logged).toEqual([{ grade: 4 }]);
  });
});
