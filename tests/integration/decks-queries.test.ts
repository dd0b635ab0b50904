import { beforeAll, describe, expect, it } from "vitest";
import { readyDb, type Db } from "@/lib/db/client";
import { cardDetail, deckOverview, listCards, parseBrowseParams, SEARCH_MAX, TOPICS, type BrowseFilter } from "@/lib/decks/queries";
import { dueTodayIds } from "@/lib/reviews/due-today";
import { seedDeck } from "../helpers/deck";
import { makeUser } from "../helpers/users";

let db: Db;
let compiledCount: number;
let retiredId: string;
const NOW = new Date("2026-03-02T02:00:00Z");
/** Due today by the one definition (lib/reviews/due-today); the learner day ends 2026-03-02T20:00Z. */
const dueOf = (userId: string) => dueTodayIds(db, { id: userId, timeZone: "Asia/Shanghai", rolloverHour: 4, newPerDay: 20, maxReviewsPerDay: 200 }, NOW);
const filter = (over: Partial<BrowseFilter> = {}): BrowseFilter => ({ topic: null, q: "", ...over });
const keysOf = (rows: { key: string }[]) => rows.map((r) => r.key);

beforeAll(async () => {
  db = await readyDb();
  compiledCount = (await seedDeck(db)).cards.length;
  // A retired card that would match every search below if retired cards leaked through.
  const deck = await db.deck.findFirstOrThrow();
  const retired = await db.card.create({
    data: {
      deckId: deck.id, key: "test:retired", topic: "networking", position: 9999,
      frontZh: "已退役：kube-proxy 网络规则", frontEn: "Retired: kube-proxy network rules", backZh: "旧", backEn: "old",
      source: JSON.stringify({ headings: ["K8s基本"], line: 1 }), contentHash: "x", retiredAt: new Date("2026-01-02T00:00:00Z"),
    },
  });
  retiredId = retired.id;
});

describe("deck overview", () => {
  it("counts the active cards per topic, and the counts add up to the deck", async () => {
    const me = await makeUser(db);
    const o = await deckOverview(db, me.id, await dueOf(me.id));
    expect(o.total).toBe(compiledCount);
    expect(o.total).toBe(await db.card.count({ where: { retiredAt: null } }));
    expect(o.topics.map((t) => t.topic)).toEqual([...TOPICS]);
    expect(o.topics.reduce((n, t) => n + t.total, 0)).toBe(o.total);
    for (const t of o.topics) {
      expect(t.total).toBeGreaterThan(0);
      expect(t.total).toBe(await db.card.count({ where: { retiredAt: null, topic: t.topic } }));
    }
    expect(o.decks).toEqual([expect.objectContaining({ key: "k8s-basics", title: { zh: "K8s 基本", en: "Kubernetes basics" }, total: compiledCount })]);
    expect({ started: o.started, due: o.due }).toEqual({ started: 0, due: 0 });
  });

  it("counts what this learner has started and what is due today, and nobody else's", async () => {
    const me = await makeUser(db);
    const other = await makeUser(db);
    const [a, b, c] = await db.card.findMany({ where: { topic: "components", retiredAt: null }, orderBy: { position: "asc" }, take: 3 });
    const net = await db.card.findFirstOrThrow({ where: { topic: "networking" } });
    await db.reviewState.createMany({
      data: [
        { userId: me.id, cardId: a.id, repetitions: 2, intervalDays: 6, dueAt: new Date("2026-03-01T20:00:00Z") }, // due
        { userId: me.id, cardId: b.id, repetitions: 1, intervalDays: 1, dueAt: new Date("2026-03-05T20:00:00Z") }, // later
        { userId: me.id, cardId: retiredId, repetitions: 1, intervalDays: 1, dueAt: new Date("2026-02-01T00:00:00Z") }, // retired: not counted
        { userId: other.id, cardId: c.id, repetitions: 1, intervalDays: 1, dueAt: new Date("2026-02-01T00:00:00Z") },
        { userId: other.id, cardId: net.id, repetitions: 1, intervalDays: 1, dueAt: new Date("2026-02-01T00:00:00Z") },
      ],
    });
    const o = await deckOverview(db, me.id, await dueOf(me.id));
    expect(o.topics.find((t) => t.topic === "components")).toMatchObject({ started: 2, due: 1 });
    expect(o.topics.find((t) => t.topic === "networking")).toMatchObject({ started: 0, due: 0 });
    expect({ started: o.started, due: o.due }).toEqual({ started: 2, due: 1 });

    const list = await listCards(db, me.id, filter({ topic: "components" }), await dueOf(me.id));
    const status = new Map(list.cards.map((r) => [r.id, r.status]));
    expect([status.get(a.id), status.get(b.id), status.get(c.id)]).toEqual(["due", "scheduled", "new"]);
  });
});

