import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import Database from "better-sqlite3";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchBrowser, reviewSaved } from "../helpers/browser";
import { startServer, type RunningServer } from "../helpers/server";
import { answerCurrent, type StoredQuestion as BaseQuestion } from "../helpers/quiz-page";

const enabled = inject("browserTests");
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

const db = () => new Database(server.databaseUrl.slice("file:".length), { readonly: true });
const count = (sql: string, ...args: unknown[]) => (db().prepare(sql).get(...args) as { n: number }).n;
const text = async (testId: string) => (await page.getByTestId(testId).first().textContent())?.trim();

type StoredQuestion = BaseQuestion;

function questions(attemptId: string): StoredQuestion[] {
  return db().prepare("select position, prompt, answer from QuizQuestion where attemptId = ? order by position").all(attemptId) as StoredQuestion[];
}

async function cardId(): Promise<string> {
  return (await page.getByTestId("review-card").getAttribute("data-card-id"))!;
}

/** Reveals with Space and grades with a digit key, then waits for the next card (or the summary). */
async function gradeWithKeyboard(digit: string) {
  const id = await cardId();
  await page.keyboard.press("Space");
  await page.getByTestId("card-back").waitFor();
  await page.keyboard.press(digit);
  await page.waitForFunction(
    (prev) => document.querySelector("[data-testid=review-summary]") || document.querySelector("[data-testid=review-card]")?.getAttribute("data-card-id") !== prev,
    id,
  );
  await reviewSaved(page); // the answer reached the server (it is sent after the next card shows)
}



