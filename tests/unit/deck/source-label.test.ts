import { describe, expect, it } from "vitest";
import { sourceLabel } from "@/lib/core/deck/source-label";
import { compileDeck } from "@/lib/core/deck/compile";
import { seedMarkdown } from "./helpers";

describe("sourceLabel", () => {
  it("puts every heading and row of the seed note into English for an English reader", () => {
    const deck = compileDeck(seedMarkdown());
    const han = /\p{Script=Han}/u;
    for (const card of deck.cards) {
      const label = sourceLabel(card.source, "en");
      expect(label.text, label.original).not.toMatch(han);
      expect(label.original).toBe([...card.source.headings, ...(card.source.row ? [card.source.row] : [])].join(" › "));
    }
  });

  it("keeps section numbers and shows a Chinese reader the note as written", () => {
    const source = { headings: ["K8s基本", "1. 组件", "1.0.1 k8s网络通讯问题"], row: "Pod间通信" };
    expect(sourceLabel(source, "en")).toEqual({
      text: "Kubernetes basics › 1. Components › 1.0.1 Communication in a cluster › Pod to Pod",
      original: "K8s基本 › 1. 组件 › 1.0.1 k8s网络通讯问题 › Pod间通信",
      translated: true,
    });
    expect(sourceLabel(source, "zh")).toEqual({ text: source.headings.concat("Pod间通信").join(" › "), original: source.headings.concat("Pod间通信").join(" › "), translated: false });
  });

  it("shows a heading it does not know as written", () => {
    expect(sourceLabel({ headings: ["K8s基本", "2. 新的一节"] }, "en").text).toBe("Kubernetes basics › 2. 新的一节");
  });
});
