import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDb, configureSqlite } from "@/lib/db/client";
import { createAccount } from "@/lib/accounts/sign-up";
import { launchBrowser } from "../helpers/browser";
import { startServer, type RunningServer } from "../helpers/server";
import { signInOverHttp } from "../helpers/http-session";
import { actionId } from "../helpers/actions";

let server: RunningServer;
let cookie: string;
const XSS_NAME = "<img src=x onerror=alert(1)>";

function expectSecurityHeaders(h: Headers, html: boolean) {
  expect(h.get("x-content-type-options")).toBe("nosniff");
  expect(h.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  expect(h.get("permissions-policy")).toContain("camera=()");
  if (html) {
    const csp = h.get("content-security-policy") ?? "";
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  }
}

describe("security headers and session cookies", () => {
  beforeAll(async () => {
    server = await startServer();
    const db = createDb(server.databaseUrl);
    await configureSqlite(db);
    await createAccount(db, { email: "xss@example.com", name: XSS_NAME, password: "correct horse battery", timeZone: "UTC", locale: "en" });
    await db.$disconnect();
    cookie = await signInOverHttp(server.baseURL, "xss@example.com", "correct horse battery");
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
  });

  it("every kind of page carries the headers: public, signed-in, dynamic, not found, API and static", async () => {
    const get = (path: string, withCookie = true) => fetch(`${server.baseURL}${path}`, { headers: withCookie ? { Cookie: cookie } : {}, redirect: "manual" });
    for (const path of ["/", "/signin", "/signup", "/review", "/quizzes", "/decks", "/settings", "/progress", "/no-such-page"]) {
      const res = await get(path);
      expect(res.status, path).toBeLessThan(500);
      expectSecurityHeaders(res.headers, true);
    }
    const redirect = await get("/review", false);
    expect(redirect.status).toBe(307);
    expectSecurityHeaders(redirect.headers, true);
    for (const path of ["/api/auth/session", "/api/health"]) expectSecurityHeaders((await get(path)).headers, false);
    // next-auth's own HTML pages carry the app's policy too.
    for (const path of ["/api/auth/signout", "/api/auth/error", "/api/auth/error?error=Configuration"]) {
      const res = await get(path, false);
      expect(res.headers.get("content-type") ?? "", path).toContain("text/html");
      expectSecurityHeaders(res.headers, true);
    }
    // Over plain http there is no HSTS (it would pin the browser to https).
    expect((await get("/")).headers.get("strict-transport-security")).toBeNull();
    const html = await (await get("/signin", false)).text();
    const asset = html.match(/\/_next\/static\/[^"]+\.js/)?.[0];
    expect(asset).toBeTruthy();
    expectSecurityHeaders((await get(asset!, false)).headers, false);
  });

  it("the session cookie is HttpOnly and SameSite=Lax, and Secure behind HTTPS", async () => {
    const csrf = await fetch(`${server.baseURL}/api/auth/csrf`);
    const { csrfToken } = await csrf.json();
    const res = await fetch(`${server.baseURL}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ") },
      body: new URLSearchParams({ csrfToken, email: "xss@example.com", password: "correct horse battery", json: "true" }),
    });
    const session = res.headers.getSetCookie().find((c) => c.includes("session-token"))!;
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);

    const https = await startServer({ NEXTAUTH_URL: "https://kubecards.example" });
    try {
      const c = await fetch(`${https.baseURL}/api/auth/csrf`);
      expect(c.headers.getSetCookie().join("\n")).toMatch(/__Host-next-auth\.csrf-token=[^;]+;.*Secure/i);
      // HSTS on pages, assets, next-auth's endpoints and refusals alike.
      for (const path of ["/", "/signin", "/api/auth/csrf", "/api/health", "/robots.txt"]) {
        expect((await fetch(`${https.baseURL}${path}`, { redirect: "manual" })).headers.get("strict-transport-security"), path).toMatch(/max-age=\d{7,}/);
      }
      // The language cookie is Secure too.
      const locale = await fetch(`${https.baseURL}/`, {
        method: "POST",
        headers: { "Next-Action": actionId("app/_components/locale-action.ts", "setLocaleAction"), Origin: https.baseURL, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
        body: JSON.stringify([{ locale: "zh-CN" }]),
      });
      expect(locale.headers.getSetCookie().find((c) => c.startsWith("NEXT_LOCALE="))).toMatch(/;\s*Secure/i);
    } finally {
      await https.stop();
    }
  });

  it.runIf(inject("browserTests"))("a display name full of markup renders as text", async () => {
    const browser = await launchBrowser();
    try {
      const context = await browser.newContext();
      await context.addCookies(cookie.split("; ").map((pair) => {
        const i = pair.indexOf("=");
        return { name: pair.slice(0, i), value: pair.slice(i + 1), url: server.baseURL };
      }));
      const page = await context.newPage();
      let dialogs = 0;
      page.on("dialog", async (d) => {
        dialogs++;
        await d.dismiss();
      });
      for (const path of ["/", "/settings"]) {
        await page.goto(`${server.baseURL}${path}`);
        await page.waitForLoadState("networkidle");
        expect(await page.locator("img[src=x]").count()).toBe(0);
      }
      await page.goto(`${server.baseURL}/`);
      await expect(page.getByTestId("user-name").textContent()).resolves.toBe(XSS_NAME);
      await expect(page.getByTestId("home-welcome").textContent()).resolves.toContain(XSS_NAME);
      expect(dialogs).toBe(0);
    } finally {
      await browser.close();
    }
  });
});
