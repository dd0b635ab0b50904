import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import Database from "better-sqlite3";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchBrowser, signUpInBrowser } from "../helpers/browser";
import { startServer, type RunningServer } from "../helpers/server";
import { seriousViolations } from "../helpers/axe";
import { answerCurrent, type StoredQuestion } from "../helpers/quiz-page";

const enabled = inject("browserTests");
const THEMES = ["light", "dark"] as const;
type Locale = "en" | "zh-CN";

let server: RunningServer;
let browser: Browser;
let learner: BrowserContext;
let page: Page;
const findings: string[] = [];
const checked: string[] = [];

const db = () => new Database(server.databaseUrl.slice("file:".length), { readonly: true });
const url = (p: string) => `${server.baseURL}${p}`;

/** axe-core on the page as it stands, once per colour scheme (the app follows prefers-color-scheme). */
async function audit(p: Page, label: string, locale: Locale) {
  for (const theme of THEMES) {
    await p.emulateMedia({ colorScheme: theme });
    // Buttons fade their colours for 150 ms: let them settle before contrast is measured.
    await p.waitForTimeout(200);
    checked.push(`${label} [${locale}, ${theme}]`);
    for (const v of await seriousViolations(p)) {
      findings.push(`${label} [${locale}, ${theme}] ${v.rule} (${v.impact}): ${v.help}\n      ${v.targets.join("\n      ")}`);
    }
  }
}

async function startQuiz(topic: string, length: number): Promise<string> {
  await page.goto(url("/quizzes"));
  await page.locator(`label:has(input[name=topic][value="${topic}"])`).click();
  await page.locator(`label:has(input[name=length][value="${length}"])`).click();
  await page.getByTestId("quiz-start").click();
  await page.waitForURL(/\/quizzes\/[A-Za-z0-9_-]+$/);
  await page.getByTestId("quiz-runner").waitFor();
  return new URL(page.url()).pathname.split("/").pop()!;
}

function questions(attemptId: string): StoredQuestion[] {
  const conn = db();
  try {
    return conn.prepare("select position, prompt, answer from QuizQuestion where attemptId = ? order by position").all(attemptId) as StoredQuestion[];
  } finally {
    conn.close();
  }
}

async function signedOutPages(locale: Locale) {
  const anon = await browser.newContext({ locale: locale === "en" ? "en-US" : "zh-CN" });
  await anon.addCookies([{ name: "NEXT_LOCALE", value: locale, url: server.baseURL }]);
  const p = await anon.newPage();
  for (const [label, path] of [
    ["landing", "/"],
    ["sign-in", "/signin"],
    ["sign-up", "/signup"],
  ]) {
    await p.goto(url(path));
    await audit(p, label, locale);
  }
  await anon.close();
}

/** Every signed-in page; the quiz is taken to its results, answering the ordering question wrong. */
async function signedInPages(locale: Locale, cardId: string) {
  for (const [label, path] of [
    ["home", "/"],
    ["progress", "/progress"],
    ["decks", "/decks"],
    ["deck browse", "/decks/browse"],
    ["card", `/decks/cards/${cardId}`],
    ["settings", "/settings"],
    ["account", "/settings/account"],
    ["quizzes", "/quizzes"],
  ]) {
    await page.goto(url(path));
    await audit(page, label, locale);
  }

  await page.goto(url("/review"));
  await page.getByTestId("review-card").waitFor();
  await audit(page, "review front", locale);
  await page.locator('[data-testid=review-card] button[aria-keyshortcuts="Space Enter"]').click();
  await page.getByTestId("card-back").waitFor();
  await page.locator("[data-grade]").first().waitFor();
  await audit(page, "review back", locale);

  const id = await startQuiz("pod-network", 5);
  await audit(page, "quiz question", locale);
  for (const q of questions(id)) {
    const ordering = JSON.parse(q.prompt).type === "ordering";
    await answerCurrent(page, q, !ordering, ordering ? () => audit(page, "quiz feedback (ordering, wrong)", locale) : undefined);
  }
  await page.getByTestId("quiz-results").waitFor();
  await audit(page, "quiz results", locale);

  // The phone header with its menu open.
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(url("/"));
  await page.locator("header button[aria-expanded]").click();
  await page.locator('header button[aria-expanded="true"]').waitFor();
  await audit(page, "phone menu", locale);
  await page.setViewportSize({ width: 1280, height: 720 });
}

describe.runIf(enabled)("accessibility: axe-core on every page, both languages, both themes", () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    learner = await browser.newContext({ locale: "en-US" });
    page = await learner.newPage();
    await signUpInBrowser(page, server.baseURL, "axe@example.com", "Axe Learner");
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("a first visit loads without a console error; the icons and the manifest are served", async () => {
    const fresh = await browser.newContext({ locale: "en-US" });
    const p = await fresh.newPage();
    const errors: string[] = [];
    p.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    const failed: string[] = [];
    p.on("response", (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    await p.goto(url("/"));
    await p.waitForLoadState("networkidle");
    // Chromium asks for /favicon.ico on its own when a page names none; the page names its icons.
    const links = await p.locator("link[rel~=icon], link[rel=apple-touch-icon], link[rel=manifest]").evaluateAll((els) => els.map((e) => `${e.getAttribute("rel")} ${new URL((e as HTMLLinkElement).href).pathname}`));
    expect(links).toEqual(expect.arrayContaining([expect.stringMatching(/^icon \/favicon\.ico/), expect.stringMatching(/^icon \/icon\.svg/), expect.stringMatching(/^apple-touch-icon \/apple-icon\.png/), "manifest /manifest.webmanifest"]));
    expect(errors).toEqual([]);
    expect(failed).toEqual([]);

    const ico = await fresh.request.get(url("/favicon.ico"));
    expect(ico.status()).toBe(200);
    expect((await ico.body()).readUInt16LE(2)).toBe(1); // an ICO header, not a page
    const manifest = await (await fresh.request.get(url("/manifest.webmanifest"))).json();
    expect(manifest).toMatchObject({ name: "KubeCards", short_name: "KubeCards", start_url: "/", display: "standalone" });
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/);
    for (const icon of [...manifest.icons, { src: "/apple-icon.png", type: "image/png" }]) {
      const res = await fresh.request.get(url(icon.src));
      expect(res.status(), icon.src).toBe(200);
      expect(res.headers()["content-type"], icon.src).toContain(icon.type);
    }
    expect(manifest.icons.map((i: { sizes: string }) => i.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));
    await fresh.close();
  });

  it("finds no serious or critical WCAG 2.1 A/AA violation", async () => {
    const conn = db();
    const { id: cardId } = conn.prepare("select id from Card order by position limit 1").get() as { id: string };
    conn.close();

    for (const locale of ["en", "zh-CN"] as const) {
      await signedOutPages(locale);
      if (locale !== "en") {
        await page.goto(url("/"));
        await page.getByTestId("language-switch").selectOption(locale);
        await page.locator(`html[lang="${locale}"]`).waitFor();
      }
      await signedInPages(locale, cardId);
    }

    // Every page of the brief was seen in both languages and both themes.
    expect(checked).toHaveLength(17 * 2 * 2);
    expect(findings, findings.join("\n")).toEqual([]);
  });
});
