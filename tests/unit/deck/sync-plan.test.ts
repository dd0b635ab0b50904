import { describe, expect, it } from "vitest";
import { compileDeck } from "@/lib/core/deck/compile";
import { cardContentHash, planDeckSync } from "@/lib/core/deck/sync-plan";
import type { CompiledCard } from "@/lib/core/deck/types";
import { replaceOnce, seedMarkdown } from "./helpers";

const cards = compileDeck(seedMarkdown()).cards;
const stored = (list: CompiledCard[], retired = false) =>
  list.map((c) => ({ key: c.key, contentHash: cardContentHash(c), retired }));

describe("cardContentHash", () => {
  it("is a sha256 hex digest that ignores property order", () => {
    const c = cards[0];
    const reordered = JSON.parse(JSON.stringify({ fact: c.fact, back: c.back, key: c.key, front: c.front, source: c.source, topic: c.topic }));
    expect(cardContentHash(c)).toMatch(/^[0-9a-f]{64}$/);
    expect(cardContentHash(reordered)).toBe(cardContentHash(c));
  });

  it("changes with the content and with the note", () => {
    const c = cards[0];
    expect(cardContentHash({ ...c, back: { ...c.back, zh: `${c.back.zh}！` } })).not.toBe(cardContentHash(c));
    expect(cardContentHash({ ...c, note: { zh: "注", en: "note" } })).not.toBe(cardContentHash(c));
  });
});

describe("planDeckSync", () => {
  it("adds everything to an empty deck", () => {
    const plan = planDeckSync([], cards);
    expect(plan.add).toEqual(cards);
    expect(plan).toMatchObject({ change: [], retire: [], revive: [], unchanged: 0 });
  });

  it("is idempotent: a synced deck needs nothing", () => {
    expect(planDeckSync(stored(cards), cards)).toEqual({ add: [], change: [], retire: [], revive: [], unchanged: cards.length });
  });

  it("turns an edited card into a change under the same key", () => {
    const edited = compileDeck(replaceOnce(seedMarkdown(), "定时执行容器健康检查", "周期性地对容器做健康检查")).cards;
    const plan = planDeckSync(stored(cards), edited);
    const changed = plan.change.map((c) => c.key);
    expect(changed).toContain("component:kubelet:duty:5");
    expect(changed).toContain("component:kubelet:role");
    expect(plan.add).toEqual([]);
    expect(plan.retire).toEqual([]);
    expect(plan.unchanged).toBe(cards.length - changed.length);
  });

  it("retires cards whose fact disappeared, once", () => {
    const withoutIngress = compileDeck(
      replaceOnce(seedMarkdown(), "| Ingress                                                      | 路由转发                                                     | Basic                          |\n", ""),
    ).cards;
    const ingressKeys = cards.filter((c) => c.fact.id === "ingress").map((c) => c.key);
    expect(ingressKeys.length).toBeGreaterThan(0);
    const plan = planDeckSync(stored(cards), withoutIngress);
    expect(plan.retire).toEqual(ingressKeys);
    expect(plan.add).toEqual([]);
    const afterRetire = [...stored(withoutIngress), ...stored(cards.filter((c) => c.fact.id === "ingress"), true)];
    expect(planDeckSync(afterRetire, withoutIngress).retire).toEqual([]);
  });

  it("revives a retired card that reappears", () => {
    const ingress = cards.filter((c) => c.fact.id === "ingress");
    const others = cards.filter((c) => c.fact.id !== "ingress");
    const plan = planDeckSync([...stored(others), ...stored(ingress, true)], cards);
    expect(plan.revive).toEqual(ingress);
    expect(plan).toMatchObject({ add: [], change: [], retire: [], unchanged: others.length });
  });

  it("refuses duplicate keys in the compiled deck", () => {
    expect(() => planDeckSync([], [cards[0], cards[0]])).toThrow(/duplicate/);
  });
});
