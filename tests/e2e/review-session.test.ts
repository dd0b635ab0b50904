import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import Database from "better-sqlite3";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, reviewSaved, signUpInBrowser } from "../helpers/browser";
import { startServer, type RunningServer } from "../helpers/server";
import { actionId, postAction } from "../helpers/actions";

const enabled = inject("browserTests");
let server: RunningServer;
let browser: Browser;
let page: Page;

const db = () => new Database(server.databaseUrl.slice("file:".length), { readonly: true });
const count = (sql: string, ...args: unknown[]) => (db().prepare(sql).get(...args) as { n: number }).n;

async function cardId(): Promise<string> {
  return (await page.getByTestId("review-card").getAttribute("data-card-id"))!;
}

describe.runIf(enabled)("a review session with the keyboard", () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const context = await browser.newContext({ locale: "en-US", timezoneId: "America/Los_Angeles", viewport: { width: 390, height: 844 } });
    page = await context.newPage();
    await signUpInBrowser(page, server.baseURL, "reviewer@example.com", "Reviewer");
    // A short day: three new cards.
    const settings = await context.newPage();
    await settings.goto(`${server.baseURL}/settings`);
    await settings.getByLabel("New cards per day").fill("3");
    await settings.getByRole("button", { name: "Save" }).click();
    await settings.waitForSelector("[data-testid=settings-saved]");
    await settings.close();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("shows today's counts on the home page and starts the session", async () => {
    await page.goto(`${server.baseURL}/`);
    await expect(page.getByTestId("home-new").textContent()).resolves.toBe("3 new cards");
    await page.getByTestId("home-start").click();
    await page.waitForURL(`${server.baseURL}/review`);
    await page.getByTestId("review-card").waitFor();
    await expect(page.getByTestId("review-left").textContent()).resolves.toBe("0 review · 3 new · 0 to repeat");
  });

  it("reveals with Space, grades with digit keys, drills a miss, undoes with U, and continues after a reload", async () => {
    const first = await cardId();
    expect(await page.getByTestId("card-back").count()).toBe(0);
    await page.keyboard.press("Space");
    await page.getByTestId("card-back").waitFor();
    await expect(page.getByTestId("interval-5").textContent()).resolves.toBe("1 d");
    // Below 4 a new card comes back today before its first interval starts (SM-2 step 7).
    await expect(page.getByTestId("interval-2").textContent()).resolves.toBe("again today, then 1 d");

    // Grade 2: the card will come back as a drill after the other new cards.
    await page.keyboard.press("2");
    await page.waitForFunction((id) => document.querySelector("[data-testid=review-card]")?.getAttribute("data-card-id") !== id, first);
    await expect(page.getByTestId("review-left").textContent()).resolves.toBe("0 review · 2 new · 1 to repeat");
    await reviewSaved(page);
    expect(count("select count(*) n from ReviewLog where kind = 'new' and grade = 2")).toBe(1);

    const second = await cardId();
    await page.keyboard.press("Enter");
    await page.getByTestId("card-back").waitFor();
    await page.keyboard.press("5");
    await page.waitForFunction((id) => document.querySelector("[data-testid=review-card]")?.getAttribute("data-card-id") !== id, second);

    // Undo brings the second card back, exactly as it was: new again.
    await page.keyboard.press("u");
    await page.waitForFunction((id) => document.querySelector("[data-testid=review-card]")?.getAttribute("data-card-id") === id, second);
    await expect(page.getByTestId("review-notice").textContent()).resolves.toBe("Last grade undone.");
    await reviewSaved(page);
    expect(count("select count(*) n from ReviewState where cardId = ?", second)).toBe(0);

    await page.keyboard.press("Space");
    await page.getByTestId("card-back").waitFor();
    await page.keyboard.press("4");
    await page.waitForFunction((id) => document.querySelector("[data-testid=review-card]")?.getAttribute("data-card-id") !== id, second);

    // Reload mid-session: the same place, from the server.
    const before = await cardId();
    await reviewSaved(page);
    await page.reload();
    await page.getByTestId("review-card").waitFor();
    expect(await cardId()).toBe(before);
    await expect(page.getByTestId("review-left").textContent()).resolves.toBe("0 review · 1 new · 1 to repeat");

    await page.keyboard.press("Space");
    await page.getByTestId("card-back").waitFor();
    await page.keyboard.press("3");
    // The drill: the first card, again; its buttons do not move the schedule.
    await page.waitForFunction((id) => document.querySelector("[data-testid=review-card]")?.getAttribute("data-card-id") === id, first);
    await expect(page.getByTestId("card-kind").textContent()).resolves.toBe("Repeat");
    await page.keyboard.press("Space");
    await page.getByTestId("card-back").waitFor();
    await expect(page.getByTestId("interval-5").textContent()).resolves.toBe("done for today");
    await page.keyboard.press("5");

    // The third card was graded 3: it is drilled too, then the session ends.
    await page.waitForFunction((id) => document.querySelector("[data-testid=review-card]")?.getAttribute("data-card-id") !== id, first);
    await expect(page.getByTestId("card-kind").textContent()).resolves.toBe("Repeat");
    await page.keyboard.press("Space");
    await page.getByTestId("card-back").waitFor();
    await page.keyboard.press("5");
    await page.getByTestId("review-summary").waitFor();
    await reviewSaved(page);
    await expect(page.getByTestId("summary-reviewed").textContent()).resolves.toBe(String(count("select count(*) n from ReviewLog where undoneAt is null")));
    expect(count("select count(*) n from ReviewState")).toBe(3);
    expect(count("select count(*) n from ReviewLog where kind = 'drill'")).toBe(2);
  });

  it("shows the empty state with the next due time after the session", async () => {
    await page.goto(`${server.baseURL}/`);
    await expect(page.getByTestId("home-due").textContent()).resolves.toBe("No reviews due");
    await page.goto(`${server.baseURL}/review`);
    await page.getByTestId("review-summary").waitFor();
    await expect(page.getByTestId("summary-next").textContent()).resolves.toMatch(/\d/);
  });

  it("refuses grading without a session, and with a signed-out session, writing nothing", async () => {
    const logs = count("select count(*) n from ReviewLog");
    const id = actionId("app/(app)/review/actions.ts", "syncAction");
    const anyCard = (db().prepare("select id from Card limit 1").get() as { id: string }).id;
    const userId = (db().prepare("select id from User where email = ?").get("reviewer@example.com") as { id: string }).id;
    const grade = [{ userId, ops: [{ type: "grade", cardId: anyCard, grade: 5, answeredAt: Date.now(), requestId: crypto.randomUUID(), durationMs: 1 }] }];

    // No cookie: the request never reaches the action; it is sent to sign-in.
    const anonymous = await fetch(`${server.baseURL}/review`, { method: "POST", redirect: "manual", headers: { "Next-Action": id, Origin: server.baseURL }, body: JSON.stringify(grade) });
    expect(anonymous.status).toBe(307);
    expect(anonymous.headers.get("location")).toContain("/signin");

    // A cookie from before sign-out passes the first gate but the action itself refuses it.
    const cookies = await page.context().cookies();
    const cookie = cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    await page.goto(`${server.baseURL}/`);
    // A 390 px phone: sign-out sits in the header's menu.
    await page.getByRole("button", { name: "Menu" }).click();
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/signin/);
    const stale = await postAction(server.baseURL, "/review", id, grade, { cookie });
    expect(stale.status).toBeLessThan(500);
    expect(stale.text).toContain('"error":"unauthorized"');
    expect(count("select count(*) n from ReviewLog")).toBe(logs);
  });

  it("an answer given before the schedule code has loaded counts once, and the next card shows when it arrives", async () => {
    // A slow phone: the browser's schedule engine (a chunk loaded after the page) takes 1.5 s.
    const context = await browser.newContext({ locale: "en-US", timezoneId: "America/Los_Angeles", serviceWorkers: "block" });
    const slow = await context.newPage();
    await signUpInBrowser(slow, server.baseURL, "slow-phone@example.com", "Slow phone");
    let delayed = 0;
    await slow.route("**/_next/static/chunks/*.js", async (route) => {
      const response = await route.fetch();
      const body = await response.text();
      if (body.includes('"localSession"') && body.includes('"applyOps"')) {
        delayed++;
        await new Promise((r) => setTimeout(r, 1_500));
      }
      await route.fulfill({ response, body });
    });
    await slow.goto(`${server.baseURL}/review`);
    const first = (await slow.getByTestId("review-card").getAttribute("data-card-id"))!;
    await slow.keyboard.press("Space");
    await slow.getByTestId("card-back").waitFor();
    await slow.keyboard.press("5");
    // Pressed again, as a learner does when nothing seems to happen: still one answer.
    await slow.keyboard.press("5");
    await slow.waitForFunction((id) => document.querySelector("[data-testid=review-card]")?.getAttribute("data-card-id") !== id, first, { timeout: 10_000 });
    expect(delayed).toBe(1);
    await reviewSaved(slow);
    const userId = (db().prepare("select id from User where email = ?").get("slow-phone@example.com") as { id: string }).id;
    expect(db().prepare("select cardId, grade, kind from ReviewLog where userId = ?").all(userId)).toEqual([{ cardId: first, grade: 5, kind: "new" }]);
    await context.close();
  });
});
