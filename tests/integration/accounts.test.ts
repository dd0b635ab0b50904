import { beforeAll, describe, expect, it } from "vitest";
import { readyDb, type Db } from "@/lib/db/client";
import { createAccount } from "@/lib/accounts/sign-up";
import { verifyCredentials } from "@/lib/accounts/sign-in";
import { createLimiters, SIGN_IN_LIMIT } from "@/lib/accounts/rate-limit";
import { updateSettings, endSessions } from "@/lib/accounts/settings";
import { makeUser } from "../helpers/users";

let db: Db;
beforeAll(async () => {
  db = await readyDb();
});

describe("sign-up", () => {
  it("stores a trimmed, lower-cased email and an argon2id hash, never the password", async () => {
    const r = await createAccount(db, { email: "  Ada@Example.COM ", name: "Ada", password: "s3cret-pass", timeZone: "Asia/Shanghai", locale: "zh-CN" });
    expect(r.ok).toBe(true);
    const u = await db.user.findUniqueOrThrow({ where: { email: "ada@example.com" } });
    expect(u.passwordHash.startsWith("$argon2id$")).toBe(true);
    expect(u.passwordHash).not.toContain("s3cret-pass");
    expect(u).toMatchObject({ timeZone: "Asia/Shanghai", locale: "zh-CN", rolloverHour: 4, newPerDay: 20, maxReviewsPerDay: 200 });
  });

  it("says the email is taken, whatever its case", async () => {
    await makeUser(db, { email: "taken@example.com" });
    const r = await createAccount(db, { email: "TAKEN@example.com", name: "B", password: "another-pass", timeZone: "UTC", locale: "en" });
    expect(r).toEqual({ ok: false, errors: { email: "email.taken" } });
  });

  it("rejects short and long passwords and bad emails with field errors, writing nothing", async () => {
    const before = await db.user.count();
    expect(await createAccount(db, { email: "x@example.com", name: "X", password: "short", timeZone: "UTC", locale: "en" })).toEqual({
      ok: false,
      errors: { password: "password.tooShort" },
    });
    expect(await createAccount(db, { email: "x@example.com", name: "X", password: "a".repeat(129), timeZone: "UTC", locale: "en" })).toEqual({
      ok: false,
      errors: { password: "password.tooLong" },
    });
    expect(await createAccount(db, { email: "not-an-email", name: "X", password: "long-enough", timeZone: "UTC", locale: "en" })).toMatchObject({
      ok: false,
      errors: { email: "email.invalid" },
    });
    expect(await createAccount(db, { email: "y@example.com", name: "X", password: "long-enough", timeZone: "UTC", locale: "en", id: "forged" })).toMatchObject({
      ok: false,
    });
    expect(await db.user.count()).toBe(before);
  });

  it("falls back to UTC for an unknown browser time zone", async () => {
    const r = await createAccount(db, { email: "tz@example.com", name: "T", password: "long-enough", timeZone: "Mars/Olympus", locale: "en" });
    expect(r.ok).toBe(true);
    expect((await db.user.findUniqueOrThrow({ where: { email: "tz@example.com" } })).timeZone).toBe("UTC");
  });
});