describe("browsing and searching cards", () => {
  it("lists every active card in deck order, capped, with an exact total", async () => {
    const me = await makeUser(db);
    const all = await listCards(db, me.id, filter(), await dueOf(me.id));
    expect(all.total).toBe(compiledCount);
    expect(all.cards).toHaveLength(compiledCount);
    expect(all.cards.map((c) => c.position)).toEqual([...all.cards.map((c) => c.position)].sort((x, y) => x - y));
    expect(all.cards.some((c) => c.id === retiredId)).toBe(false);

    const capped = await listCards(db, me.id, filter(), await dueOf(me.id), 5);
    expect(capped.cards).toHaveLength(5);
    expect(capped.total).toBe(compiledCount);
  });

  it("filters by topic", async () => {
    const me = await makeUser(db);
    const net = await listCards(db, me.id, filter({ topic: "networking" }), await dueOf(me.id));
    expect(net.total).toBe(await db.card.count({ where: { topic: "networking", retiredAt: null } }));
    expect(net.cards.length).toBeGreaterThan(0);
    expect(new Set(net.cards.map((c) => c.topic))).toEqual(new Set(["networking"]));
  });

  it("finds kube-proxy in English, in any case, and in Chinese, and never a retired card", async () => {
    const me = await makeUser(db);
    const expected = ["component:kube-proxy:role", "component:kube-proxy:placement", "component:kube-proxy:duty:service-abstraction"];
    const en = await listCards(db, me.id, filter({ q: "kube-proxy" }), await dueOf(me.id));
    expect(keysOf(en.cards)).toEqual(expected);
    expect(en.total).toBe(3);
    expect(keysOf((await listCards(db, me.id, filter({ q: "KUBE-Proxy" }), await dueOf(me.id))).cards)).toEqual(expected);
    expect(keysOf((await listCards(db, me.id, filter({ q: "Network Rules" }), await dueOf(me.id))).cards)).toContain("component:kube-proxy:role");
    const zh = await listCards(db, me.id, filter({ q: "网络规则" }), await dueOf(me.id));
    expect(keysOf(zh.cards)).toEqual(expected);
    // Topic and search together: kube-proxy cards are in components, not networking.
    expect((await listCards(db, me.id, filter({ topic: "components", q: "kube-proxy" }), await dueOf(me.id))).total).toBe(3);
    expect((await listCards(db, me.id, filter({ topic: "networking", q: "kube-proxy" }), await dueOf(me.id))).total).toBe(0);
    expect((await listCards(db, me.id, filter({ q: "Retired:" }), await dueOf(me.id))).total).toBe(0);
  });

  it("treats LIKE wildcards in a search as plain text", async () => {
    const me = await makeUser(db);
    const all = await db.card.findMany({ where: { retiredAt: null }, orderBy: { position: "asc" } });
    const literally = (s: string) => all.filter((c) => [c.frontEn, c.backEn, c.frontZh, c.backZh].some((t) => t.toLowerCase().includes(s))).map((c) => c.key);
    for (const q of ["%", "_", "100%", "a_b"]) {
      const found = await listCards(db, me.id, filter({ q }), await dueOf(me.id));
      expect(keysOf(found.cards)).toEqual(literally(q));
      expect(found.total).toBe(found.cards.length);
    }
    expect((await listCards(db, me.id, filter({ q: "kube_proxy" }), await dueOf(me.id))).total).toBe(0);
    expect((await listCards(db, me.id, filter({ q: "kube%proxy" }), await dueOf(me.id))).total).toBe(0);
  });

  it("a search holding a control character (q=%00) matches no card", async () => {
    const me = await makeUser(db);
    for (const q of ["\u0000", "kube\u0000", "\u0000%", "\u0007"]) {
      const found = await listCards(db, me.id, filter({ q }), await dueOf(me.id));
      expect({ q, total: found.total, cards: found.cards.length }).toEqual({ q, total: 0, cards: 0 });
    }
  });
});

