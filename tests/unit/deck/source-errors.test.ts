import { describe, expect, it } from "vitest";
import { compileDeck } from "@/lib/core/deck/compile";
import { DeckSourceError } from "@/lib/core/deck/errors";
import { PENDING_CLOSE, PENDING_OPEN } from "@/lib/core/deck/localize";
import { DEFAULT_SECTIONS, lineContaining, syntheticDoc } from "./synthetic";

function sourceError(markdown: string): DeckSourceError {
  try {
    compileDeck(markdown);
  } catch (error) {
    if (error instanceof DeckSourceError) return error;
    throw error;
  }
  throw new Error("expected a DeckSourceError");
}

const componentsWith = (...rows: string[]) =>
  ["#### 1.3 K8s 组件介绍", "", "| 名称 | 功能 | 所属 |", "| --- | --- | --- |", ...rows].join("\n");

describe("compileDeck on small synthetic documents", () => {
  it("compiles the minimal document", () => {
    const deck = compileDeck(syntheticDoc());
    expect(deck.facts.components.map((c) => c.id)).toEqual(["kubelet", "kube-apiserver"]);
    expect(deck.facts.podNetwork.steps).toHaveLength(2);
  });

  it("names the line of a component row with a missing cell", () => {
    const doc = syntheticDoc({ components: componentsWith("| apiserver | 暴露Kubernetes API | Master |", "| kubelet | 节点代理 |") });
    const error = sourceError(doc);
    const line = lineContaining(doc, "| kubelet | 节点代理 |");
    expect(error.line).toBe(line);
    expect(error.message).toBe(`line ${line}: component table row 'kubelet' has 2 cells, expected 3`);
  });

  it("names the line of a row with an extra cell or an empty cell", () => {
    const extra = syntheticDoc({ components: componentsWith("| kubelet | 节点代理 | Master | 多余 |") });
    expect(sourceError(extra).message).toBe(
      `line ${lineContaining(extra, "多余")}: component table row 'kubelet' has 4 cells, expected 3`,
    );
    const empty = syntheticDoc({ components: componentsWith("| kubelet |  | Master |") });
    expect(sourceError(empty).message).toBe(
      `line ${lineContaining(empty, "| kubelet |")}: component table row 'kubelet' has an empty '功能' cell`,
    );
  });

  it("names the line of a communication row with a missing cell", () => {
    const doc = syntheticDoc({ network: DEFAULT_SECTIONS.network.replace("| Pod间通信 | 直接使用Pod-IP访问 |", "| Pod间通信 |") });
    const error = sourceError(doc);
    expect(error.line).toBe(lineContaining(doc, "| Pod间通信 |"));
    expect(error.message).toContain("communication table row 'Pod间通信' has 1 cells, expected 2");
  });

  it("names the heading line of an empty section", () => {
    const doc = syntheticDoc({ components: "#### 1.3 K8s 组件介绍" });
    const error = sourceError(doc);
    expect(error.line).toBe(lineContaining(doc, "1.3 K8s 组件介绍"));
    expect(error.message).toMatch(/^line \d+: section '1\.3 K8s 组件介绍' is empty$/);
  });

  it("reports a section without its table at the heading", () => {
    const doc = syntheticDoc({ components: "#### 1.3 K8s 组件介绍\n\n只有文字，没有表格。" });
    const error = sourceError(doc);
    expect(error.line).toBe(lineContaining(doc, "1.3 K8s 组件介绍"));
    expect(error.message).toContain("has no component table");
  });

  it("reports a missing section on line 1", () => {
    const error = sourceError(syntheticDoc({ components: null }));
    expect(error.line).toBe(1);
    expect(error.message).toBe("line 1: missing section 'K8s 组件介绍' (no heading with that title)");
  });

  it("reports a missing or empty fenced list", () => {
    const doc = syntheticDoc({ advantages: "#### 1.1 K8s 优势\n\n```markdown\n```" });
    const error = sourceError(doc);
    expect(error.line).toBe(lineContaining(doc, "1.1 K8s 优势"));
    expect(error.message).toContain("has no list");
  });

  it("reports misnumbered Pod network steps on the offending line", () => {
    const doc = syntheticDoc({ pod: ["##### 1.0.2 Pod", "", "```java", "1.第一步", "3.第三步", "```"].join("\n") });
    const error = sourceError(doc);
    expect(error.line).toBe(lineContaining(doc, "3.第三步"));
    expect(error.message).toContain("step numbered 3, expected 2");
  });

  it("reports a network section without a CNI paragraph", () => {
    const doc = syntheticDoc({ network: DEFAULT_SECTIONS.network.split("\n\nCNI")[0] });
    expect(sourceError(doc).message).toContain("has no 'CNI：…' paragraph");
  });

  it("renders <font> inside a cell as **strong** and <br/> as separate points", () => {
    const doc = syntheticDoc({
      components: componentsWith("| apiserver | <font color='red'>暴露</font>Kubernetes API<br/>处理所有请求 | Master |"),
    });
    const deck = compileDeck(doc);
    const role = deck.cards.find((c) => c.key === "component:kube-apiserver:role")!;
    expect(role.back.zh).toBe("- **暴露**Kubernetes API\n- 处理所有请求");
    expect(JSON.stringify(deck.cards)).not.toMatch(/font|<|>/);
  });

  it("keys an unknown component by its name and falls back to the source text, marked, for English", () => {
    const doc = syntheticDoc({ components: componentsWith("| cloud-controller-manager | 对接云厂商 | Master |") });
    const deck = compileDeck(doc);
    const role = deck.cards.find((c) => c.key === "component:cloud-controller-manager:role")!;
    expect(role.back).toEqual({ zh: "对接云厂商", en: `${PENDING_OPEN}对接云厂商${PENDING_CLOSE}` });
    expect(deck.untranslated.map((u) => u.text)).toContain("对接云厂商");
    expect(deck.facts.components[0].duties[0].text).toEqual({ zh: "对接云厂商", en: "对接云厂商" });
    expect(deck.facts.components[0].placement).toBe("control-plane");
  });

  it("rejects a placement it cannot interpret for an unknown component", () => {
    const doc = syntheticDoc({ components: componentsWith("| widget | 做点事 | Elsewhere |") });
    expect(sourceError(doc).message).toContain("unknown placement 'Elsewhere'");
  });

  it("ignores YAML front matter without shifting line numbers", () => {
    const body = syntheticDoc({ components: componentsWith("| kubelet | 节点代理 |") });
    const doc = `---\nlayout: post\ntitle: x\n---\n${body}`;
    expect(sourceError(doc).line).toBe(lineContaining(doc, "| kubelet | 节点代理 |"));
  });
});
