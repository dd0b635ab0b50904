import http from "node:http";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { createDb, configureSqlite } from "@/lib/db/client";
import { createAccount } from "@/lib/accounts/sign-up";
import { ROOT, startServer, type RunningServer } from "../helpers/server";
import { actionId } from "../helpers/actions";
import { signInOverHttp } from "../helpers/http-session";
import { formArgs, noJsForm } from "../helpers/hostile";

/** What an attacker found against a production build (issue 15), each tried again here. */
let server: RunningServer;
const PASSWORD = "correct horse battery";

function sqlite(): Database.Database {
  return new Database(server.databaseUrl.slice("file:".length));
}
function sessionVersion(email: string): number {
  const db = sqlite();
  try {
    return (db.prepare("select sessionVersion from User where email = ?").get(email) as { sessionVersion: number }).sessionVersion;
  } finally {
    db.close();
  }
}
async function learner(email: string): Promise<string> {
  const db = createDb(server.databaseUrl);
  await configureSqlite(db);
  await createAccount(db, { email, name: "Learner", password: PASSWORD, timeZone: "UTC", locale: "en" });
  await db.$disconnect();
  return signInOverHttp(server.baseURL, email, PASSWORD);
}

/** The server's resident memory now and at its peak, in MB (Linux /proc). */
function memory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(status.match(new RegExp(`${field}:\\s+(\\d+) kB`))![1]);
  return { rss: kb("VmRSS") / 1024, peak: kb("VmHWM") / 1024 };
}

