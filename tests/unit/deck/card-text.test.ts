import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compileDeck } from "@/lib/core/deck/compile";
import { cardPlainText, cardTextBlocks } from "@/lib/core/deck/card-text";
import { PENDING_CLOSE, PENDING_OPEN } from "@/lib/core/deck/localize";
import { replaceOnce, seedMarkdown } from "./helpers";

describe("card text for the screens", () => {
  it("turns paragraphs, bullets and strong into a small tree", () => {
    expect(cardTextBlocks("A **node** agent\n\n- one\n- two \\*x\\*")).toEqual([
      { type: "p", runs: [{ text: "A " }, { text: "node", strong: true }, { text: " agent" }] },
      { type: "ul", items: [[{ text: "one" }], [{ text: "two *x*" }]] },
    ]);
  });

  it("marks the Chinese that stands in for missing English, across strong runs, and drops the marks from plain text", () => {
    const deck = compileDeck(replaceOnce(seedMarkdown(), "flannel、Calico、Docker", "flannel、Calico、Cilium、Docker"));
    const plugins = deck.cards.find((c) => c.key === "cni:plugins")!;
    const runs = cardTextBlocks(plugins.back.en).flatMap((b) => (b.type === "ul" ? b.items.flat() : b.runs));
    expect(runs.filter((r) => r.pending)).toEqual([{ text: "Cilium", pending: true }]);
    expect(runs.find((r) => r.text === "flannel")).toEqual({ text: "flannel" });
    expect(cardPlainText(plugins.back.en)).toContain("Calico; Cilium; Docker's native overlay network");
    expect(cardTextBlocks(`A ${PENDING_OPEN}中 **文**${PENDING_CLOSE} b`)).toEqual([
      { type: "p", runs: [{ text: "A " }, { text: "中 ", pending: true }, { text: "文", strong: true, pending: true }, { text: " b" }] },
    ]);
  });

  it("keeps any tag-looking text as text", () => {
    const blocks = cardTextBlocks("<img src=x onerror=alert(1)> hi");
    expect(JSON.stringify(blocks)).toContain("<img src=x onerror=alert(1)>");
    expect(blocks.every((b) => b.type === "p" || b.type === "ul")).toBe(true);
  });

  it("parses every card of the real deck into non-empty text in both languages", () => {
    const deck = compileDeck(readFileSync("seed/k8s-basics.md", "utf8"));
    for (const card of deck.cards) {
      for (const side of [card.front.zh, card.front.en, card.back.zh, card.back.en]) {
        expect(cardPlainText(side).trim().length).toBeGreaterThan(0);
      }
    }
  });
});
