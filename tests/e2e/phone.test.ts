import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import Database from "better-sqlite3";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, signUpInBrowser } from "../helpers/browser";
import { startServer, type RunningServer } from "../helpers/server";
import { answerCurrent, type StoredQuestion } from "../helpers/quiz-page";

const enabled = inject("browserTests");
const MIN_TAP = 44;

let server: RunningServer;
let browser: Browser;
let page: Page;
const url = (p: string) => `${server.baseURL}${p}`;

interface Problem {
  what: string;
  width: number;
  height: number;
}

/**
 * Sideways scrolling and every visible control smaller than 44×44 CSS px. A radio or checkbox
 * inside a label is measured by its label (pressing anywhere on the label toggles it: that is
 * what a finger presses); a link inside a sentence is exempt, as WCAG exempts inline targets.
 */
async function layoutProblems(p: Page): Promise<{ overflow: number; small: Problem[] }> {
  return p.evaluate((min) => {
    const overflow = document.documentElement.scrollWidth - window.innerWidth;
    const small: { what: string; width: number; height: number }[] = [];
    const controls = document.querySelectorAll<HTMLElement>("a[href], button, select, input:not([type=hidden]), textarea, summary");
    for (const el of controls) {
      let target: HTMLElement = el;
      if (el instanceof HTMLInputElement && (el.type === "radio" || el.type === "checkbox")) {
        target = el.closest("label") ?? el;
      }
      const box = target.getBoundingClientRect();
      const style = getComputedStyle(target);
      if (box.width <= 1 || box.height <= 1 || style.visibility === "hidden") continue;
      if (el instanceof HTMLAnchorElement && style.display === "inline") {
        const block = el.parentElement?.closest("p, li, dd, td") as HTMLElement | null;
        if (block && (block.textContent ?? "").trim().length > (el.textContent ?? "").trim().length) continue;
      }
      if (box.width < min || box.height < min) {
        const name = (el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 40);
        small.push({ what: `${el.tagName.toLowerCase()} "${name}"`, width: Math.round(box.width), height: Math.round(box.height) });
      }
    }
    return { overflow, small };
  }, MIN_TAP);
}

/** Collects what is wrong on each page; each test asserts the whole list at its end. */
let problems: string[] = [];
async function expectFits(label: string) {
  const { overflow, small } = await layoutProblems(page);
  if (overflow > 0) problems.push(`${label}: the page scrolls sideways by ${overflow}px`);
  for (const s of small) problems.push(`${label}: ${s.what} is ${s.width}×${s.height}`);
}
function expectNoProblems() {
  const found = problems;
  problems = [];
  expect(found, found.join("\n")).toEqual([]);
}

/** No keyboard shortcut hint is visible on a touch screen. */
async function expectNoKeyHints(label: string) {
  const visible = await page.locator("kbd, [data-key-hint]").evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => e.textContent));
  expect(visible, `${label}: keyboard hints shown on a touch screen`).toEqual([]);
}

describe.runIf(enabled)("a 360 px touch phone", () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const context = await browser.newContext({ locale: "en-US", viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("signed out: landing, sign-in and sign-up fit the screen", async () => {
    for (const path of ["/", "/signin", "/signup"]) {
      await page.goto(url(path));
      await expectFits(path);
    }
    expectNoProblems();
  });

  it("the header menu holds the navigation; every page fits with fingers-sized targets", async () => {
    await signUpInBrowser(page, server.baseURL, "phone@example.com", "Phone Learner");

    // Closed, the navigation takes no room; open, every link is on screen.
    const menu = page.getByRole("button", { name: "Menu" });
    await expect(menu.getAttribute("aria-expanded")).resolves.toBe("false");
    await expect(page.getByRole("link", { name: "Settings" }).isVisible()).resolves.toBe(false);
    await menu.click();
    await expect(menu.getAttribute("aria-expanded")).resolves.toBe("true");
    for (const name of ["Review", "Quizzes", "Progress", "Decks", "Settings"]) {
      const box = await page.getByRole("link", { name, exact: true }).boundingBox();
      expect(box, name).not.toBeNull();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(360);
    }
    await expectFits("home, menu open");
    await page.getByRole("link", { name: "Decks", exact: true }).click();
    await page.waitForURL(url("/decks"));
    // Following a link closes the menu.
    await expect(page.getByRole("button", { name: "Menu" }).getAttribute("aria-expanded")).resolves.toBe("false");

    const conn = new Database(server.databaseUrl.slice("file:".length), { readonly: true });
    const { id: cardId } = conn.prepare("select id from Card order by position limit 1").get() as { id: string };
    conn.close();
    for (const path of ["/", "/decks", "/decks/browse", `/decks/cards/${cardId}`, "/progress", "/quizzes", "/settings", "/settings/account"]) {
      await page.goto(url(path));
      await expectFits(path);
    }

    await page.goto(url("/review"));
    await page.getByTestId("review-card").waitFor();
    await expectFits("review front");
    await expectNoKeyHints("review front");
    await page.locator('[data-testid=review-card] button[aria-keyshortcuts="Space Enter"]').tap();
    await page.locator("[data-grade]").first().waitFor();
    await expectFits("review back");
    await expectNoKeyHints("review back");
    expectNoProblems();
  });

  it("a quiz's choice and ordering questions fit, ↑/↓ included", async () => {
    await page.goto(url("/quizzes"));
    await page.locator('label:has(input[name=topic][value="pod-network"])').tap();
    await page.locator('label:has(input[name=length][value="5"])').tap();
    await page.getByTestId("quiz-start").tap();
    await page.waitForURL(/\/quizzes\/[A-Za-z0-9_-]+$/);
    await page.getByTestId("quiz-runner").waitFor();
    const id = new URL(page.url()).pathname.split("/").pop()!;
    await expectFits("quiz question");
    await expectNoKeyHints("quiz question");

    const conn = new Database(server.databaseUrl.slice("file:".length), { readonly: true });
    const qs = conn.prepare("select position, prompt, answer from QuizQuestion where attemptId = ? order by position").all(id) as StoredQuestion[];
    conn.close();
    const ordering = qs.findIndex((q) => JSON.parse(q.prompt).type === "ordering");
    expect(ordering).toBeGreaterThanOrEqual(0);
    for (const q of qs.slice(0, ordering)) await answerCurrent(page, q, true);
    await page.getByTestId("ordering-list").waitFor();
    await expectFits("ordering question");
    await expectNoKeyHints("ordering question");
    expectNoProblems();
  });
});
