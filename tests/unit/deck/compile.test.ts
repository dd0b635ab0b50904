import remarkParse from "remark-parse";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { compileDeck } from "@/lib/core/deck/compile";
import type { CompiledCard } from "@/lib/core/deck/types";
import { cardTexts, replaceOnce, seedMarkdown } from "./helpers";

const deck = compileDeck(seedMarkdown());
const byKey = new Map(deck.cards.map((c) => [c.key, c]));
const card = (key: string): CompiledCard => {
  const found = byKey.get(key);
  if (!found) throw new Error(`no card '${key}'`);
  return found;
};

const COMPONENT_IDS = [
  "kubelet",
  "kube-apiserver",
  "kube-scheduler",
  "kube-controller-manager",
  "dns",
  "etcd",
  "dashboard",
  "kube-proxy",
  "ingress",
  "fluentd",
];
const PATH_IDS = ["container-to-container", "pod-to-pod", "pod-to-service", "external-to-service"];

describe("compileDeck on seed/k8s-basics.md", () => {
  it("produces a deck of roughly 50–80 cards", () => {
    expect(deck.cards.length).toBeGreaterThanOrEqual(50);
    expect(deck.cards.length).toBeLessThanOrEqual(80);
  });

  it("yields role, placement and duty cards for all 9 table rows plus fluentd", () => {
    expect(deck.facts.components.map((c) => c.id)).toEqual(COMPONENT_IDS);
    for (const id of COMPONENT_IDS) {
      const fact = deck.facts.components.find((c) => c.id === id)!;
      expect(fact.duties.length).toBeGreaterThan(0);
      expect(byKey.has(`component:${id}:role`)).toBe(true);
      expect(byKey.has(`component:${id}:placement`)).toBe(true);
      for (const duty of fact.duties) expect(byKey.has(`component:${id}:duty:${duty.id}`)).toBe(true);
    }
  });

  it("yields a mechanism card for every communication row", () => {
    expect(deck.facts.paths.map((p) => p.id)).toEqual(PATH_IDS);
    for (const id of PATH_IDS) expect(card(`network:${id}:mechanism`).topic).toBe("networking");
  });

  it("reads exactly five Pod network steps, in order, with their own lines", () => {
    const steps = deck.facts.podNetwork.steps;
    expect(steps.map((s) => s.id)).toEqual(["infra-container", "create-netns", "invoke-cni", "configure-network", "share-network"]);
    expect(steps.map((s) => s.n)).toEqual([1, 2, 3, 4, 5]);
    expect(steps.map((s) => s.source.line)).toEqual([45, 46, 47, 48, 49]);
    const stepKeys = deck.cards.map((c) => c.key).filter((k) => /^pod-network:step:[^:]+$/.test(k));
    expect(stepKeys).toEqual(steps.map((s) => `pod-network:step:${s.id}`));
    expect(card("pod-network:step:invoke-cni").front.en).toContain("step 3");
    expect(card("pod-network:step:invoke-cni:next:configure-network").back.zh).toBe(steps[3].text.zh);
    expect(deck.cards.filter((c) => c.key.startsWith("pod-network:step:share-network:next"))).toEqual([]);
  });

  it("lets no HTML reach any card", () => {
    for (const c of deck.cards) {
      for (const text of cardTexts(c)) {
        expect(text, c.key).not.toMatch(/[<>]/);
        expect(text, c.key).not.toMatch(/\bfont\b|\bbr\b|color\s*=/i);
      }
    }
  });

  it("writes card text in the restricted Markdown: paragraphs, '- ' lists and **strong** only", () => {
    const allowed = new Set(["root", "paragraph", "list", "listItem", "text", "strong"]);
    const parser = unified().use(remarkParse);
    type Node = { type: string; ordered?: boolean | null; children?: Node[] };
    const visit = (node: Node, key: string) => {
      expect(allowed.has(node.type), `${key}: ${node.type}`).toBe(true);
      if (node.type === "list") expect(node.ordered, key).toBe(false);
      node.children?.forEach((child) => visit(child, key));
    };
    for (const c of deck.cards) for (const text of cardTexts(c)) visit(parser.parse(text) as Node, c.key);
  });

  it("keeps the source's emphasis as **strong**, even next to CJK punctuation", () => {
    expect(card("network:container-to-container:mechanism").back.zh).toContain("**loopback**");
    expect(card("component:etcd:role").back.zh).toContain("(**配置中心**)");
  });

  it("joins cell fragments that a <br/> broke mid-sentence", () => {
    const cm = deck.facts.components.find((c) => c.id === "kube-controller-manager")!;
    expect(cm.duties.map((d) => d.text.zh)).toEqual([
      "运行管理控制器，它们是集群中处理常规任务的后台线程",
      "Node、Replication、Endpoint、Service Account、Token 控制器",
    ]);
    const proxy = deck.facts.components.find((c) => c.id === "kube-proxy")!;
    expect(proxy.duties).toHaveLength(1);
  });

  it("has unique keys", () => {
    const keys = deck.cards.map((c) => c.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("gives every card non-empty zh and en on front, back and note", () => {
    for (const c of deck.cards) {
      for (const part of [c.front, c.back, ...(c.note ? [c.note] : [])]) {
        expect(part.zh.trim(), c.key).not.toBe("");
        expect(part.en.trim(), c.key).not.toBe("");
      }
    }
  });

  it("places kubelet on the nodes and says the source had it under Master", () => {
    const kubelet = deck.facts.components.find((c) => c.id === "kubelet")!;
    expect(kubelet.sourcePlacement).toBe("Master");
    expect(kubelet.placement).toBe("node");
    const placement = card("component:kubelet:placement");
    expect(placement.back.en).toMatch(/node/i);
    expect(placement.back.zh).toContain("节点");
    expect(placement.note?.en).toContain("Master");
    expect(placement.note?.zh).toContain("Master");
  });

  it("corrects etcd and kube-proxy but leaves correctly placed components alone", () => {
    const placementOf = (id: string) => deck.facts.components.find((c) => c.id === id)!;
    expect(placementOf("etcd").placement).toBe("control-plane");
    expect(card("component:etcd:placement").note).toBeDefined();
    expect(placementOf("kube-proxy").placement).toBe("node");
    expect(card("component:kube-proxy:placement").note).toBeDefined();
    for (const id of ["kube-apiserver", "kube-scheduler", "kube-controller-manager", "dns", "dashboard", "ingress", "fluentd"]) {
      expect(card(`component:${id}:placement`).note, id).toBeUndefined();
    }
    expect(placementOf("fluentd").sourcePlacement).toBeNull();
  });

  it("notes that the docker0 bridge is one CNI set-up, not a rule", () => {
    expect(card("network:pod-to-pod:mechanism").note?.en).toMatch(/CNI/);
  });

  it("records heading paths without the front matter, and table rows", () => {
    const role = card("component:kubelet:role");
    expect(role.source).toEqual({ headings: ["K8s基本", "1. 组件", "1.3 K8s 组件介绍"], row: "kubelet", line: 78 });
    expect(card("network:pod-to-service:mechanism").source).toEqual({
      headings: ["K8s基本", "1. 组件", "1.0 k8s网络", "1.0.1 k8s网络通讯问题"],
      row: "Pod与Service通信",
      line: 33,
    });
    expect(card("overview:feature:portable:gap:hybrid-cloud").source.line).toBe(68);
    expect(card("overview:history:origin").source.line).toBe(71);
  });

  it("extracts the CNI definition, plugins and flannel's job", () => {
    expect(deck.facts.cni.plugins.map((p) => p.id)).toEqual(["kube-router", "flannel", "calico", "docker-overlay"]);
    expect(card("cni:plugin:flannel:role").back.zh).toContain("守护进程");
    expect(card("cni:reason").back.zh).toBe("k8s本身不提供网络解决方案");
  });

  it("separates the history sentence from the feature list it is lazily glued to", () => {
    const automated = deck.facts.overview.features.find((f) => f.id === "automated")!;
    expect(automated.points.map((p) => p.zh)).toEqual(["自动部署", "自动重启", "自动复制", "自动伸缩/扩展"]);
    expect(deck.facts.overview.history.sentence.zh).toContain("Borg");
  });

  it("is deterministic across runs", () => {
    expect(compileDeck(seedMarkdown())).toEqual(deck);
  });

  it("keeps every other key and text when a point is reworded; the reworded point is new and reported", () => {
    const edited = replaceOnce(seedMarkdown(), "定时执行容器健康检查", "周期性地对容器做健康检查");
    const recompiled = compileDeck(edited);
    const added = recompiled.cards.filter((c) => !byKey.has(c.key));
    expect(added).toHaveLength(1);
    expect(added[0].key).toMatch(/^component:kubelet:duty:/);
    expect(added[0].front.zh).toContain("周期性地对容器做健康检查");
    expect(recompiled.untranslated).toEqual([
      { line: 78, text: "周期性地对容器做健康检查", where: "components[kubelet].duties[" + added[0].key.split(":").pop() + "].text" },
    ]);
    expect(byKey.has("component:kubelet:duty:health-checks")).toBe(true);
    expect(recompiled.cards.some((c) => c.key === "component:kubelet:duty:health-checks")).toBe(false);
  });

  it("keeps every key when table rows are reordered", () => {
    const md = seedMarkdown();
    const lines = md.split("\n");
    const kubelet = lines.findIndex((l) => l.startsWith("| kubelet"));
    const ingress = lines.findIndex((l) => l.startsWith("| Ingress"));
    [lines[kubelet], lines[ingress]] = [lines[ingress], lines[kubelet]];
    const reordered = compileDeck(lines.join("\n"));
    expect(new Set(reordered.cards.map((c) => c.key))).toEqual(new Set(deck.cards.map((c) => c.key)));
  });
});
