import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createRequire } from "node:module";
import Database from "better-sqlite3";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, signUpInBrowser } from "../helpers/browser";
import { startServer, type RunningServer } from "../helpers/server";
import { answerCurrent, type StoredQuestion } from "../helpers/quiz-page";

const enabled = inject("browserTests");
const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
let server: RunningServer;
let browser: Browser;
let page: Page;

const db = () => new Database(server.databaseUrl.slice("file:".length), { readonly: true });
const idFromUrl = () => new URL(page.url()).pathname.split("/").pop()!;

function questions(attemptId: string): Array<StoredQuestion & { kind: string }> {
  return db().prepare("select position, kind, prompt, answer from QuizQuestion where attemptId = ? order by position").all(attemptId) as Array<StoredQuestion & { kind: string }>;
}

/**
 * WCAG 2.1 A/AA problems axe finds in the given part of the page, in light and in dark mode.
 * Scoped to this feature's parts, so other screens' findings belong to their own tests.
 */
async function accessibilityProblems(selector: string): Promise<string[]> {
  const out: string[] = [];
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: AXE });
    const found = await page.evaluate(async (sel) => {
      const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
      const res = await axe.run({ include: [[sel]] }, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
      return res.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(" ")}`);
    }, selector);
    out.push(...found.map((f) => `${colorScheme} ${f}`));
  }
  await page.emulateMedia({ colorScheme: "light" });
  return out;
}

/** Nothing wider than the phone: no sideways scrolling. */
async function fitsPhone() {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
}

describe.runIf(enabled)("typed, select-all and Match on a 360 px phone, by keyboard", () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const context = await browser.newContext({ locale: "en-US", viewport: { width: 360, height: 740 } });
    page = await context.newPage();
    await signUpInBrowser(page, server.baseURL, "formats@example.com", "Formats");
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("types names (with a typo, and another component's name), ticks all that apply, and sees the results", async () => {
    await page.goto(`${server.baseURL}/quizzes`);
    await page.getByText("Components", { exact: true }).click();
    await page.getByText("20", { exact: true }).click();
    await page.getByTestId("quiz-start").click();
    await page.waitForURL(/\/quizzes\/[A-Za-z0-9_-]+$/);
    await page.getByTestId("quiz-runner").waitFor();
    const id = idFromUrl();
    const qs = questions(id);
    const typed = qs.filter((q) => q.kind === "typed-component");
    expect(typed.length).toBeGreaterThanOrEqual(2);
    expect(qs.some((q) => JSON.parse(q.prompt).type === "multi")).toBe(true);
    // No accepted name or right option set in the page before answering.
    const html = await page.content();
    expect(html).not.toContain('"accepted"');
    expect(html).not.toContain('"answer"');

    let typo = false;
    let rival = false;
    let missed = 0;
    for (const q of qs) {
      const answer = JSON.parse(q.answer);
      if (q.kind === "typed-component" && !typo) {
        // Upper case, hyphen as a space, one letter doubled: still right; the comparison marks it.
        typo = true;
        const name: string = answer.expected.en;
        const text = `${name.slice(0, 3)}${name[3]}${name.slice(3)}`.toUpperCase().replace(/-/g, " ");
        await page.keyboard.type(text);
        await page.keyboard.press("Enter");
        await page.getByTestId("quiz-feedback").waitFor();
        await expect(page.getByTestId("quiz-feedback").getAttribute("data-correct")).resolves.toBe("true");
        await expect(page.getByTestId("typed-yours").textContent()).resolves.toBe(text);
        await expect(page.getByTestId("typed-expected").textContent()).resolves.toBe(name);
        expect(await page.locator("[data-testid=typed-yours] del").count()).toBeGreaterThan(0);
        await fitsPhone();
        expect(await accessibilityProblems("[data-testid=quiz-runner]")).toEqual([]);
        await page.keyboard.press("Enter");
      } else if (q.kind === "typed-component" && !rival) {
        rival = true;
        missed++;
        // Another component's name: refused, and the explanation contrasts the two.
        await page.keyboard.type(answer.rivals[0].names[0]);
        await page.keyboard.press("Enter");
        await page.getByTestId("quiz-feedback").waitFor();
        await expect(page.getByTestId("quiz-feedback").getAttribute("data-correct")).resolves.toBe("false");
        await expect(page.getByTestId("quiz-feedback").textContent()).resolves.toContain(" is not ");
        await page.keyboard.press("Enter");
      } else {
        await answerCurrent(page, q, true);
      }
    }
    await page.getByTestId("quiz-results").waitFor();
    await expect(page.getByTestId("quiz-score").textContent()).resolves.toBe(`${qs.length - missed} / ${qs.length}`);
    await fitsPhone();
  });

  it("marks each select-all option after a miss", async () => {
    await page.goto(`${server.baseURL}/quizzes`);
    await page.getByText("CNI", { exact: true }).click();
    await page.getByText("20", { exact: true }).click();
    await page.getByTestId("quiz-start").click();
    await page.waitForURL(/\/quizzes\/[A-Za-z0-9_-]+$/);
    await page.getByTestId("quiz-runner").waitFor();
    const qs = questions(idFromUrl());
    for (const q of qs) {
      if (JSON.parse(q.prompt).type !== "multi") {
        await answerCurrent(page, q, true);
        continue;
      }
      const answer: string[] = JSON.parse(q.answer);
      const ids: string[] = JSON.parse(q.prompt).options.map((o: { id: string }) => o.id);
      const wrong = ids.find((i) => !answer.includes(i))!;
      // Every right option but the first, and one wrong one.
      for (const i of [...answer.slice(1), wrong]) await page.keyboard.press(String(ids.indexOf(i) + 1));
      await page.keyboard.press("Enter");
      await page.getByTestId("quiz-feedback").waitFor();
      await expect(page.getByTestId("quiz-feedback").getAttribute("data-correct")).resolves.toBe("false");
      await expect(page.locator(`[data-option="${answer[0]}"]`).getAttribute("data-verdict")).resolves.toBe("missed");
      await expect(page.locator(`[data-option="${wrong}"]`).getAttribute("data-verdict")).resolves.toBe("picked-wrong");
      await expect(page.locator(`[data-option="${wrong}"]`).textContent()).resolves.toContain("wrong, you picked it");
      await fitsPhone();
      expect(await accessibilityProblems("[data-testid=quiz-runner]")).toEqual([]);
      await page.keyboard.press("Enter");
    }
    await page.getByTestId("quiz-results").waitFor();
  });

  it("plays a Match round by keyboard: a wrong pair comes undone, then all right, with the best time kept", async () => {
    await page.goto(`${server.baseURL}/quizzes`);
    await page.getByTestId("match-link").focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/quizzes\/match$/);
    await expect(page.getByTestId("match-best-components").textContent()).resolves.toBe("No finished round yet.");
    await page.getByTestId("match-start-components").focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/quizzes\/match\/[A-Za-z0-9_-]+$/);
    await page.getByTestId("match-board").waitFor();
    const roundId = idFromUrl();
    const html = await page.content();
    const answer = JSON.parse((db().prepare("select answer from MatchRound where id = ?").get(roundId) as { answer: string }).answer) as Record<string, string>;
    expect(html).not.toContain(JSON.stringify(answer));
    await fitsPhone();

    const press = async (selector: string) => {
      await page.locator(selector).focus();
      await page.keyboard.press("Enter");
    };
    // First round of pairs: a and b swapped.
    const lefts = Object.keys(answer);
    const first: Record<string, string> = { ...answer, a: answer.b, b: answer.a };
    for (const l of lefts) {
      await press(`[data-left="${l}"]`);
      await press(`[data-right="${first[l]}"]`);
    }
    await expect.poll(() => page.getByTestId("match-message").textContent()).toContain("2 pairs are wrong");
    await expect(page.locator("[data-left=a]").isDisabled()).resolves.toBe(false);
    await expect(page.locator("[data-left=c]").isDisabled()).resolves.toBe(true);
    expect(await accessibilityProblems("[data-testid=match-board]")).toEqual([]);
    // The check does find problems: a pale line added to the board fails it, then goes again.
    await page.evaluate(() => document.querySelector("[data-testid=match-board]")!.insertAdjacentHTML("beforeend", '<p id="pale" style="color:#ddd;background:#fff">pale</p>'));
    expect((await accessibilityProblems("[data-testid=match-board]")).join()).toContain("color-contrast");
    await page.evaluate(() => document.getElementById("pale")!.remove());
    // Fix them, picking the duty first this time.
    await press(`[data-right="${answer.a}"]`);
    await press("[data-left=a]");
    await press(`[data-right="${answer.b}"]`);
    await press("[data-left=b]");
    await page.locator("[data-testid=match-board][data-done=true]").waitFor();
    await expect(page.getByTestId("match-message").textContent()).resolves.toContain("All pairs right");
    const row = db().prepare("select durationMs, mistakes from MatchRound where id = ?").get(roundId) as { durationMs: number; mistakes: number };
    expect(row.mistakes).toBe(2);
    expect(row.durationMs).toBeGreaterThan(0);
    await fitsPhone();

    await press("[data-testid=match-again]");
    await page.waitForURL(/\/quizzes\/match$/);
    await expect(page.getByTestId("match-best-components").textContent()).resolves.toMatch(/^Your best time: \d/);
  });

  it("in Chinese: a name typed as pinyin is accepted, and Match speaks Chinese", async () => {
    const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 360, height: 740 } });
    const zh = await context.newPage();
    // The sign-up page is in Chinese here: fields by name, the only submit button.
    await zh.goto(`${server.baseURL}/signup`);
    await zh.locator("input[name=email]").fill("pinyin@example.com");
    await zh.locator("input[name=name]").fill("拼音");
    await zh.locator("input[name=password]").fill("correct horse battery");
    await zh.locator("button[type=submit]").click();
    await zh.waitForURL(`${server.baseURL}/`);
    await zh.goto(`${server.baseURL}/quizzes`);
    await zh.getByText("组件", { exact: true }).click();
    await zh.getByText("20", { exact: true }).click();
    await zh.getByTestId("quiz-start").click();
    await zh.waitForURL(/\/quizzes\/[A-Za-z0-9_-]+$/);
    await zh.getByTestId("quiz-runner").waitFor();
    const qs = questions(new URL(zh.url()).pathname.split("/").pop()!);
    const typed = qs.find((q) => JSON.parse(q.prompt).type === "typed")!;
    expect(typed).toBeDefined();
    for (const q of qs.slice(0, typed.position)) await answerCurrent(zh, q, true);
    const answer = JSON.parse(typed.answer);
    const chinese = (answer.accepted as string[]).find((n) => /\p{Script=Han}/u.test(n));
    // Pinyin of the Chinese name when it has one (调度器 → diao du qi), else the name itself.
    const { pinyin } = await import("pinyin-pro");
    const text = chinese ? pinyin(chinese, { toneType: "none", nonZh: "consecutive" }) : answer.accepted[0];
    await zh.keyboard.type(text);
    await zh.keyboard.press("Enter");
    await zh.getByTestId("quiz-feedback").waitFor();
    await expect(zh.getByTestId("quiz-feedback").textContent()).resolves.toContain("回答正确");
    await zh.goto(`${server.baseURL}/quizzes/match`);
    await expect(zh.locator("h1").textContent()).resolves.toBe("配对");
    await expect(zh.getByTestId("match-start-components").textContent()).resolves.toBe("开始一轮配对");
    await context.close();
  });
});
