import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchBrowser } from "../helpers/browser";
import { startServer, type RunningServer } from "../helpers/server";
import { dayStart } from "@/lib/core/srs/days";
import { syntheticHistory } from "../unit/stats/synthetic-learner";

const enabled = inject("browserTests");
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const TZ = "America/Los_Angeles";
const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00"); // as Prisma's SQLite adapter writes DateTime

async function signUp(email: string) {
  await page.goto(`${server.baseURL}/signup`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Display name").fill("Predictor");
  await page.getByLabel("Password").fill("correct horse battery");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(`${server.baseURL}/`);
}

/** A learner's history written straight into the server's SQLite file. */
function writeHistory(email: string, cardsWanted: number, reviewsPerCard: number) {
  const sqlite = new Database(server.databaseUrl.slice("file:".length));
  try {
    const { id: userId, rolloverHour } = sqlite.prepare("select id, rolloverHour from User where email = ?").get(email) as { id: string; rolloverHour: number };
    const cards = (sqlite.prepare("select id from Card where retiredAt is null order by position limit ?").all(cardsWanted) as { id: string }[]).map((c) => c.id);
    const insert = sqlite.prepare(`insert into ReviewLog (id, userId, cardId, grade, origin, kind, repsBefore, easeBefore, intervalBefore, dueBefore, lapsesBefore,
      repsAfter, easeAfter, intervalAfter, dueAfter, lapsesAfter, reviewedAt, durationMs, requestId, undoneAt)
      values (?, ?, ?, ?, 'review', 'review', 0, 2.5, 0, null, 0, 1, 2.5, 1, ?, 0, ?, 1000, ?, null)`);
    const events = syntheticHistory({ model: "fsrs", cards: cardsWanted, reviewsPerCard, seed: 4, start: "2025-01-01" });
    sqlite.transaction(() => {
      for (const e of events) {
        const at = iso(dayStart(e.day, TZ, rolloverHour).getTime() + 5 * 3_600_000);
        insert.run(randomUUID(), userId, cards[Number(e.cardKey.slice(5))], e.grade, at, at, randomUUID());
      }
    })();
  } finally {
    sqlite.close();
  }
}

describe.runIf(enabled)("Progress: how well the schedule predicts the learner's memory", () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("says how many reviews are missing while there are too few", async () => {
    context = await browser.newContext({ locale: "en-US", timezoneId: TZ, viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    await signUp("few@example.com");
    writeHistory("few@example.com", 10, 3); // 20 scored reviews
    await page.goto(`${server.baseURL}/progress`);
    const empty = page.getByTestId("prediction-empty");
    await empty.waitFor();
    await expect(empty.textContent()).resolves.toContain("This needs 50 reviews of cards you had seen before");
    await expect(empty.textContent()).resolves.toContain("You have 20.");
    await context.close();
  });

  it("shows both schedules' figures, the calibration chart and its table, on a phone and in Chinese", async () => {
    context = await browser.newContext({ locale: "en-US", timezoneId: TZ, viewport: { width: 360, height: 800 } });
    page = await context.newPage();
    await signUp("many@example.com");
    writeHistory("many@example.com", 60, 8); // 420 scored reviews
    const sqlite = new Database(server.databaseUrl.slice("file:".length));
    sqlite.prepare("update User set locale = 'zh-CN' where email = ?").run("many@example.com");
    sqlite.close();
    await page.goto(`${server.baseURL}/progress`);
    const section = page.getByTestId("progress-prediction");
    await section.getByTestId("prediction-verdict").waitFor();
    await expect(section.locator("h2").textContent()).resolves.toBe("你的复习计划对记忆的预测有多准？");
    // The simulated memory follows FSRS: the verdict names it.
    await expect(section.getByTestId("prediction-verdict").getAttribute("data-better")).resolves.toBe("fsrs");
    for (const metric of ["logLoss", "rmseBins", "auc"]) {
      for (const algorithm of ["sm2", "fsrs"]) {
        const cell = await section.locator(`tr[data-metric=${metric}] td[data-algorithm=${algorithm}]`).textContent();
        expect(cell).toMatch(/^\d\.\d{3}$/);
      }
    }
    const chart = section.locator("svg[role=img]:visible");
    expect(await chart.count()).toBe(1);
    await expect(page.locator(`[id="${await chart.getAttribute("aria-labelledby")}"]`).textContent()).resolves.not.toBe("");
    await section.getByTestId("calibration-table").locator("summary").click();
    expect(await section.getByTestId("calibration-row").count()).toBe(10);
    // Nothing runs off a 360 px screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await section.screenshot({ path: "/tmp/kubecards-prediction-zh-360.png" });
    await context.close();
  });
});
