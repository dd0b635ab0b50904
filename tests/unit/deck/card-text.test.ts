import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compileDeck } from "@/lib/core/deck/compile";
import { cardPlainText, cardTextBlocks } from "@/lib/core/deck/card-text";

describe("card text for the screens", () => {
  it("turns paragraphs, bullets and strong into a small tree", () => {
    expect(cardTextBlocks("A **node** agent\n\n- one\n- two \\*x\\*")).toEqual([
      { type: "p", runs: [{ text: "A " }, { text: "node", strong: true }, { text: " agent" }] },
      { type: "ul", items: [[{ text: "one" }], [{ text: "two *x*" }]] },
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
