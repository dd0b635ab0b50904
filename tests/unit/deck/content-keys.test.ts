import { describe, expect, it } from "vitest";
import { compileDeck } from "@/lib/core/deck/compile";
import { COMPONENTS } from "@/lib/core/deck/knowledge/components";
import { PENDING_CLOSE, PENDING_OPEN, stripPending } from "@/lib/core/deck/localize";
import type { CompiledCard } from "@/lib/core/deck/types";
import { replaceOnce, seedMarkdown } from "./helpers";
import { authorEdits } from "./author-edits";

const base = compileDeck(seedMarkdown());
const sides = (c: CompiledCard) => ({ front: c.front, back: c.back, note: c.note ?? null });

/**
 * Every card of the real deck whose fact the edit did not touch keeps its key and both sides
 * word for word. `touched` names the cards allowed to change; returns the recompiled deck.
 */
function expectUntouchedKept(markdown: string, touched: (c: CompiledCard) => boolean) {
  const edited = compileDeck(markdown);
  const byKey = new Map(edited.cards.map((c) => [c.key, c]));
  const untouched = base.cards.filter((c) => !touched(c));
  expect(untouched.length).toBeGreaterThan(base.cards.length / 2);
  for (const card of untouched) {
    const now = byKey.get(card.key);
    expect(now, `${card.key} kept`).toBeDefined();
    expect(sides(now!), card.key).toEqual(sides(card));
  }
  const added = edited.cards.filter((c) => !base.cards.some((b) => b.key === c.key));
  const removed = base.cards.filter((c) => !byKey.has(c.key));
  return { edited, byKey, added, removed };
}

const isRole = (id: string) => (c: CompiledCard) => c.key === `component:${id}:role`;

