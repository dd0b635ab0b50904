import { beforeAll, describe, expect, it } from "vitest";
import { readyDb, type Db } from "@/lib/db/client";
import { judgeTypeIn } from "@/lib/core/quiz/type-in";
import { typeInOffers } from "@/lib/reviews/type-in";
import { loadCardContents } from "@/lib/reviews/day-pack";
import { toContentsPayload } from "@/app/(app)/review/client-session";
import { unpackContents } from "@/app/(app)/review/typed-contents";
import { seedDeck } from "../helpers/deck";
import { makeUser } from "../helpers/users";

let db: Db;
let duty: { id: string };
let role: { id: string };
let learner: { id: string; timeZone: string; rolloverHour: number; newPerDay: number; maxReviewsPerDay: number };
beforeAll(async () => {
  db = await readyDb();
  await seedDeck(db);
  duty = await db.card.findUniqueOrThrow({ where: { key: "component:kube-scheduler:duty:select-node" }, select: { id: true } });
  role = await db.card.findUniqueOrThrow({ where: { key: "component:kube-proxy:role" }, select: { id: true } });
  const u = await makeUser(db);
  learner = { id: u.id, timeZone: "UTC", rolloverHour: 4, newPerDay: 20, maxReviewsPerDay: 200 };
});

/** The review page's contents as the browser holds them: sent by the server, unpacked in the browser. */
async function browserContents(typeAnswers: boolean, ids: string[]) {
  const payload = toContentsPayload(await loadCardContents(db, { ...learner, typeAnswers }, ids));
  // What crosses the wire (and IndexedDB) is data: nothing survives that JSON would not carry.
  return { payload, cards: new Map(unpackContents(JSON.parse(JSON.stringify(payload))).map((c) => [c.id, c])) };
}

describe("type-in on review cards", () => {
  it("gives a learner who types each typed card's answer, judged in the browser with a suggested grade", async () => {
    const { payload, cards } = await browserContents(true, [duty.id, role.id]);
    expect(payload.cards.find((c) => c.id === duty.id)?.typeIn).toBe("kube-scheduler");
    expect(cards.get(role.id)?.typed).toBeNull(); // its answer is a sentence
    const answer = cards.get(duty.id)!.typed!;
    expect(answer.expected.en).toBe("kube-scheduler");
    expect(judgeTypeIn(answer, "kube-scheduler")).toMatchObject({ correct: true, exact: true, suggested: 5 });
    expect(judgeTypeIn(answer, "kube-schedular")).toMatchObject({ correct: true, exact: false, suggested: 4 });
    expect(judgeTypeIn(answer, "调度器")).toMatchObject({ correct: true, exact: true, suggested: 5 });
    expect(judgeTypeIn(answer, "etcd")).toMatchObject({ correct: false, suggested: 1 });
    // Another component's name is refused even one edit from it, as the quiz refuses it.
    expect(judgeTypeIn(answer, "kube-apiserver")).toMatchObject({ correct: false, suggested: 1 });
  });

  it("sends the names to judge against once per reply, not once per card", async () => {
    const all = (await db.card.findMany({ where: { retiredAt: null }, select: { id: true } })).map((c) => c.id);
    const { payload, cards } = await browserContents(true, all);
    const typed = payload.cards.filter((c) => c.typeIn !== null);
    expect(typed.length).toBeGreaterThanOrEqual(15);
    expect(new Set(payload.components.map((c) => c.id)).size).toBe(payload.components.length);
    // Every typed card judges its own component's names right and the others' wrong.
    for (const c of typed) {
      const answer = cards.get(c.id)!.typed!;
      expect(judgeTypeIn(answer, answer.accepted[0]).suggested).toBe(5);
      for (const rival of answer.rivals) expect(judgeTypeIn(answer, rival.names[0]).correct).toBe(false);
    }
  });

  it("offers typing only to learners who chose it", async () => {
    const { payload, cards } = await browserContents(false, [duty.id, role.id]);
    expect(payload.components).toEqual([]);
    expect([...cards.values()].map((c) => c.typed)).toEqual([null, null]);
    const offers = await typeInOffers(db, ["component:kube-scheduler:duty:select-node", "component:kube-proxy:role", "no-such-card"]);
    expect([...offers.componentOf.keys()]).toEqual(["component:kube-scheduler:duty:select-node"]);
  });
});
