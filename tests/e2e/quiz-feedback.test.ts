import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import Database from "better-sqlite3";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, signUpInBrowser } from "../helpers/browser";
import { startServer, type RunningServer } from "../helpers/server";
import { answerCurrent, type StoredQuestion } from "../helpers/quiz-page";

const enabled = inject("browserTests");
let server: RunningServer;
let browser: Browser;
let page: Page;

function questions(attemptId: string): StoredQuestion[] {
  const db = new Database(server.databaseUrl.slice("file:".length), { readonly: true });
  try {
    return db.prepare("select position, prompt, answer from QuizQuestion where attemptId = ? order by position").all(attemptId) as StoredQuestion[];
  } finally {
    db.close();
  }
}

async function startQuiz(topic: string, length: number): Promise<string> {
  await page.goto(`${server.baseURL}/quizzes`);
  await page.locator(`label:has(input[name=topic][value="${topic}"])`).click();
  await page.locator(`label:has(input[name=length][value="${length}"])`).click();
  await page.getByTestId("quiz-start").click();
  await page.waitForURL(/\/quizzes\/[A-Za-z0-9_-]+$/);
  await page.getByTestId("quiz-runner").waitFor();
  return new URL(page.url()).pathname.split("/").pop()!;
}

describe.runIf(enabled)("quiz feedback and history as a learner sees them", () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await (await browser.newContext({ locale: "en-US" })).newPage();
    await signUpInBrowser(page, server.baseURL, "feedback@example.com", "Feedback Learner");
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("marks each step of a wrong order right or wrong in colour and words, and lists the steps in the explanation", async () => {
    const qs = questions(await startQuiz("pod-network", 5));
    for (const q of qs) {
      const ordering = JSON.parse(q.prompt).type === "ordering";
      await answerCurrent(page, q, !ordering, ordering ? checkMarks : undefined);
    }
    await page.getByTestId("quiz-results").waitFor();

    async function checkMarks() {
      const steps = await page.locator("[data-testid=ordering-list] li").evaluateAll((els) =>
        els.map((e) => ({ placed: e.getAttribute("data-placed"), background: getComputedStyle(e).backgroundColor, border: getComputedStyle(e).borderTopColor, text: e.textContent ?? "" })),
      );
      // Reversed, at least the first and last steps are out of place.
      expect(steps.filter((s) => s.placed === "wrong").length).toBeGreaterThanOrEqual(2);
      expect(steps.every((s) => s.placed === "right" || s.placed === "wrong")).toBe(true);
      const white = await page.evaluate(() => {
        const probe = document.createElement("div");
        probe.className = "bg-white";
        document.body.append(probe);
        const c = getComputedStyle(probe).backgroundColor;
        probe.remove();
        return c;
      });
      for (const s of steps) {
        expect(s.background, `${s.placed} step keeps the plain background`).not.toBe(white);
        expect(s.text).toContain(s.placed === "right" ? "In the right place" : "In the wrong place");
      }
      const wrong = steps.find((s) => s.placed === "wrong")!;
      const right = steps.find((s) => s.placed === "right");
      if (right) expect(right.background).not.toBe(wrong.background);
      // The explanation's steps are a list, one item per step, not one run-on paragraph.
      const items = await page.locator("[data-testid=quiz-feedback] ul > li").allTextContents();
      expect(items.length).toBeGreaterThanOrEqual(steps.length);
      expect(items[0]).toMatch(/^Step \d+: /);
    }
  });

  it("draws several attempts on one day as separate points under one date", async () => {
    for (let i = 0; i < 2; i++) {
      const qs = questions(await startQuiz("components", 5));
      for (const [k, q] of qs.entries()) await answerCurrent(page, q, k % (i + 2) === 0);
      await page.getByTestId("quiz-results").waitFor();
    }
    await page.goto(`${server.baseURL}/progress`);
    const chart = page.locator("[data-testid=progress-quizzes] svg[data-chart]").filter({ visible: true }).first();
    // The page streams (the prediction section comes after): read the chart once its points are drawn.
    await chart.locator("circle").nth(2).waitFor({ state: "attached", timeout: 15_000 });
    const dots = await chart.locator("circle").evaluateAll((els) => els.map((e) => Number(e.getAttribute("cx"))));
    expect(dots).toHaveLength(3);
    expect(new Set(dots).size).toBe(3);
    const labels = await chart.locator("text").evaluateAll((els) => els.map((e) => e.textContent ?? "").filter((t) => t && !t.endsWith("%")));
    expect(labels).toHaveLength(1);
  });
});