describe("card keys follow the fact, not its position", () => {
  it("inserting a kubelet duty adds one card; every other duty keeps its key, Chinese and English", () => {
    const { edited, added, removed } = expectUntouchedKept(authorEdits.insertDuty(seedMarkdown()), isRole("kubelet"));
    expect(removed).toEqual([]);
    expect(added).toHaveLength(1);
    expect(added[0].key).toMatch(/^component:kubelet:duty:/);
    expect(added[0].front.zh).toContain("向 API server 注册节点");
    // No other duty's English: the English side shows this duty's Chinese, marked as not translated.
    expect(added[0].front.en).toContain(`${PENDING_OPEN}向 API server 注册节点${PENDING_CLOSE}`);
    const kubeletLine = seedMarkdown().split("\n").findIndex((l) => l.startsWith("| kubelet")) + 1;
    expect(edited.untranslated).toEqual([
      { line: kubeletLine, text: "向 API server 注册节点", where: expect.stringMatching(/^components\[kubelet\]\.duties\[.+\]\.text$/) },
    ]);
    // The role card lists the duties; the new one appears marked, the others keep their English.
    const role = edited.cards.find((c) => c.key === "component:kubelet:role")!;
    expect(stripPending(role.back.en)).toContain("向 API server 注册节点");
    expect(role.back.en).toContain("Is the primary node agent");
    expect(role.back.en).toContain("Runs container health checks periodically");
    // The facts quizzes read carry no marks.
    const duty = edited.facts.components.find((c) => c.id === "kubelet")!.duties[1];
    expect(duty.text.en).toBe("向 API server 注册节点");
  });

  it("deleting a duty retires exactly its card", () => {
    const { added, removed } = expectUntouchedKept(
      authorEdits.deleteDuty(seedMarkdown()),
      (c) => isRole("kubelet")(c) || c.key === "component:kubelet:duty:run-containers",
    );
    expect(added).toEqual([]);
    expect(removed.map((c) => c.key)).toEqual(["component:kubelet:duty:run-containers"]);
  });

  it("swapping two etcd duties moves no card and no English", () => {
    const { edited, added, removed } = expectUntouchedKept(authorEdits.swapDuties(seedMarkdown()), isRole("etcd"));
    expect(added).toEqual([]);
    expect(removed).toEqual([]);
    expect(edited.facts.components.find((c) => c.id === "etcd")!.duties.map((d) => d.id)).toEqual([
      "default-store",
      "backup-plan",
      "all-cluster-data",
    ]);
    expect(edited.untranslated).toEqual([]);
  });

  it("rewording a duty makes it a new point, unless its new wording is curated as an alias", () => {
    const markdown = authorEdits.rewordDuty(seedMarkdown());
    const { edited, added, removed } = expectUntouchedKept(
      markdown,
      (c) => isRole("kubelet")(c) || c.key === "component:kubelet:duty:health-checks",
    );
    expect(removed.map((c) => c.key)).toEqual(["component:kubelet:duty:health-checks"]);
    expect(added).toHaveLength(1);
    expect(edited.untranslated.map((u) => u.text)).toEqual(["周期性地对容器做健康检查"]);

    const entry = COMPONENTS.find((c) => c.id === "kubelet")!.duties.find((d) => d.id === "health-checks")!;
    entry.aliases = ["周期性地对容器做健康检查"];
    try {
      const aliased = compileDeck(markdown);
      const card = aliased.cards.find((c) => c.key === "component:kubelet:duty:health-checks")!;
      expect(card.front.zh).toContain("周期性地对容器做健康检查");
      expect(card.front.en).toContain("Runs container health checks periodically");
      expect(aliased.untranslated).toEqual([]);
    } finally {
      delete entry.aliases;
    }
  });

  it("inserting a Pod network step keeps every step's card; only the pair it splits is replaced", () => {
    const { edited, byKey, added, removed } = expectUntouchedKept(
      authorEdits.insertStep(seedMarkdown()),
      (c) => c.topic === "pod-network",
    );
    const ids = edited.facts.podNetwork.steps.map((s) => s.id);
    expect(ids).toHaveLength(6);
    const inserted = ids[2];
    expect(removed.map((c) => c.key)).toEqual(["pod-network:step:create-netns:next:invoke-cni"]);
    expect(added.map((c) => c.key).sort()).toEqual(
      [`pod-network:step:${inserted}`, `pod-network:step:create-netns:next:${inserted}`, `pod-network:step:${inserted}:next:invoke-cni`].sort(),
    );
    // A step card asks for the step's new number, keeps its answer and its key.
    for (const card of base.cards.filter((c) => c.topic === "pod-network" && !removed.includes(c))) {
      const now = byKey.get(card.key)!;
      expect(now.back, card.key).toEqual(card.back);
      expect(now.note, card.key).toEqual(card.note);
    }
    expect(byKey.get("pod-network:step:invoke-cni")!.front.en).toContain("step 4");
    expect(byKey.get("pod-network:step:create-netns")!.front.en).toContain("step 2");
  });

  it("adding a component row adds its cards, marked untranslated; removing one retires only its cards", () => {
    const add = expectUntouchedKept(authorEdits.addComponent(seedMarkdown()), () => false);
    expect(add.removed).toEqual([]);
    expect(add.added.map((c) => c.key).slice(0, 2)).toEqual(["component:containerd:role", "component:containerd:placement"]);
    expect(add.added.every((c) => c.fact.id === "containerd")).toBe(true);
    expect(add.edited.untranslated.map((u) => u.text)).toEqual(["containerd", "容器运行时", "负责拉取镜像和运行容器"]);

    const drop = expectUntouchedKept(authorEdits.removeComponent(seedMarkdown()), (c) => c.fact.id === "dashboard");
    expect(drop.added).toEqual([]);
    expect(drop.removed.map((c) => c.key)).toEqual(base.cards.filter((c) => c.fact.id === "dashboard").map((c) => c.key));
  });

  it("adding a CNI plugin changes the plugin list card only and reports the plugin's name", () => {
    const { edited, added, removed } = expectUntouchedKept(authorEdits.addPlugin(seedMarkdown()), (c) => c.key === "cni:plugins");
    expect(added).toEqual([]);
    expect(removed).toEqual([]);
    expect(edited.facts.cni.plugins.map((p) => p.id)).toEqual(["kube-router", "flannel", "calico", "cilium", "docker-overlay"]);
    expect(edited.untranslated.map((u) => u.text)).toEqual(["Cilium"]);
    expect(edited.cards.find((c) => c.key === "cni:plugins")!.back.en).toContain(`${PENDING_OPEN}Cilium${PENDING_CLOSE}`);
  });

  it("all edits at once still keep every untouched card", () => {
    const all = Object.values(authorEdits).reduce((md, edit) => edit(md), seedMarkdown());
    const touchedFacts = new Set(["kubelet", "etcd", "dashboard"]);
    const { edited } = expectUntouchedKept(
      all,
      (c) => touchedFacts.has(c.fact.id) || c.topic === "pod-network" || c.key === "cni:plugins",
    );
    expect(edited.untranslated.length).toBeGreaterThan(0);
  });

  it("the real note has English for every point", () => {
    expect(base.untranslated).toEqual([]);
    for (const c of base.cards) for (const l of [c.front, c.back, c.note]) expect(l?.en ?? "", c.key).not.toMatch(/[\uE000\uE001]/);
  });

  it("a repeated point is a source error naming its line, not two cards with one key", () => {
    const md = replaceOnce(seedMarkdown(), "定时执行容器健康检查 |", "定时执行容器健康检查<br/>定时执行容器健康检查 |");
    expect(() => compileDeck(md)).toThrow(/line 78: card key 'component:kubelet:duty:health-checks' repeats/);
  });
});
