import { beforeAll, describe, expect, it } from "vitest";
import { readyDb, type Db } from "@/lib/db/client";
import { checkTypeIn, offersTypeIn } from "@/lib/reviews/type-in";
import { sessionView } from "@/lib/reviews/view";
import { seedDeck } from "../helpers/deck";
import { makeUser } from "../helpers/users";

let db: Db;
let duty: { id: string; position: number };
let role: { id: string };
beforeAll(async () => {
  db = await readyDb();
  await seedDeck(db);
  duty = await db.card.findUniqueOrThrow({ where: { key: "component:kube-scheduler:duty:select-node" }, select: { id: true, position: true } });
  role = await db.card.findUniqueOrThrow({ where: { key: "component:kube-proxy:role" }, select: { id: true } });
});

describe("type-in on review cards", () => {
  it("checks a typed answer on the server and suggests a grade; other cards have none", async () => {
    expect(await checkTypeIn(db, duty.id, "kube-scheduler")).toMatchObject({ ok: true, result: { correct: true, exact: true, suggested: 5 } });
    expect(await checkTypeIn(db, duty.id, "kube-schedular")).toMatchObject({ ok: true, result: { correct: true, exact: false, suggested: 4 } });
    expect(await checkTypeIn(db, duty.id, "etcd")).toMatchObject({ ok: true, result: { correct: false, suggested: 1 } });
    expect(await checkTypeIn(db, role.id, "kube-proxy")).toEqual({ ok: false, error: "not-found" });
    expect(await checkTypeIn(db, "no-such-card", "x")).toEqual({ ok: false, error: "not-found" });
    expect(await offersTypeIn(db, "component:kube-scheduler:duty:select-node")).toBe(true);
    expect(await offersTypeIn(db, "component:kube-proxy:role")).toBe(false);
  });

  it("offers typing on the review screen only to learners who chose it", async () => {
    const u = await makeUser(db);
    // Every card before the duty card is already known, so the duty card is the next new one.
    const before = await db.card.findMany({ where: { retiredAt: null, position: { lt: duty.position } }, select: { id: true } });
    await db.reviewState.createMany({ data: before.map((c) => ({ userId: u.id, cardId: c.id, dueAt: new Date("2030-01-01T00:00:00Z") })) });
    const base = { id: u.id, timeZone: "UTC", rolloverHour: 4, newPerDay: 500, maxReviewsPerDay: 200 };
    const now = new Date("2026-12-06T10:00:00Z");
    const off = await sessionView(db, base, now);
    expect(off.card).toMatchObject({ id: duty.id, typeIn: false });
    const on = await sessionView(db, { ...base, typeAnswers: true }, now);
    expect(on.card).toMatchObject({ id: duty.id, typeIn: true });
  });
});
