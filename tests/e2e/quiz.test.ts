import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import Database from "better-sqlite3";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, signUpInBrowser } from "../helpers/browser";
import { startServer, type RunningServer } from "../helpers/server";
import { answerCurrent, type StoredQuestion as BaseQuestion } from "../helpers/quiz-page";

const enabled = inject("browserTests");
let server: RunningServer;
let browser: Browser;
let page: Page;

const db = () => new Database(server.databaseUrl.slice("file:".length), { readonly: true });

interface StoredQuestion extends BaseQuestion {
  explanation: string;
  answeredAt: string | null;
}

function questions(attemptId: string): StoredQuestion[] {
  return db().prepare("select position, prompt, answer, explanation, answeredAt from QuizQuestion where attemptId = ? order by position").all(attemptId) as StoredQuestion[];
}

function attemptIdFromUrl(): string {
  return new URL(page.url()).pathname.split("/").pop()!;
}

async function startQuiz(topic: string, length: number): Promise<string> {
  await page.goto(`${server.baseURL}/quizzes`);
  await page.getByText(topic, { exact: true }).click();
  await page.getByText(String(length), { exact: true }).click();
  await page.getByTestId("quiz-start").click();
  await page.waitForURL(/\/quizzes\/[A-Za-z0-9_-]+$/);
  await page.getByTestId("quiz-runner").waitFor();
  return attemptIdFromUrl();
}



describe.runIf(enabled)("taking quizzes in the browser", () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const context = await browser.newContext({ locale: "en-US" });
    page = await context.newPage();
    await signUpInBrowser(page, server.baseURL, "quizzer@example.com", "Quizzer");
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("puts the Pod network steps in order with the keyboard", async () => {
    const id = await startQuiz("Pod network", 5);
    const qs = questions(id);
    const ordering = qs.find((q) => JSON.parse(q.prompt).type === "ordering");
    expect(ordering).toBeDefined();
    for (const q of qs) await answerCurrent(page, q, true);
    await page.getByTestId("quiz-results").waitFor();
    await expect(page.getByTestId("quiz-score").textContent()).resolves.toBe(`${qs.length} / ${qs.length}`);
  });

  it("takes a mixed quiz: no answer in the page before answering, results with the right answers, retry of the misses, history", async () => {
    const id = await startQuiz("Mixed", 10);
    const qs = questions(id);

    // The page as delivered (HTML and the React payload in it) holds no answer and no explanation.
    const html = await page.content();
    const raw = await (await page.context().request.get(`${server.baseURL}/quizzes/${id}`)).text();
    for (const text of [html, raw]) {
      expect(text).not.toContain('"answer"');
      for (const q of qs) {
        const explanation = JSON.parse(q.explanation).explanation.en as string;
        // A true statement can be both one question's explanation and another's true/false prompt.
        if (qs.some((other) => other.prompt.includes(explanation))) continue;
        expect(text).not.toContain(explanation);
      }
    }

    // Reloading continues the same attempt at the same question.
    await answerCurrent(page, qs[0], false);
    await page.reload();
    await page.getByTestId("quiz-runner").waitFor();
    await expect(page.getByTestId("quiz-position").textContent()).resolves.toBe(`Question 2 of ${qs.length}`);
    expect(questions(id).map((q) => q.prompt)).toEqual(qs.map((q) => q.prompt));

    for (const q of qs.slice(1)) await answerCurrent(page, q, q.position !== 1);
    await page.getByTestId("quiz-results").waitFor();
    await expect(page.getByTestId("quiz-score").textContent()).resolves.toBe(`${qs.length - 2} / ${qs.length}`);
    await expect(page.locator("[data-testid=quiz-result-item][data-correct=false]").count()).resolves.toBe(2);

    await page.getByTestId("quiz-retry").click();
    await page.waitForURL((url) => url.pathname.startsWith("/quizzes/") && !url.pathname.endsWith(id));
    const retry = questions(attemptIdFromUrl());
    expect(retry.map((q) => q.prompt)).toEqual([qs[0].prompt, qs[1].prompt]);

    await page.goto(`${server.baseURL}/quizzes`);
    const scores = await page.getByTestId("quiz-history-score").allTextContents();
    expect(scores).toContain(`${qs.length - 2} / ${qs.length}`);
    expect(scores).toContain("0 of 2 answered");
  });

  it("another learner's attempt is not found", async () => {
    const id = (db().prepare("select id from QuizAttempt limit 1").get() as { id: string }).id;
    const other = await browser.newContext({ locale: "en-US" });
    const p = await other.newPage();
    await p.goto(`${server.baseURL}/signup`);
    await p.getByLabel("Email").fill("other@example.com");
    await p.getByLabel("Display name").fill("Other");
    await p.getByLabel("Password").fill("correct horse battery");
    await p.getByRole("button", { name: "Create account" }).click();
    await p.waitForURL(`${server.baseURL}/`);
    const res = await p.goto(`${server.baseURL}/quizzes/${id}`);
    expect(res?.status()).toBe(404);
    await other.close();
  });
});
