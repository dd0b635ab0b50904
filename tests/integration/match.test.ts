import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { readyDb, type Db } from "@/lib/db/client";
import { bestMatchTimes, checkMatch, matchView, startMatch } from "@/lib/quizzes/match";
import { checkMatchSchema } from "@/lib/quizzes/schemas";
import { seedDeck } from "../helpers/deck";
import { makeUser } from "../helpers/users";
import { databaseChecksum } from "../helpers/checksum";

let db: Db;
const T0 = new Date("2026-03-02T02:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);
const checksum = () => databaseChecksum(process.env.DATABASE_URL!);

beforeAll(async () => {
  db = await readyDb();
  await seedDeck(db);
});

async function round(userId: string, topic: "components" | "networking" = "components", seed = 5) {
  const s = await startMatch(db, userId, { topic, requestId: randomUUID() }, T0, seed);
  if (!s.ok) throw new Error(s.error);
  const row = await db.matchRound.findUniqueOrThrow({ where: { id: s.roundId } });
  return { id: s.roundId, answer: JSON.parse(row.answer) as Record<string, string> };
}

describe("Match rounds", () => {
  it("never sends the pairing before it is solved; a repeated start is the same round", async () => {
    const me = await makeUser(db);
    const requestId = randomUUID();
    const a = await startMatch(db, me.id, { topic: "components", requestId }, T0, 1);
    const b = await startMatch(db, me.id, { topic: "components", requestId }, T0, 2);
    expect(a).toEqual(b);
    if (!a.ok) throw new Error();
    const view = await matchView(db, me.id, a.roundId);
    expect(view?.board.left).toHaveLength(6);
    const json = JSON.stringify(view);
    expect(json).not.toContain('"answer"');
    const answer = JSON.parse((await db.matchRound.findUniqueOrThrow({ where: { id: a.roundId } })).answer);
    expect(json).not.toContain(JSON.stringify(answer));
  });

  it("wrong pairs are named and counted once per request; all right finishes with the server's time", async () => {
    const me = await makeUser(db);
    const r = await round(me.id);
    const swapped = { ...r.answer, a: r.answer.b, b: r.answer.a };
    const wrongReq = randomUUID();
    const first = await checkMatch(db, me.id, { roundId: r.id, pairs: swapped, requestId: wrongReq }, at(5_000));
    expect(first).toMatchObject({ ok: true, done: false, wrong: ["a", "b"] });
    expect(await checkMatch(db, me.id, { roundId: r.id, pairs: swapped, requestId: wrongReq }, at(5_100))).toEqual(first);
    expect((await matchView(db, me.id, r.id))?.mistakes).toBe(2);

    const doneReq = randomUUID();
    const input = { roundId: r.id, pairs: r.answer, requestId: doneReq };
    const [x, y] = await Promise.all([checkMatch(db, me.id, input, at(41_500)), checkMatch(db, me.id, input, at(41_500))]);
    expect(x).toEqual({ ok: true, done: true, durationMs: 41_500, bestMs: 41_500, newBest: true });
    expect(y).toEqual(x);
    const before = checksum();
    expect(await checkMatch(db, me.id, { ...input, requestId: randomUUID() }, at(50_000))).toEqual({ ok: false, error: "closed" });
    expect(checksum()).toBe(before);
    expect(await bestMatchTimes(db, me.id)).toEqual({ components: 41_500 });
  });

  it("keeps the best time per topic per learner", async () => {
    const me = await makeUser(db);
    const other = await makeUser(db);
    const slow = await round(me.id);
    await checkMatch(db, me.id, { roundId: slow.id, pairs: slow.answer, requestId: randomUUID() }, at(60_000));
    const fast = await round(me.id, "components", 9);
    expect(await checkMatch(db, me.id, { roundId: fast.id, pairs: fast.answer, requestId: randomUUID() }, at(30_000))).toMatchObject({ bestMs: 30_000, newBest: true });
    const slower = await round(me.id, "components", 10);
    expect(await checkMatch(db, me.id, { roundId: slower.id, pairs: slower.answer, requestId: randomUUID() }, at(90_000))).toMatchObject({ bestMs: 30_000, newBest: false });
    const net = await round(me.id, "networking");
    await checkMatch(db, me.id, { roundId: net.id, pairs: net.answer, requestId: randomUUID() }, at(12_000));
    const o = await round(other.id);
    await checkMatch(db, other.id, { roundId: o.id, pairs: o.answer, requestId: randomUUID() }, at(5_000));
    expect(await bestMatchTimes(db, me.id)).toEqual({ components: 30_000, networking: 12_000 });
    expect(await bestMatchTimes(db, other.id)).toEqual({ components: 5_000 });
  });

  it("another learner can neither see nor check a round; malformed pairings write nothing", async () => {
    const me = await makeUser(db);
    const other = await makeUser(db);
    const r = await round(me.id);
    expect(await matchView(db, other.id, r.id)).toBeNull();
    const before = checksum();
    expect(await checkMatch(db, other.id, { roundId: r.id, pairs: r.answer, requestId: randomUUID() }, at(1_000))).toEqual({ ok: false, error: "not-found" });
    const { a: _, ...partial } = r.answer;
    void _;
    expect(await checkMatch(db, me.id, { roundId: r.id, pairs: partial, requestId: randomUUID() }, at(1_000))).toEqual({ ok: false, error: "badInput" });
    expect(checksum()).toBe(before);
    const good = { roundId: r.id, pairs: r.answer, requestId: randomUUID() };
    expect(checkMatchSchema.safeParse(good).success).toBe(true);
    for (const bad of [{ ...good, pairs: { a: 1 } }, { ...good, pairs: { __proto__x: "p" } }, { ...good, pairs: { aa: "p" } }, { ...good, userId: "x" }, { ...good, roundId: "../x" }]) {
      expect(checkMatchSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});