describe.runIf(enabled)("the Progress page follows what the learner does", () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    context = await browser.newContext({ locale: "en-US", timezoneId: "America/Los_Angeles", viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    await page.goto(`${server.baseURL}/signup`);
    await page.getByLabel("Email").fill("progress@example.com");
    await page.getByLabel("Display name").fill("Progress");
    await page.getByLabel("Password").fill("correct horse battery");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL(`${server.baseURL}/`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("greets a new learner with a friendly empty state instead of empty charts", async () => {
    await page.goto(`${server.baseURL}/progress`);
    await page.getByTestId("progress-page").waitFor();
    await expect(text("progress-empty")).resolves.toContain("Review a few cards and your progress shows up here");
    await expect(text("today-reviewed")).resolves.toBe("0");
    await expect(text("today-streak-current")).resolves.toBe("0 days");
    expect(await page.locator("svg[role=img]").count()).toBe(0);
  });

  it("counts today's reviews after a keyboard session", async () => {
    await page.goto(`${server.baseURL}/review`);
    await page.getByTestId("review-card").waitFor();
    for (const digit of ["5", "4", "5"]) await gradeWithKeyboard(digit);
    expect(count("select count(*) n from ReviewLog where origin = 'review' and undoneAt is null")).toBe(3);

    await page.goto(`${server.baseURL}/progress`);
    await page.getByTestId("progress-page").waitFor();
    expect(await page.getByTestId("progress-empty").count()).toBe(0);
    await expect(text("today-reviewed")).resolves.toBe("3");
    await expect(text("today-new")).resolves.toBe("3");
    await expect(text("today-streak-current")).resolves.toBe("1 day");
    await expect(text("today-streak-longest")).resolves.toBe("1 day");
    // Charts are server-rendered, labelled SVG; each has its table behind it.
    const charts = page.locator("svg[role=img]:visible");
    expect(await charts.count()).toBeGreaterThanOrEqual(6);
    for (const svg of await charts.all()) {
      const labelledBy = (await svg.getAttribute("aria-labelledby"))!;
      await expect(page.locator(`[id="${labelledBy}"]`).textContent()).resolves.not.toBe("");
    }
    // The newest day of the table is today: three grades.
    await page.getByTestId("reviews-table").locator("summary").click();
    const todayRow = page.getByTestId("reviews-table").locator("tbody tr").first();
    await expect(todayRow.locator("td").last().textContent()).resolves.toBe("3");
    // States: three cards learning, the rest new.
    const learning = await page.getByTestId("states-table").locator("tr[data-state=learning] td").textContent();
    expect(learning).toBe("3");
    // Every table names its columns for screen readers.
    expect(await page.getByTestId("states-table").locator("thead th[scope=col]").allTextContents()).toEqual(["State", "Cards"]);
  });

  it("switches the range with links", async () => {
    await page.getByTestId("range-90").click();
    await page.waitForURL(/range=90/);
    await expect(page.getByTestId("range-90").getAttribute("aria-current")).resolves.toBe("page");
    await expect(text("reviews-summary")).resolves.toContain("of the last 90");
  });

  it("shows a finished quiz in the history and in the topic's accuracy", async () => {
    await page.goto(`${server.baseURL}/quizzes`);
    await page.getByText("Pod network", { exact: true }).click();
    await page.getByText("5", { exact: true }).click();
    await page.getByTestId("quiz-start").click();
    await page.waitForURL(/\/quizzes\/[A-Za-z0-9_-]+$/);
    await page.getByTestId("quiz-runner").waitFor();
    const attemptId = new URL(page.url()).pathname.split("/").pop()!;
    const qs = questions(attemptId);
    // All right but the last.
    for (const q of qs) await answerCurrent(page, q, q.position !== qs.length - 1);
    await page.getByTestId("quiz-results").waitFor();

    const answered = db().prepare("select topic, correct from QuizQuestion where attemptId = ?").all(attemptId) as { topic: string; correct: number }[];
    const pod = answered.filter((a) => a.topic === "pod-network");
    const right = pod.filter((a) => a.correct === 1).length;

    await page.goto(`${server.baseURL}/progress`);
    await page.getByTestId("progress-page").waitFor();
    const rows = page.getByTestId("quiz-history-row");
    expect(await rows.count()).toBe(1);
    await expect(rows.first().getAttribute("data-topic")).resolves.toBe("pod-network");
    await expect(rows.first().getByTestId("quiz-history-score").textContent()).resolves.toBe(
      `${qs.length - 1} / ${qs.length} · ${Math.round(((qs.length - 1) / qs.length) * 100)}%`,
    );
    const accuracy = page.locator("[data-testid=mastery-row][data-topic=pod-network] [data-testid=mastery-quiz]");
    await expect(accuracy.textContent()).resolves.toBe(`${right} of ${pod.length} (${Math.round((right / pod.length) * 100)}%)`);
    // Still three grades on the review screen today: quiz-triggered reschedules are not "reviewed".
    await expect(text("today-reviewed")).resolves.toBe("3");
  });

  it("downloads the review history as CSV, one row per log entry", async () => {
    const res = await page.request.get(`${server.baseURL}/api/progress/export`);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toContain("text/csv");
    expect(res.headers()["content-disposition"]).toMatch(/^attachment; filename="kubecards-review-history-\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = (await res.text()).split("\r\n");
    expect(lines[0]).toBe("reviewed_at,card_key,topic,grade,origin,kind,interval_before,interval_after,easiness_before,easiness_after,due_after,duration_ms,undone");
    expect(lines.at(-1)).toBe("");
    const rows = lines.slice(1, -1);
    expect(rows).toHaveLength(count("select count(*) n from ReviewLog"));
    const keys = db().prepare("select c.key from ReviewLog l join Card c on c.id = l.cardId order by l.reviewedAt, l.id").all() as { key: string }[];
    expect(rows.map((r) => r.split(",")[1])).toEqual(keys.map((k) => k.key));
  });

  it("refuses the download without a session, and with a signed-out one", async () => {
    // No cookie: the first gate sends the request to sign-in.
    const anonymous = await fetch(`${server.baseURL}/api/progress/export`, { redirect: "manual" });
    expect(anonymous.status).toBe(307);
    expect(anonymous.headers.get("location")).toContain("/signin");
    // A cookie from before sign-out passes that gate; the route itself answers 401.
    const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    await page.goto(`${server.baseURL}/`);
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/signin/);
    const stale = await fetch(`${server.baseURL}/api/progress/export`, { headers: { cookie }, redirect: "manual" });
    expect(stale.status).toBe(401);
    expect(await stale.text()).not.toContain(",");
  });
});