describe("sign-in", () => {
  it("accepts the right password with any email casing", async () => {
    const u = await makeUser(db, { email: "grace@example.com", password: "right-password" });
    const r = await verifyCredentials(db, createLimiters(db), { email: " GRACE@example.com", password: "right-password", clientIp: "10.0.0.1" });
    expect(r).toMatchObject({ ok: true, user: { id: u.id } });
  });

  it("gives the same answer for an unknown email and a wrong password", async () => {
    await makeUser(db, { email: "linus@example.com", password: "right-password" });
    const limiters = createLimiters(db);
    const wrong = await verifyCredentials(db, limiters, { email: "linus@example.com", password: "wrong-password", clientIp: "10.0.0.2" });
    const unknown = await verifyCredentials(db, limiters, { email: "nobody@example.com", password: "wrong-password", clientIp: "10.0.0.2" });
    expect(wrong).toEqual({ ok: false, reason: "invalid" });
    expect(unknown).toEqual(wrong);
  });

  it("blocks an email after 10 failures, even with the right password, and says for how long", async () => {
    await makeUser(db, { email: "target@example.com", password: "right-password" });
    const limiters = createLimiters(db);
    const results = [];
    for (let i = 0; i < SIGN_IN_LIMIT.points; i++) {
      // Different addresses: the per-email limit must hold on its own.
      results.push(await verifyCredentials(db, limiters, { email: "target@example.com", password: `guess-${i}`, clientIp: `10.1.0.${i}` }));
    }
    expect(results.slice(0, SIGN_IN_LIMIT.points - 1).every((r) => !r.ok && r.reason === "invalid")).toBe(true);
    expect(results.at(-1)).toMatchObject({ ok: false, reason: "rate-limited" });
    const blocked = await verifyCredentials(db, limiters, { email: "target@example.com", password: "right-password", clientIp: "10.1.1.1" });
    expect(blocked).toMatchObject({ ok: false, reason: "rate-limited" });
    if (!blocked.ok && blocked.reason === "rate-limited") {
      expect(blocked.retryAfterSec).toBeGreaterThan(14 * 60);
      expect(blocked.retryAfterSec).toBeLessThanOrEqual(15 * 60);
    }
  });

  it("blocks a client address that sprays many emails, and the count is shared by a second limiter instance", async () => {
    const first = createLimiters(db);
    const second = createLimiters(db); // e.g. another request or another server process
    let last;
    for (let i = 0; i < SIGN_IN_LIMIT.points * 3; i++) {
      last = await verifyCredentials(db, i % 2 ? first : second, { email: `spray${i}@example.com`, password: "whatever-pass", clientIp: "10.9.9.9" });
    }
    expect(last).toMatchObject({ ok: false, reason: "rate-limited" });
    const other = await verifyCredentials(db, first, { email: "spray-other@example.com", password: "whatever-pass", clientIp: "10.9.9.10" });
    expect(other).toEqual({ ok: false, reason: "invalid" });
  });

  it("one client address adds a bounded number of counters, whatever emails it tries", async () => {
    const limiters = createLimiters(db);
    const rows = () => db.rateLimiterFlexible.count();
    const before = await rows();
    for (let i = 0; i < SIGN_IN_LIMIT.points * 3 + 40; i++) {
      await verifyCredentials(db, limiters, { email: `flood${i}@example.com`, password: "whatever-pass", clientIp: "10.7.7.7" });
    }
    // One counter for the address, and one per email only while the address had budget left.
    expect((await rows()) - before).toBeLessThanOrEqual(SIGN_IN_LIMIT.points * 3);
  });

  it("expired counters are deleted by the next failure's sweep", async () => {
    const past = new Date(Date.now() - 60_000);
    await db.rateLimiterFlexible.createMany({ data: Array.from({ length: 25 }, (_, i) => ({ key: `signin-email:old${i}@example.com`, points: 1, expire: past })) });
    const live = await db.rateLimiterFlexible.count({ where: { OR: [{ expire: null }, { expire: { gte: new Date() } }] } });
    await verifyCredentials(db, createLimiters(db), { email: "sweeper@example.com", password: "whatever-pass", clientIp: "10.6.6.6" });
    expect(await db.rateLimiterFlexible.count({ where: { expire: { lt: new Date() } } })).toBe(0);
    // The two counters of this failure are added; live ones are kept.
    expect(await db.rateLimiterFlexible.count()).toBe(live + 2);
  });
});

describe("settings", () => {
  it("saves valid settings and refuses invalid ones field by field, writing nothing", async () => {
    const u = await makeUser(db);
    const ok = await updateSettings(db, u.id, { name: "New", locale: "zh-CN", timeZone: "Pacific/Kiritimati", rolloverHour: "5", newPerDay: "10", maxReviewsPerDay: "50" });
    expect(ok).toEqual({ ok: true });
    const bad = await updateSettings(db, u.id, { name: "", locale: "fr", timeZone: "Nowhere/City", rolloverHour: "24", newPerDay: "-1", maxReviewsPerDay: "1.5" });
    expect(bad).toEqual({
      ok: false,
      errors: {
        name: "name.required",
        locale: "locale.invalid",
        timeZone: "timeZone.invalid",
        rolloverHour: "rolloverHour.range",
        newPerDay: "newPerDay.range",
        maxReviewsPerDay: "maxReviewsPerDay.invalid",
      },
    });
    expect(await db.user.findUniqueOrThrow({ where: { id: u.id } })).toMatchObject({
      name: "New", locale: "zh-CN", timeZone: "Pacific/Kiritimati", rolloverHour: 5, newPerDay: 10, maxReviewsPerDay: 50,
    });
  });

  it("ending sessions bumps the session version", async () => {
    const u = await makeUser(db);
    await endSessions(db, u.id);
    expect((await db.user.findUniqueOrThrow({ where: { id: u.id } })).sessionVersion).toBe(u.sessionVersion + 1);
  });
});
