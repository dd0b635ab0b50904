import Database from "better-sqlite3";
import { launchBrowser, signUpInBrowser } from "./helpers/browser";
import { ensureBuild, startServer } from "./helpers/server";
ensureBuild();
const server = await startServer();
const browser = await launchBrowser();
try {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await signUpInBrowser(page, server.baseURL, "p@example.com", "P");
  new Database(server.databaseUrl.slice(5)).prepare("update User set newPerDay = 79").run();
  await page.goto(`${server.baseURL}/review`);
  await page.getByTestId("review-card").waitFor();
  await page.waitForTimeout(1000);
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press("Space");
    await page.getByTestId("card-back").waitFor();
    await page.waitForTimeout(50);
    await page.keyboard.press(String(3 + (i % 3)));
    await page.waitForTimeout(120);
  }
  const r = await page.evaluate(() => ({ commits: (window as any).__commits as number[], paints: performance.getEntriesByName("review:answer-to-paint").map((e) => e.duration) }));
  const q = (a: number[], p: number) => [...a].sort((x, y) => x - y)[Math.floor((a.length - 1) * p)];
  console.log("commit p50/p95", q(r.commits, 0.5).toFixed(1), q(r.commits, 0.95).toFixed(1), "paint p50/p95", q(r.paints, 0.5)?.toFixed(1), q(r.paints, 0.95)?.toFixed(1), r.paints.length);
} finally {
  await browser.close();
  await server.stop();
}
