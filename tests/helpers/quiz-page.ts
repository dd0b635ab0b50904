import { expect } from "vitest";
import type { Page } from "playwright-core";

/** A quiz question as stored: the test reads the right answer the way only the server can. */
export interface StoredQuestion {
  position: number;
  prompt: string;
  answer: string;
}

const listOrder = (page: Page) => page.locator("[data-testid=ordering-list] li").evaluateAll((els) => els.map((e) => e.getAttribute("data-item")));
/** The ordering input moves focus to the moved item on the next animation frame: let that land first. */
const nextFrames = (page: Page) => page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));

/**
 * Puts the ordering list into `order` with Alt+↑ on focused items only, then submits with Enter.
 * Each press waits for its move to show (and the focus it moves) before the next, as a person does.
 */
async function orderWithKeyboard(page: Page, order: string[]) {
  for (let target = 0; target < order.length; target++) {
    const from = (await listOrder(page)).indexOf(order[target]);
    for (let k = from; k > target; k--) {
      await page.locator(`[data-item="${order[target]}"]`).focus();
      await page.keyboard.press("Alt+ArrowUp");
      await page.waitForFunction(([id, at]) => document.querySelectorAll("[data-testid=ordering-list] li")[at as number]?.getAttribute("data-item") === id, [order[target], k - 1] as const);
      await nextFrames(page);
    }
  }
  await page.getByTestId("ordering-submit").focus();
  await page.keyboard.press("Enter");
}

/**
 * Answers the question on screen with the keyboard only: right when `right`, else wrong; then moves
 * on. `onFeedback` runs while the feedback is on screen.
 */
export async function answerCurrent(page: Page, q: StoredQuestion, right: boolean, onFeedback?: () => Promise<void>) {
  // This question on screen, unanswered, and no answer still on its way: a key pressed earlier is
  // not what a person would do (they see the question first).
  await page.locator(`[data-testid=quiz-runner][data-position="${q.position}"]:not([aria-busy=true])`).waitFor();
  const prompt = JSON.parse(q.prompt);
  const answer = JSON.parse(q.answer);
  if (prompt.type === "choice") {
    const ids: string[] = prompt.options.map((o: { id: string }) => o.id);
    const pick = right ? answer : ids.find((id) => id !== answer);
    await page.keyboard.press(String(ids.indexOf(pick) + 1));
  } else if (prompt.type === "true-false") {
    await page.keyboard.press((right ? answer : !answer) ? "t" : "f");
  } else if (prompt.type === "typed") {
    // The field has focus when the question shows; Enter checks.
    await page.keyboard.type(right ? answer.accepted[0] : answer.rivals[0].names[0]);
    await page.keyboard.press("Enter");
  } else if (prompt.type === "multi") {
    const ids: string[] = prompt.options.map((o: { id: string }) => o.id);
    const picks: string[] = right ? answer : ids.filter((id) => !answer.includes(id));
    for (const id of picks) await page.keyboard.press(String(ids.indexOf(id) + 1));
    await page.keyboard.press("Enter");
  } else {
    await orderWithKeyboard(page, right ? answer : [...answer].reverse());
  }
  // The feedback, or the error the page shows instead (so a failure says what the learner saw).
  await page.locator("[data-testid=quiz-feedback], [data-testid=quiz-runner] > [role=alert]").first().waitFor();
  const alert = page.locator("[data-testid=quiz-runner] > [role=alert]");
  if (await alert.count()) throw new Error(`question ${q.position}: the page shows "${await alert.textContent()}" instead of feedback`);
  await expect(page.getByTestId("quiz-feedback").getAttribute("data-correct")).resolves.toBe(String(right));
  if (onFeedback) {
    await onFeedback();
    await page.getByTestId("quiz-next").focus();
  }
  // The Next button has focus: Enter moves on.
  await page.keyboard.press("Enter");
}
