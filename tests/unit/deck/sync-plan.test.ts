import { describe, expect, it } from "vitest";
import { compileDeck } from "@/lib/core/deck/compile";
import { readFileSync } from "node:fs";
import path from "node:path";
import { cardContentHash, cardIdentity, planDeckSync } from "@/lib/core/deck/sync-plan";
import type { CompiledCard } from "@/lib/core/deck/types";
import { COMPONENTS } from "@/lib/core/deck/knowledge/components";
import { authorEdits } from "./author-edits";
import { replaceOnce, seedMarkdown } from "./helpers";

const cards = compileDeck(seedMarkdown()).cards;
const stored = (list: CompiledCard[], retired = false) =>
  list.map((c) => ({ key: c.key, contentHash: cardContentHash(c), retired, identity: cardIdentity(c) }));
/** The deck today's main compiled (positional duty and step keys), as `npm run deck:json` printed it. */
const v1 = (JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../fixtures/deck-v1-cards.json"), "utf8")) as { cards: CompiledCard[] }).cards;

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
    expect(planDeckSync(stored(cards), cards)).toEqual({ rename: [], add: [], change: [], retire: [], revive: [], unchanged: cards.length });
  });

  it("turns an edited card into a change under the same key", () => {
    const edited = compileDeck(replaceOnce(seedMarkdown(), "通过在主机上维护网络规则", "通过在每台主机上维护网络规则")).cards;
    const plan = planDeckSync(stored(cards), edited);
    const changed = plan.change.map((c) => c.key);
    expect(changed).toEqual(["component:kube-proxy:role"]);
    // The reworded duty is a new point: its card is added, the old one retired, nothing renamed.
    expect(plan.add.map((c) => c.key)).toEqual([expect.stringMatching(/^component:kube-proxy:duty:/)]);
    expect(plan.retire).toEqual(["component:kube-proxy:duty:service-abstraction"]);
    expect(plan.rename).toEqual([]);
    expect(plan.unchanged).toBe(cards.length - 2);
  });

  it("renames every positional key of today's deck to the card with the same kind and Chinese, and nothing else", () => {
    const plan = planDeckSync(stored(v1), cards);
    expect(plan).toMatchObject({ add: [], retire: [], revive: [] });
    const legacy = v1.map((c) => c.key).filter((k) => /:duty:\d+$|^pod-network:step-|^overview:feature:[^:]+:gap$/.test(k));
    expect(plan.rename.map((r) => r.from).sort()).toEqual(legacy.sort());
    const byKey = new Map(cards.map((c) => [c.key, c]));
    for (const { from, to } of plan.rename) {
      const old = v1.find((c) => c.key === from)!;
      const now = byKey.get(to)!;
      // Same fact: both languages of both sides are what the learner studied.
      expect({ front: now.front, back: now.back, note: now.note }, `${from} → ${to}`).toEqual({ front: old.front, back: old.back, note: old.note });
    }
    expect(planDeckSync(stored(cards), cards).rename).toEqual([]);
  });

  it("curating the English of a new point later moves its card to the curated id, progress and all", () => {
    const markdown = authorEdits.insertDuty(seedMarkdown());
    const before = compileDeck(markdown).cards;
    const provisional = before.find((c) => c.key.startsWith("component:kubelet:duty:") && c.front.zh.includes("注册节点"))!;
    const kubelet = COMPONENTS.find((c) => c.id === "kubelet")!;
    kubelet.duties.push({ id: "register-node", zh: "向 API server 注册节点", en: "Registers the node with the API server" });
    try {
      const after = compileDeck(markdown).cards;
      const plan = planDeckSync(stored(before), after);
      expect(plan.rename).toEqual([{ from: provisional.key, to: "component:kubelet:duty:register-node" }]);
      expect(plan.change.map((c) => c.key).sort()).toEqual(["component:kubelet:duty:register-node", "component:kubelet:role"]);
      expect(plan).toMatchObject({ add: [], retire: [], revive: [] });
    } finally {
      kubelet.duties.pop();
    }
  });

  it("never guesses: a retired card, or two cards teaching the same thing, are not renamed", () => {
    const duty = v1.find((c) => c.key === "component:etcd:duty:3")!;
    expect(planDeckSync(stored([duty], true), cards).rename).toEqual([]);
    const twin = { ...duty, key: "component:etcd:duty:9" };
    expect(planDeckSync(stored([duty, twin]), cards).rename).toEqual([]);
    expect(planDeckSync(stored([duty]), cards).rename).toEqual([{ from: "component:etcd:duty:3", to: "component:etcd:duty:backup-plan" }]);
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
