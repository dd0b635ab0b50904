import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import Database from "better-sqlite3";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchBrowser, signUpInBrowser } from "../helpers/browser";
import { startServer, type RunningServer } from "../helpers/server";

const enabled = inject("browserTests");
let server: RunningServer;
let browser: Browser;
let db: Database.Database;

const TOPIC_NAMES = { components: "Components", networking: "Networking", cni: "CNI", "pod-network": "Pod network", overview: "Overview" } as const;

const signUp = (page: Page, email: string, name: string, password?: string) => signUpInBrowser(page, server.baseURL, email, name, password);

function cardId(key: string): string {
  return (db.prepare("select id from Card where key = ?").get(key) as { id: string }).id;
}

/** Waits until the element's text contains `text` (client navigations render after the URL changes). */
async function waitForText(page: Page, selector: string, text: string) {
  await page.waitForFunction(
    ([sel, want]) => document.querySelector(sel)?.textContent?.includes(want) ?? false,
    [selector, text] as const,
  );
}

describe.runIf(enabled)("the Decks pages in the browser", () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    db = new Database(server.databaseUrl.slice("file:".length));
    browser = await launchBrowser();
    context = await browser.newContext({ locale: "en-US", timezoneId: "Asia/Shanghai" });
    page = await context.newPage();
    await signUp(page, "deck-reader@example.com", "Deck Reader");
  });

  afterAll(async () => {
    db?.close();
    await browser?.close();
    await server?.stop();
  });

  it("shows the deck with its card count per topic", async () => {
    await page.goto(`${server.baseURL}/decks`);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Decks");
    const rows = db.prepare("select topic, count(*) as n from Card where retiredAt is null group by topic").all() as { topic: string; n: number }[];
    const counts = Object.fromEntries(rows.map((r) => [r.topic, r.n]));
    expect(Object.keys(counts).sort()).toEqual(Object.keys(TOPIC_NAMES).sort());
    for (const [topic, name] of Object.entries(TOPIC_NAMES)) {
      const tile = page.getByTestId(`topic-${topic}`);
      await expect(tile.textContent()).resolves.toContain(name);
      await expect(tile.getByTestId("topic-count").textContent()).resolves.toBe(`${counts[topic]} cards`);
      await expect(tile.getByTestId("topic-stats").textContent()).resolves.toBe("0 started · 0 due today");
    }
    const total = rows.reduce((n, r) => n + r.n, 0);
    await expect(page.getByTestId("deck-total").textContent()).resolves.toBe(String(total));
  });

  it("filters by topic, searches, shows an empty state, and opens the kube-proxy card", async () => {
    const networking = (db.prepare("select count(*) as n from Card where retiredAt is null and topic = 'networking'").get() as { n: number }).n;
    await page.goto(`${server.baseURL}/decks`);
    await page.getByTestId("topic-networking").click();
    await page.waitForURL(`${server.baseURL}/decks/browse?topic=networking`);
    await waitForText(page, "h1", "Networking");
    await expect(page.getByTestId("result-count").textContent()).resolves.toBe(`${networking} cards`);
    await expect(page.getByTestId("card-row").count()).resolves.toBe(networking);
    await expect(page.getByRole("link", { name: "Networking", exact: true }).getAttribute("aria-current")).resolves.toBe("page");

    // The search keeps the topic: kube-proxy's cards are components, so nothing matches here.
    await page.getByLabel("Search cards").fill("kube-proxy");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await page.waitForURL(/\/decks\/browse\?topic=networking&q=kube-proxy$/);
    await waitForText(page, "[data-testid=browse-empty]", "No cards match “kube-proxy” in Networking.");
    await expect(page.getByTestId("card-row").count()).resolves.toBe(0);

    await page.getByRole("link", { name: "Search all topics for “kube-proxy”" }).click();
    await page.waitForURL(`${server.baseURL}/decks/browse?q=kube-proxy`);
    await waitForText(page, "[data-testid=result-count]", "3 cards match “kube-proxy”");
    const keys = await page.getByTestId("card-row").evaluateAll((els) => els.map((e) => e.getAttribute("data-card-key")));
    expect(keys).toEqual(["component:kube-proxy:role", "component:kube-proxy:placement", "component:kube-proxy:duty:service-abstraction"]);

    await page.locator('[data-card-key="component:kube-proxy:role"]').click();
    await page.waitForURL(`${server.baseURL}/decks/cards/${cardId("component:kube-proxy:role")}`);
    await waitForText(page, "[data-testid=card-mine] [data-testid=card-front]", "What does kube-proxy do?");
    await expect(page.locator("[data-testid=card-mine] [data-testid=card-back]").textContent()).resolves.toContain("maintaining network rules on the host");
    const source = await page.getByTestId("card-source").textContent();
    // In the reader's language, with the note's own headings on request; no repository path.
    expect(source).toContain("Kubernetes basics › 1. Components › 1.3 The components › kube-proxy, line ");
    expect(source).toMatch(/line \d+/);
    expect(source).not.toMatch(/\p{Script=Han}|seed\//u);
    const original = page.getByTestId("card-source-original");
    await expect(original.isVisible()).resolves.toBe(false);
    await page.getByText("Show where it is in the original note (Chinese)").click();
    await expect(original.textContent()).resolves.toBe("K8s基本 › 1. 组件 › 1.3 K8s 组件介绍 › kube-proxy");
    await expect(page.getByTestId("not-studied").textContent()).resolves.toBe("Not studied yet.");
    await expect(page.locator("[data-testid=card-mine] [role=note]").count()).resolves.toBe(0);
  });

  it("finds cards by their Chinese text too", async () => {
    await page.goto(`${server.baseURL}/decks/browse?q=${encodeURIComponent("网络规则")}`);
    await expect(page.getByTestId("result-count").textContent()).resolves.toBe("3 cards match “网络规则”");
  });

  it("shows the learner's own progress on a card, never another learner's", async () => {
    const me = (db.prepare("select id from User where email = ?").get("deck-reader@example.com") as { id: string }).id;
    const other = await browser.newContext({ locale: "en-US" });
    await signUp(await other.newPage(), "someone-else@example.com", "Someone Else");
    await other.close();
    const otherId = (db.prepare("select id from User where email = ?").get("someone-else@example.com") as { id: string }).id;
    const card = cardId("component:kube-proxy:role");
    const insert = db.prepare(
      `insert into ReviewState (id, userId, cardId, repetitions, easiness, intervalDays, dueAt, lapses, lastReviewedAt, introducedAt, version)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)`,
    );
    insert.run("e2e-other-state", otherId, card, 9, 1.3, 77, "2030-01-01T00:00:00.000+00:00", 5, "2026-01-01T00:00:00.000+00:00", "2026-01-01T00:00:00.000+00:00");

    await page.goto(`${server.baseURL}/decks/cards/${card}`);
    await expect(page.getByTestId("not-studied").textContent()).resolves.toBe("Not studied yet.");

    insert.run("e2e-my-state", me, card, 3, 2.36, 12, "2030-01-01T00:00:00.000+00:00", 1, "2026-01-01T00:00:00.000+00:00", "2026-01-01T00:00:00.000+00:00");
    await page.reload();
    const progress = await page.getByTestId("card-progress").textContent();
    expect(progress).toContain("12 days");
    expect(progress).toContain("2.36");
    expect(progress).not.toContain("77 days");
    await expect(page.getByTestId("not-studied").count()).resolves.toBe(0);
  });

  it("shows the kubelet correction note, the other language on request, and the Chinese side first in Chinese", async () => {
    const id = cardId("component:kubelet:placement");
    await page.goto(`${server.baseURL}/decks/cards/${id}`);
    await expect(page.locator("[data-testid=card-mine] [data-testid=card-front]").textContent()).resolves.toContain("Where does kubelet run");
    const note = page.locator("[data-testid=card-mine] [role=note]");
    await expect(note.count()).resolves.toBe(1);
    await expect(note.textContent()).resolves.toContain("Master");
    await expect(page.getByTestId("card-source").textContent()).resolves.toContain("kubelet, line ");

    // The Chinese side is there, folded away until asked for.
    const otherFront = page.locator("[data-testid=card-other] [data-testid=card-front]");
    await expect(otherFront.isVisible()).resolves.toBe(false);
    await page.getByText("Show in 中文").click();
    await expect(otherFront.isVisible()).resolves.toBe(true);
    await expect(otherFront.textContent()).resolves.toContain("kubelet 运行在哪里");

    await page.getByTestId("language-switch").selectOption("zh-CN");
    await page.waitForFunction(() => document.documentElement.lang === "zh-CN");
    await waitForText(page, "[data-testid=card-mine] [data-testid=card-front]", "kubelet 运行在哪里");
    await expect(page.locator("[data-testid=card-mine] [role=note]").textContent()).resolves.toContain("Master");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toContain("组件");
    await expect(page.getByText("查看英文版（English）").count()).resolves.toBe(1);
    const zhSource = await page.getByTestId("card-source").textContent();
    expect(zhSource).toContain("K8s基本 › 1. 组件 › 1.3 K8s 组件介绍 › kubelet，第 ");
    expect(zhSource).not.toContain("seed/");
    await expect(page.getByTestId("card-source-original").count()).resolves.toBe(0);
    await expect(page.locator("[data-testid=card-other] [data-testid=card-front]").textContent()).resolves.toContain("Where does kubelet run");
  });

  it("answers bad input with a message or a 404, never a server error", async () => {
    const bad = await page.goto(`${server.baseURL}/decks/browse?topic=bogus&q=${"x".repeat(150)}`);
    expect(bad?.status()).toBe(200);
    await expect(page.getByTestId("browse-problem").count()).resolves.toBe(1);

    const missing = await page.goto(`${server.baseURL}/decks/cards/no-such-card`);
    expect(missing?.status()).toBe(404);
    await expect(page.getByTestId("card-not-found").count()).resolves.toBe(1);

    db.prepare("update Card set retiredAt = ? where key = ?").run("2026-01-02T00:00:00.000+00:00", "cni:plugins");
    const retired = await page.goto(`${server.baseURL}/decks/cards/${cardId("cni:plugins")}`);
    expect(retired?.status()).toBe(404);
  });
});