/** A POST whose body is sent chunked (no Content-Length), `total` bytes in 64 KB writes. */
function chunkedPost(url: URL, headers: Record<string, string>, total: number): Promise<number> {
  return new Promise((resolve) => {
    const req = http.request(url, { method: "POST", headers: { ...headers, "Transfer-Encoding": "chunked" } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", () => resolve(-1));
    const chunk = Buffer.alloc(64 * 1024, "a");
    let sent = 0;
    const pump = () => {
      while (sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      req.end();
    };
    pump();
  });
}

describe("what an attacker found, tried again", () => {
  beforeAll(async () => {
    server = await startServer();
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
  });

  it("callbackUrl never leaves the site and never makes a 500, signed in or not", async () => {
    const cookie = await learner("redirect@example.com");
    const hostile = ["/\t/evil.example", "/\n/evil.example", "//evil.example", "/\\evil.example", "https://evil.example", "/\u0001x", "/\u007fx", "/\u0085x"];
    for (const page of ["/signin", "/signup"]) {
      for (const raw of hostile) {
        const url = `${server.baseURL}${page}?callbackUrl=${encodeURIComponent(raw)}`;
        const signedIn = await fetch(url, { headers: { Cookie: cookie }, redirect: "manual" });
        expect(signedIn.status, `${page} ${JSON.stringify(raw)}`).toBe(307);
        expect(signedIn.headers.get("location"), `${page} ${JSON.stringify(raw)}`).toBe("/");
        // Signed out, the form is given the same safe target (it navigates there after signing in).
        const signedOut = await fetch(url, { redirect: "manual" });
        expect(signedOut.status).toBe(200);
        // The form's link to the other form carries the target it will use.
        const link = (await signedOut.text()).match(/href="\/sign(?:in|up)\?callbackUrl=([^"]*)"/)?.[1];
        expect(link && decodeURIComponent(link.replace(/&amp;/g, "&")), `${page} ${JSON.stringify(raw)}`).toBe("/");
      }
    }
    // Repeated parameters (an array in searchParams) are no 500 either.
    expect((await fetch(`${server.baseURL}/signin?callbackUrl=/a&callbackUrl=/b`, { redirect: "manual" })).status).toBeLessThan(500);
  });

  it("posts to paths the proxy used to skip pass the same gate: a sign-out without Origin changes nothing", async () => {
    const email = "skipped-paths@example.com";
    const cookie = await learner(email);
    const before = sessionVersion(email);
    const id = actionId("app/_components/sign-out-action.ts", "signOutAction");
    for (const p of ["/robots.txt", "/favicon.ico", "/iconz", "/api/healthz", "/icon.png", "/_next/static/x.js", "/_next/image", "/api/authz", "/no-such-page"]) {
      const res = await fetch(`${server.baseURL}${p}`, { method: "POST", redirect: "manual", headers: { cookie }, body: noJsForm(id, {}) });
      expect(res.status, p).toBe(403);
      const scripted = await fetch(`${server.baseURL}${p}`, { method: "POST", redirect: "manual", headers: { cookie, "Next-Action": id }, body: noJsForm(id, {}) });
      expect(scripted.status, p).toBe(403);
    }
    expect(sessionVersion(email)).toBe(before);
    // The control: the same form from the site itself does sign out.
    const own = await fetch(`${server.baseURL}/robots.txt`, { method: "POST", redirect: "manual", headers: { cookie, Origin: server.baseURL }, body: noJsForm(id, {}) });
    expect(own.status).toBeLessThan(500);
    expect(sessionVersion(email)).toBe(before + 1);
  });

  it("chunked and oversized action bodies are refused as they arrive: 16 concurrent 12 MB posts barely move the server's memory", async () => {
    const id = actionId("app/_components/locale-action.ts", "setLocaleAction");
    const url = new URL("/", server.baseURL);
    const headers = { "Next-Action": id, Origin: server.baseURL, "Content-Type": "text/plain;charset=UTF-8" };
    // Warm the route first, so its code is not counted as growth.
    await fetch(url, { method: "POST", headers, body: '[{"locale":"en"}]' });
    const pid = server.process.pid!;
    const before = memory(pid);
    const statuses = await Promise.all(Array.from({ length: 16 }, () => chunkedPost(url, headers, 12 * 1024 * 1024)));
    const after = memory(pid);
    console.log(
      `server memory under 16 concurrent 12 MB chunked action posts: RSS ${before.rss.toFixed(0)} → ${after.rss.toFixed(0)} MB, ` +
        `peak ${before.peak.toFixed(0)} → ${after.peak.toFixed(0)} MB (growth of the peak ${(after.peak - before.peak).toFixed(0)} MB; issue 15 saw 534 MB)`,
    );
    // Every post is refused (411) or cut off; none is processed, and the server is still well.
    expect(statuses.every((s) => s === 411 || s === -1)).toBe(true);
    expect(statuses.filter((s) => s === 411).length).toBeGreaterThan(0);
    expect(after.peak - before.peak).toBeLessThan(64);
    const declared = await fetch(url, { method: "POST", headers: { ...headers, "Content-Length": String(12 * 1024 * 1024) }, body: "x".repeat(12 * 1024 * 1024) }).catch(() => null);
    if (declared) expect(declared.status).toBe(413);
    expect((await fetch(`${server.baseURL}/api/health`)).status).toBe(200);
  });

  it("/api/auth/session answers nothing for a signed-out or deleted session", async () => {
    const email = "session-route@example.com";
    const cookie = await learner(email);
    const live = (await (await fetch(`${server.baseURL}/api/auth/session`, { headers: { cookie } })).json()) as { user?: { email?: string } };
    expect(live.user?.email).toBe(email);
    const db = sqlite();
    try {
      db.prepare("update User set sessionVersion = sessionVersion + 1 where email = ?").run(email);
    } finally {
      db.close();
    }
    const ended = await (await fetch(`${server.baseURL}/api/auth/session`, { headers: { cookie } })).json();
    expect(ended).toEqual({});

    const gone = "session-gone@example.com";
    const goneCookie = await learner(gone);
    const db2 = sqlite();
    try {
      db2.prepare("delete from User where email = ?").run(gone);
    } finally {
      db2.close();
    }
    expect(await (await fetch(`${server.baseURL}/api/auth/session`, { headers: { cookie: goneCookie } })).json()).toEqual({});
  });

  it("q=%00 in deck search matches no card", async () => {
    const cookie = await learner("search-nul@example.com");
    const all = await (await fetch(`${server.baseURL}/decks/browse`, { headers: { cookie } })).text();
    const nul = await (await fetch(`${server.baseURL}/decks/browse?q=%00`, { headers: { cookie } })).text();
    const cards = (html: string) => (html.match(/href="\/decks\/cards\/[^"]+"/g) ?? []).length;
    expect(cards(all)).toBeGreaterThan(10);
    expect(cards(nul)).toBe(0);
  });

  it("display names of only zero-width or bidi characters, or with NUL, are refused at sign-up", async () => {
    const id = actionId("app/(auth)/signup/actions.ts", "signUpAction");
    for (const [i, name] of ["\u200b\u200b", "\u202e\u202d", "Ad\u0000a"].entries()) {
      const form = formArgs({ email: `odd${i}@example.com`, name, password: "long enough pass", timeZone: "UTC", locale: "en" });
      const res = await fetch(`${server.baseURL}/signup`, { method: "POST", headers: { "Next-Action": id, Origin: server.baseURL, Accept: "text/x-component" }, body: form });
      expect(await res.text()).toContain('"name":"name.invalid"');
    }
    const db = sqlite();
    try {
      expect(db.prepare("select count(*) as n from User where email like 'odd%'").get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });

  it("the production build holds no benchmark code", () => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, ".next/server/server-reference-manifest.json"), "utf8")) as { node: Record<string, { filename: string; exportedName: string }> };
    const actions = Object.values(manifest.node).map((e) => `${e.filename}#${e.exportedName}`);
    expect(actions.length).toBeGreaterThan(5);
    expect(actions.filter((a) => /bench|noop/i.test(a))).toEqual([]);
  });
  // Last: it uses up the budget of the one address every test here signs in from.
  it("a client cannot pick its own address: a new X-Forwarded-For per try does not escape the sign-in limit", async () => {
    const csrf = await fetch(`${server.baseURL}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    const outcomes: string[] = [];
    for (let i = 0; i < 35; i++) {
      const res = await fetch(`${server.baseURL}/api/auth/callback/credentials`, {
        method: "POST",
        redirect: "manual",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: jar, "X-Forwarded-For": `198.51.100.${i}`, "X-Real-IP": `203.0.113.${i}` },
        body: new URLSearchParams({ csrfToken, email: `spoof${i}@example.com`, password: "wrong password", json: "true" }),
      });
      const body = (await res.json()) as { url?: string };
      outcomes.push(decodeURIComponent(body.url ?? ""));
    }
    // 30 failures per address in 15 minutes: the later tries are refused, whatever the header said.
    expect(outcomes.slice(30).every((u) => u.includes("error=rate-limited"))).toBe(true);
    // One address counter, not one per forged value.
    const db = sqlite();
    try {
      const keys = (db.prepare("select key from RateLimiterFlexible where key like 'signin-ip:%'").all() as { key: string }[]).map((r) => r.key);
      expect(keys).toEqual(["signin-ip:127.0.0.1"]);
    } finally {
      db.close();
    }
  });

});