describe("query-string input", () => {
  it("keeps a known topic and a trimmed search", () => {
    expect(parseBrowseParams({ topic: "pod-network", q: "  veth  " })).toEqual({ filter: { topic: "pod-network", q: "veth" }, problems: [] });
    expect(parseBrowseParams({})).toEqual({ filter: { topic: null, q: "" }, problems: [] });
    expect(parseBrowseParams({ topic: "", q: "   " })).toEqual({ filter: { topic: null, q: "" }, problems: [] });
    expect(parseBrowseParams({ topic: ["cni", "overview"], q: ["flannel", "x"] })).toEqual({ filter: { topic: "cni", q: "flannel" }, problems: [] });
  });

  it("drops an unknown topic or an over-long search and says so", () => {
    expect(parseBrowseParams({ topic: "Networking" })).toEqual({ filter: { topic: null, q: "" }, problems: [{ kind: "topic", value: "Networking" }] });
    expect(parseBrowseParams({ topic: "x".repeat(500) }).problems).toEqual([{ kind: "topic", value: "x".repeat(40) }]);
    expect(parseBrowseParams({ q: "a".repeat(SEARCH_MAX) }).filter.q).toHaveLength(SEARCH_MAX);
    expect(parseBrowseParams({ q: ` ${"a".repeat(SEARCH_MAX)} ` }).problems).toEqual([]);
    expect(parseBrowseParams({ topic: "cni", q: "a".repeat(SEARCH_MAX + 1) })).toEqual({
      filter: { topic: "cni", q: "" },
      problems: [{ kind: "search", max: SEARCH_MAX }],
    });
  });
});

describe("one card", () => {
  it("shows both languages, the source reference and the correction note", async () => {
    const me = await makeUser(db);
    const card = await db.card.findUniqueOrThrow({ where: { key: "component:kubelet:placement" } });
    const d = await cardDetail(db, me.id, card.id);
    expect(d).toMatchObject({
      key: "component:kubelet:placement",
      topic: "components",
      deck: { title: { en: "Kubernetes basics" }, sourcePath: "seed/k8s-basics.md" },
      source: { headings: ["K8s基本", "1. 组件", "1.3 K8s 组件介绍"], row: "kubelet", line: expect.any(Number) },
      state: null,
    });
    expect(d!.front.en).toContain("Where does kubelet run");
    expect(d!.front.zh).toContain("kubelet 运行在哪里");
    expect(d!.note!.en).toContain("Master");
    expect(d!.note!.zh).toContain("Master");
    // Neighbours stay within the topic.
    for (const id of [d!.prevId, d!.nextId]) {
      expect(id).not.toBeNull();
      expect((await db.card.findUniqueOrThrow({ where: { id: id! } })).topic).toBe("components");
    }
    const role = await db.card.findUniqueOrThrow({ where: { key: "component:kube-proxy:role" } });
    expect((await cardDetail(db, me.id, role.id))!.note).toBeNull();
  });

  it("returns the learner's own state only, never another learner's", async () => {
    const me = await makeUser(db);
    const other = await makeUser(db);
    const card = await db.card.findUniqueOrThrow({ where: { key: "component:kube-proxy:role" } });
    await db.reviewState.create({
      data: { userId: other.id, cardId: card.id, repetitions: 7, easiness: 1.5, intervalDays: 40, dueAt: new Date("2026-04-01T00:00:00Z"), lapses: 3 },
    });
    expect((await cardDetail(db, me.id, card.id))!.state).toBeNull();

    await db.reviewState.create({
      data: { userId: me.id, cardId: card.id, repetitions: 2, easiness: 2.6, intervalDays: 6, dueAt: new Date("2026-03-08T20:00:00Z"), lapses: 0, lastReviewedAt: NOW },
    });
    expect((await cardDetail(db, me.id, card.id))!.state).toEqual({
      repetitions: 2, easiness: 2.6, intervalDays: 6, dueAt: new Date("2026-03-08T20:00:00Z"), lapses: 0, lastReviewedAt: NOW,
    });
    expect((await cardDetail(db, other.id, card.id))!.state).toMatchObject({ repetitions: 7, lapses: 3 });
  });

  it("is null for a retired, unknown or malformed id", async () => {
    const me = await makeUser(db);
    expect(await cardDetail(db, me.id, retiredId)).toBeNull();
    for (const bad of ["does-not-exist", "", "../etc/passwd", "x".repeat(65), "a b", undefined, 42, ["id"]]) {
      expect(await cardDetail(db, me.id, bad)).toBeNull();
    }
  });
});
