import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import Database from "better-sqlite3";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, signUpInBrowser } from "../helpers/browser";
import { startServer, type RunningServer } from "../helpers/server";
import { authorEdits } from "../unit/deck/author-edits";

/**
 * An author adds a kubelet duty nobody has translated yet and re-seeds: the English side of its
 * cards shows the Chinese under a visible "Not translated yet" badge, and no other duty's English.
 */
const enabled = inject("browserTests");
let server: RunningServer;
let browser: Browser;
let db: Database.Database;
let seedOutput: { stdout: string; stderr: string };

const NEW_DUTY = "向 API server 注册节点";

beforeAll(async () => {
  if (!enabled) return;
  server = await startServer();
  const dir = mkdtempSync(path.join(os.tmpdir(), "kubecards-untranslated-"));
  const note = path.join(dir, "k8s-basics.md");
  writeFileSync(note, authorEdits.insertDuty(readFileSync("seed/k8s-basics.md", "utf8")));
  const r = spawnSync(path.resolve("node_modules/.bin/tsx"), ["seed/load.ts", note], {
    env: { ...process.env, DATABASE_URL: server.databaseUrl },
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`re-seed failed:\n${r.stdout}\n${r.stderr}`);
  seedOutput = r;
  db = new Database(server.databaseUrl.slice("file:".length));
  browser = await launchBrowser();
});

afterAll(async () => {
  db?.close();
  await browser?.close();
  await server?.stop();
});

const cardWhere = (sql: string, ...args: string[]) => db.prepare(`select id, key from Card where retiredAt is null and ${sql}`).get(...args) as { id: string; key: string };

describe.runIf(enabled)("a point without curated English", () => {
  let page: Page;

  it("is reported by the seed with its line and text", () => {
    expect(seedOutput.stderr).toMatch(new RegExp(`line \\d+: no English yet for '${NEW_DUTY}'`));
    expect(seedOutput.stdout).toMatch(/\badded 1\b[^\n]*\n\[deck\]   added: component:kubelet:duty:/);
    expect(seedOutput.stdout).toMatch(/retired 0/);
  });

  it("shows its Chinese, marked, on the English side; every other duty keeps its English", async () => {
    const context = await browser.newContext({ locale: "en-US" });
    page = await context.newPage();
    await signUpInBrowser(page, server.baseURL, "translator@example.com", "Translator");

    const duty = cardWhere("key like 'component:kubelet:duty:%' and frontZh like ?", `%${NEW_DUTY}%`);
    await page.goto(`${server.baseURL}/decks/cards/${duty.id}`);
    const front = page.locator("[data-testid=card-mine] [data-testid=card-front]");
    await expect(front.textContent()).resolves.toContain("Which component does this describe?");
    const badge = front.getByTestId("not-translated");
    await expect(badge.count()).resolves.toBe(1);
    await expect(badge.textContent()).resolves.toBe("Not translated yet");
    await expect(badge.isVisible()).resolves.toBe(true);
    await expect(front.locator("span[lang=zh-CN]").textContent()).resolves.toBe(NEW_DUTY);

    const role = cardWhere("key = 'component:kubelet:role'");
    await page.goto(`${server.baseURL}/decks/cards/${role.id}`);
    const back = page.locator("[data-testid=card-mine] [data-testid=card-back]");
    await expect(back.getByTestId("not-translated").count()).resolves.toBe(1);
    const text = await back.textContent();
    expect(text).toContain("Is the primary node agent");
    expect(text).toContain("Watches the Pods that have been assigned to its node");
    expect(text).toContain("Runs container health checks periodically");

    // The card list flags it too, and only it among the kubelet duties.
    await page.goto(`${server.baseURL}/decks/browse?q=${encodeURIComponent("kubelet")}`);
    const flagged = page.locator("[data-testid=card-row]:has([data-testid=not-translated])");
    await expect(flagged.evaluateAll((rows) => rows.map((r) => r.getAttribute("data-card-key")))).resolves.toEqual(
      expect.arrayContaining([duty.key, "component:kubelet:role"]),
    );
    await expect(page.locator(`[data-card-key="component:kubelet:duty:health-checks"] [data-testid=not-translated]`).count()).resolves.toBe(0);

    // A translated card carries no badge.
    const other = cardWhere("key = 'component:kubelet:duty:watch-assigned-pods'");
    await page.goto(`${server.baseURL}/decks/cards/${other.id}`);
    await expect(page.getByTestId("not-translated").count()).resolves.toBe(0);
  });

  it("in the Chinese interface the Chinese side has no badge, and the English side's badge is in Chinese", async () => {
    const duty = cardWhere("key like 'component:kubelet:duty:%' and frontZh like ?", `%${NEW_DUTY}%`);
    await page.getByTestId("language-switch").selectOption("zh-CN");
    await page.waitForFunction(() => document.documentElement.lang === "zh-CN");
    await page.goto(`${server.baseURL}/decks/cards/${duty.id}`);
    await expect(page.locator("[data-testid=card-mine] [data-testid=not-translated]").count()).resolves.toBe(0);
    const badge = page.locator("[data-testid=card-other] [data-testid=not-translated]").first();
    await expect(badge.textContent()).resolves.toBe("尚未翻译");
    await expect(badge.getAttribute("lang")).resolves.toBe("zh-CN");
  });
});
