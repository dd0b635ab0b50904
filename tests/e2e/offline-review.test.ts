import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import Database from "better-sqlite3";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { replayExport } from "@/lib/accounts/export-replay";
import { compileDeck } from "@/lib/core/deck/compile";
import type { CompiledDeck } from "@/lib/core/deck/types";
import { catalogOf } from "@/lib/core/quiz/catalog";
import { judgeTypeIn } from "@/lib/core/quiz/type-in";
import { typeInAnswerFor } from "@/lib/core/quiz/type-in-offer";
import type { TypedAnswer } from "@/lib/core/quiz/types";
import { readSource } from "@/seed/source";
import { downloadExport, launchBrowser, reviewSaved, signUpInBrowser, swControlled } from "../helpers/browser";
import { startServer, type RunningServer } from "../helpers/server";

/**
 * Review without a network (issue 17): answers kept on the device, shown at once, sent in order
 * when the network returns, each applied once; two devices answering the same card; an answer the
 * server refuses, reconciled on screen.
 */
const enabled = inject("browserTests");
let server: RunningServer;
let browser: Browser;

const db = () => new Database(server.databaseUrl.slice("file:".length));
const count = (sql: string, ...args: unknown[]) => (db().prepare(sql).get(...args) as { n: number }).n;

async function learnerContext(email: string, newPerDay = 10, typeAnswers = false): Promise<{ context: BrowserContext; page: Page; userId: string }> {
  const context = await browser.newContext({ locale: "en-US", timezoneId: "Europe/Berlin", viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await signUpInBrowser(page, server.baseURL, email, "Offline learner");
  db().prepare("update User set newPerDay = ?, typeAnswers = ? where email = ?").run(newPerDay, typeAnswers ? 1 : 0, email);
  await page.goto(`${server.baseURL}/review`);
  await page.getByTestId("review-card").waitFor();
  await reviewSaved(page);
  const userId = (db().prepare("select id from User where email = ?").get(email) as { id: string }).id;
  return { context, page, userId };
}

const shownCard = (page: Page) => page.getByTestId("review-card").getAttribute("data-card-id");

/** Reveal and grade the card on screen; resolves when the next card (or the end) is on screen. */
async function answer(page: Page, grade: number): Promise<string> {
  const id = (await shownCard(page))!;
  const reviewed = await page.getByTestId("review-session").getAttribute("data-waiting");
  await page.keyboard.press("Space");
  await page.getByTestId("card-back").waitFor();
  await page.keyboard.press(String(grade));
  await page.waitForFunction(
    ([card, before]) => {
      const shown = document.querySelector("[data-testid=review-card]");
      const session = document.querySelector("[data-testid=review-session]");
      return !shown || shown.getAttribute("data-card-id") !== card || session?.getAttribute("data-waiting") !== before;
    },
    [id, reviewed] as const,
  );
  return id;
}

/** What one store of the page's IndexedDB holds: its records' keys. */
function storedKeys(page: Page, store: "outbox" | "cards"): Promise<IDBValidKey[]> {
  return page.evaluate(
    (name) =>
      new Promise<IDBValidKey[]>((resolve, reject) => {
        const open = indexedDB.open("kubecards");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction(name).objectStore(name).getAllKeys();
          req.onsuccess = () => {
            open.result.close();
            resolve(req.result);
          };
          req.onerror = () => reject(req.error);
        };
      }),
    store,
  );
}

/**
 * Waits until the page's IndexedDB outbox holds `n` records (an answer is stored a moment after it
 * shows). Polled from here: waitForFunction does not wait for a promise its function returns.
 */
async function storedAnswers(page: Page, n: number): Promise<void> {
  await expect.poll(async () => (await storedKeys(page, "outbox")).length).toBe(n);
}

async function exportReplays(page: Page): Promise<void> {
  expect(replayExport(await downloadExport(page, server.baseURL))).toEqual([]);
}

/** Opens /review under the service worker's control, so the worker keeps this learner's page. */
async function reviewUnderWorker(page: Page): Promise<void> {
  await swControlled(page);
  await page.goto(`${server.baseURL}/review`);
  await page.getByTestId("review-card").waitFor();
  await reviewSaved(page);
}

/** The typed answer the server's own code gives a card (null: the card asks for no typing). */
let seeded: CompiledDeck | null = null;
function serverTypedAnswer(cardId: string): TypedAnswer | null {
  const deck = (seeded ??= compileDeck(readSource().markdown));
  const { key } = db().prepare("select key from Card where id = ?").get(cardId) as { key: string };
  return typeInAnswerFor(catalogOf(deck), deck.cards.find((c) => c.key === key)!);
}

describe.runIf(enabled)("review without a network", () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("keeps answering offline with a badge of what waits, then delivers each answer exactly once", async () => {
    const { context, page, userId } = await learnerContext("offline@example.com");
    await context.setOffline(true);
    const answered: string[] = [];
    for (const g of [5, 4, 2, 5]) answered.push(await answer(page, g));
    await expect.poll(() => page.getByTestId("outbox-badge").textContent()).toMatch(/^Offline: 4 answers are kept on this device/);
    // Undo works offline: the last answer, never sent, is taken back and the card is shown again.
    await page.keyboard.press("u");
    await page.waitForFunction((id) => document.querySelector("[data-testid=review-card]")?.getAttribute("data-card-id") === id, answered[3]);
    await page.waitForSelector('[data-testid=review-session][data-waiting="3"]');
    await expect.poll(() => page.getByTestId("outbox-badge").textContent()).toMatch(/^Offline: 3 answers are kept/);
    answered[3] = await answer(page, 3);
    await expect(page.getByTestId("review-left").textContent()).resolves.toBe("0 review · 6 new · 2 to repeat");
    expect(count("select count(*) n from ReviewLog where userId = ?", userId)).toBe(0);

    // Closed while offline: the outbox is in IndexedDB, not in the page.
    await storedAnswers(page, 4);
    await page.close();
    await context.setOffline(false);
    const again = await context.newPage();
    await again.goto(`${server.baseURL}/review`);
    await again.getByTestId("review-card").waitFor();
    await reviewSaved(again);
    await expect(again.getByTestId("outbox-badge").count()).resolves.toBe(0);
    // In the order given, each once, and dated when it was given (not when it arrived).
    const rows = db().prepare("select cardId, grade, kind, requestId from ReviewLog where userId = ? order by reviewedAt, id").all(userId) as { cardId: string; grade: number; kind: string; requestId: string }[];
    expect(rows.map((r) => r.cardId)).toEqual(answered);
    expect(rows.map((r) => r.grade)).toEqual([5, 4, 2, 3]);
    expect(new Set(rows.map((r) => r.requestId)).size).toBe(4);
    await expect(again.getByTestId("review-left").textContent()).resolves.toBe("0 review · 6 new · 2 to repeat");
    expect(count("select count(*) n from ReviewLog where userId = ? and undoneAt is not null", userId)).toBe(0);
    await exportReplays(again);
    await context.close();
  });

  it("two devices answer the same card: the first to reach the server sets the schedule, the other counts as a repeat, and the learner is told", async () => {
    const email = "two-devices@example.com";
    const phone = await learnerContext(email, 5);
    const laptopContext = await browser.newContext({ locale: "en-US", timezoneId: "Europe/Berlin" });
    await laptopContext.addCookies(await phone.context.cookies());
    const laptop = await laptopContext.newPage();
    await laptop.goto(`${server.baseURL}/review`);
    await laptop.getByTestId("review-card").waitFor();
    const card = (await shownCard(phone.page))!;
    expect(await shownCard(laptop)).toBe(card);

    await phone.context.setOffline(true);
    await answer(phone.page, 1); // on the train: forgot it
    await answer(laptop, 5); // at home, later, online
    await reviewSaved(laptop);
    await phone.context.setOffline(false);
    await phone.page.evaluate(() => window.dispatchEvent(new Event("online")));
    await reviewSaved(phone.page);
    await expect(phone.page.getByTestId("review-notice").textContent()).resolves.toBe("That card was answered first on another device or tab, so your answer counted as a repeat.");
    const rows = db().prepare("select kind, grade from ReviewLog where cardId = ? and userId = (select id from User where email = ?) order by reviewedAt, id").all(card, email);
    expect(rows).toEqual([
      { kind: "new", grade: 5 },
      { kind: "drill", grade: 1 },
    ]);
    // The phone's "forgot it" brings the card back today, on both devices.
    await expect(phone.page.getByTestId("review-left").textContent()).resolves.toMatch(/1 to repeat$/);
    await laptop.reload();
    await expect(laptop.getByTestId("review-left").textContent()).resolves.toMatch(/1 to repeat$/);
    await exportReplays(laptop);
    await laptopContext.close();
    await phone.context.close();
  });

  it("an answer the server refuses (the card left the deck meanwhile) is shown and the session corrected without a reload", async () => {
    const email = "refused@example.com";
    const { context, page } = await learnerContext(email, 3);
    await context.setOffline(true);
    const card = await answer(page, 4);
    await expect(page.getByTestId("review-left").textContent()).resolves.toBe("0 review · 2 new · 0 to repeat");
    db().prepare("update Card set retiredAt = ? where id = ?").run(new Date().toISOString().replace("Z", "+00:00"), card);
    try {
      await context.setOffline(false);
      await page.evaluate(() => window.dispatchEvent(new Event("online")));
      await reviewSaved(page);
      await expect(page.getByTestId("review-notice").textContent()).resolves.toBe("A card you answered has left the deck; that answer was not saved.");
      expect(count("select count(*) n from ReviewLog where cardId = ? and userId = (select id from User where email = ?)", card, email)).toBe(0);
      // The day as the server holds it: the retired card is gone and no new card was used up.
      await expect(page.getByTestId("review-left").textContent()).resolves.toBe("0 review · 3 new · 0 to repeat");
      expect(await shownCard(page)).not.toBe(card);
    } finally {
      db().prepare("update Card set retiredAt = null where id = ?").run(card);
    }
    await context.close();
  });

  it("answers kept for one account never go into another signed in later on the same browser", async () => {
    const { context, page, userId: a } = await learnerContext("first-account@example.com", 3);
    // This tab alone loses the network (the browser's other tabs keep theirs).
    await page.route("**/*", (route) => route.abort("internetdisconnected"));
    const card = await answer(page, 5);
    await storedAnswers(page, 1);
    // The first account signs out elsewhere; a second signs up in another tab of the same browser.
    await context.clearCookies();
    const other = await context.newPage();
    await signUpInBrowser(other, server.baseURL, "second-account@example.com", "Second account");
    const b = (db().prepare("select id from User where email = ?").get("second-account@example.com") as { id: string }).id;
    // The first tab comes back online and tries its outbox, now with the second account's cookie.
    await page.unroute("**/*");
    const tried = page.waitForResponse((r) => r.request().method() === "POST" && r.request().headers()["next-action"] !== undefined);
    await page.evaluate(() => window.dispatchEvent(new Event("online")));
    await tried;
    expect(db().prepare("select count(*) as n from ReviewLog where userId = ?").get(b)).toEqual({ n: 0 });
    await storedAnswers(page, 1);
    // Back as the first account: the kept answer is delivered to it, once.
    await context.clearCookies();
    await other.goto(`${server.baseURL}/signin`);
    await other.getByLabel("Email").fill("first-account@example.com");
    await other.getByLabel("Password").fill("correct horse battery");
    await other.getByRole("button", { name: "Sign in" }).click();
    await other.waitForURL(`${server.baseURL}/`);
    await other.goto(`${server.baseURL}/review`);
    await reviewSaved(other);
    await storedAnswers(other, 0);
    expect(db().prepare("select cardId, grade from ReviewLog where userId = ?").all(a)).toEqual([{ cardId: card, grade: 5 }]);
    expect(db().prepare("select count(*) as n from ReviewLog where userId = ?").get(b)).toEqual({ n: 0 });
    await context.close();
  });

  it("delivers an outbox written by an earlier build (its records as that build stored them)", async () => {
    const email = "old-build@example.com";
    const { context, page, userId } = await learnerContext(email, 3);
    const card = (await shownCard(page))!;
    const requestId = crypto.randomUUID();
    // Dated in the past but after the account was made, since nothing is dated before it: midway
    // between the two, however quickly the sign-up and the first page load went.
    const createdAt = new Date((db().prepare("select createdAt from User where id = ?").get(userId) as { createdAt: string | number }).createdAt).getTime();
    const answeredAt = Math.floor((createdAt + Date.now()) / 2);
    expect(answeredAt).toBeGreaterThan(createdAt);
    // The record exactly as format 1 stores it, written with the raw IndexedDB API, not the app's code.
    await page.evaluate(
      ([user, cardId, id, at]) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open("kubecards");
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction("outbox", "readwrite");
            tx.objectStore("outbox").add({ v: 1, userId: user, op: { type: "grade", requestId: id, cardId, grade: 4, answeredAt: new Date(at), durationMs: 3000, expected: "first" } });
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      [userId, card, requestId, answeredAt] as const,
    );
    await page.reload();
    await page.getByTestId("review-card").waitFor();
    await reviewSaved(page);
    const row = db().prepare("select cardId, grade, reviewedAt from ReviewLog where requestId = ?").get(requestId) as { cardId: string; grade: number; reviewedAt: string | number };
    expect(row).toMatchObject({ cardId: card, grade: 4 });
    expect(new Date(row.reviewedAt).getTime()).toBe(answeredAt);
    expect(await shownCard(page)).not.toBe(card);
    await context.close();
  });

  it("reloads offline (the page from the service worker, the day and the outbox from IndexedDB) and keeps reviewing", async () => {
    const email = "reload-offline@example.com";
    const { context, page, userId } = await learnerContext(email, 6);
    await reviewUnderWorker(page);

    await context.setOffline(true);
    const first = await answer(page, 5);
    const second = await answer(page, 4);
    await storedAnswers(page, 2);
    await page.reload();
    await page.getByTestId("review-card").waitFor();
    await page.waitForSelector('[data-testid=review-session][data-waiting="2"]');
    // The answers given before the reload still count: those two cards are done for today.
    await expect(page.getByTestId("review-left").textContent()).resolves.toBe("0 review · 4 new · 0 to repeat");
    expect([first, second]).not.toContain(await shownCard(page));
    const third = await answer(page, 5);
    await expect.poll(() => page.getByTestId("outbox-badge").textContent()).toMatch(/^Offline: 3 answers are kept/);
    expect(count("select count(*) n from ReviewLog where userId = ?", userId)).toBe(0);

    await context.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event("online")));
    await reviewSaved(page);
    const rows = db().prepare("select cardId from ReviewLog where userId = ? order by reviewedAt, id").all(userId) as { cardId: string }[];
    expect(rows.map((r) => r.cardId)).toEqual([first, second, third]);
    await exportReplays(page);
    await context.close();
  });

  it("judges typed answers offline, in the browser, as the server's checker does, and delivers the answers graded from them once", async () => {
    const email = "typist-offline@example.com";
    const { context, page, userId } = await learnerContext(email, 40, true);
    await reviewUnderWorker(page);
    // The server's judge over the seeded deck: what the browser must show.
    const keyOf = (id: string) => (db().prepare("select key from Card where id = ?").get(id) as { key: string }).key;
    const onServer = (cardId: string, text: string) => judgeTypeIn(serverTypedAnswer(cardId)!, text);

    await context.setOffline(true);
    const given: string[] = [];
    const grades: number[] = [];
    /** Grades the cards that ask for no typing until one does; returns it. */
    async function nextTypedCard(): Promise<string> {
      for (let i = 0; i < 40 && (await page.getByTestId("type-in").count()) === 0; i++) {
        given.push(await answer(page, 5));
        grades.push(5);
      }
      await page.getByTestId("type-in").waitFor({ timeout: 1000 });
      return (await shownCard(page))!;
    }
    /** Types the text, checks it (the checker's script comes from the service worker), grades the suggestion with Enter. */
    async function typeAndGrade(cardId: string, text: string): Promise<{ correct: boolean; suggested: number; expected: string }> {
      await page.getByTestId("type-in-answer").fill(text);
      await page.getByTestId("type-in-answer").press("Enter");
      await page.getByTestId("type-in-result").waitFor();
      const shown = {
        correct: (await page.getByTestId("type-in-result").getAttribute("data-correct")) === "true",
        suggested: Number(await page.locator("[data-suggested=true]").getAttribute("data-grade")),
        expected: (await page.getByTestId("type-in-expected").textContent())!,
      };
      await page.keyboard.press("Enter");
      await page.waitForFunction((before) => document.querySelector("[data-testid=review-card]")?.getAttribute("data-card-id") !== before, cardId);
      given.push(cardId);
      grades.push(shown.suggested);
      return shown;
    }

    const first = await nextTypedCard();
    expect(keyOf(first)).toMatch(/^component:kubelet:duty:/);
    const typo = onServer(first, "kublet");
    expect(typo).toMatchObject({ correct: true, exact: false, suggested: 4 });
    await expect(typeAndGrade(first, "kublet")).resolves.toEqual({ correct: true, suggested: 4, expected: typo.target });

    const second = await nextTypedCard();
    const wrongText = keyOf(second).startsWith("component:etcd:") ? "kube-proxy" : "etcd";
    const wrong = onServer(second, wrongText);
    expect(wrong).toMatchObject({ correct: false, suggested: 1 });
    await expect(typeAndGrade(second, wrongText)).resolves.toEqual({ correct: false, suggested: 1, expected: wrong.target });
    await storedAnswers(page, given.length);
    expect(count("select count(*) n from ReviewLog where userId = ?", userId)).toBe(0);

    // Back online: each answer delivered once, in order, with the grade taken from the typed check.
    await context.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event("online")));
    await reviewSaved(page);
    await page.evaluate(() => window.dispatchEvent(new Event("online")));
    await reviewSaved(page);
    const rows = db().prepare("select cardId, grade, requestId from ReviewLog where userId = ? order by reviewedAt, id").all(userId) as { cardId: string; grade: number; requestId: string }[];
    expect(rows.map((r) => r.cardId)).toEqual(given);
    expect(rows.map((r) => r.grade)).toEqual(grades);
    expect(rows.filter((r) => r.cardId === first).map((r) => r.grade)).toEqual([4]);
    expect(rows.filter((r) => r.cardId === second).map((r) => r.grade)).toEqual([1]);
    expect(new Set(rows.map((r) => r.requestId)).size).toBe(given.length);
    await exportReplays(page);
    await context.close();
  });

  it("a typed card the earlier build kept without its answer: offline the learner grades it themselves, online it is fetched again and asks for typing", async () => {
    const email = "typist-old-build@example.com";
    const { context, page, userId } = await learnerContext(email, 1, true);
    // The page the worker keeps holds a day of two new cards, none of them typed.
    await reviewUnderWorker(page);
    const typedCard = (id: string) => serverTypedAnswer(id) !== null;
    const typedIds = (db().prepare("select id from Card where retiredAt is null").all() as { id: string }[]).map((c) => c.id).filter(typedCard);
    // A bigger day arrives through a sync and its cards are kept; then each typed card is stored
    // again exactly as the earlier build stored it: no format, no answer, `typeIn: true`.
    db().prepare("update User set newPerDay = 40 where id = ?").run(userId);
    await page.evaluate(() => window.dispatchEvent(new Event("online")));
    await expect.poll(async () => {
      const kept = await storedKeys(page, "cards");
      return typedIds.filter((id) => !kept.includes(id)).length;
    }).toBe(0);
    const rewritten = await page.evaluate(
      ([ids]) =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open("kubecards");
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const store = open.result.transaction("cards", "readwrite").objectStore("cards");
            const all = store.getAll();
            all.onsuccess = () => {
              const old = (all.result as { id: string; topic: string; front: unknown; back: unknown; note: unknown; source: unknown }[]).filter((r) => ids.includes(r.id));
              for (const r of old) store.put({ id: r.id, topic: r.topic, front: r.front, back: r.back, note: r.note, source: r.source, typeIn: true });
              store.transaction.oncomplete = () => {
                open.result.close();
                resolve(old.length);
              };
            };
          };
        }),
      [typedIds] as const,
    );
    expect(typedIds.length).toBeGreaterThanOrEqual(15);
    expect(rewritten).toBe(typedIds.length);

    // Offline, the page from the worker (its own day has no typed card) runs the kept, bigger day.
    await context.setOffline(true);
    await page.reload();
    await page.getByTestId("review-card").waitFor();
    await page.waitForSelector("[data-testid=review-session][data-waiting]");
    /** Grades the cards that are not typed until one is on screen; returns it. */
    async function untilTyped(): Promise<string> {
      for (let i = 0; i < 40 && !typedCard((await shownCard(page))!); i++) await answer(page, 5);
      return (await shownCard(page))!;
    }
    let shown = await untilTyped();
    expect(typedCard(shown)).toBe(true);
    // Its answer is unknown here: no field to type in; the learner sees the answer and grades.
    await expect(page.getByTestId("type-in").count()).resolves.toBe(0);
    await expect(page.getByRole("button", { name: /^Show answer/ }).count()).resolves.toBe(1);
    const graded = await answer(page, 4);
    expect(graded).toBe(shown);

    // Online again: the answers go, the typed cards' answers are fetched, and the next one asks for typing.
    await context.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event("online")));
    await reviewSaved(page);
    shown = await untilTyped();
    expect(typedCard(shown)).toBe(true);
    await page.getByTestId("type-in").waitFor();
    expect(count("select count(*) n from ReviewLog where userId = ? and cardId = ? and grade = 4", userId, graded)).toBe(1);
    await context.close();
  });

  it("answers left waiting are delivered from any page once the network is back, and that page counts them", async () => {
    const email = "courier@example.com";
    const { context, page, userId } = await learnerContext(email, 4);
    await context.setOffline(true);
    await answer(page, 5);
    await answer(page, 5);
    await storedAnswers(page, 2);
    // The review page is gone (it would deliver them itself); the learner opens home once online.
    await page.close();
    await context.setOffline(false);
    const home = await context.newPage();
    await home.goto(`${server.baseURL}/`);
    await expect.poll(() => count("select count(*) n from ReviewLog where userId = ?", userId)).toBe(2);
    await expect.poll(() => home.getByTestId("home-new").textContent()).toBe("2 new cards");
    await context.close();
  });
});
