import type { Block, Run } from "@/lib/core/deck/card-text";

/**
 * A quiz explanation (paragraphs split by blank lines, "- " lines as a list, `**strong**`) as the
 * blocks CardText renders. Written by the quiz kinds themselves, so this small reading is enough
 * and the browser, which shows answers as they come back, needs no Markdown parser.
 */
export function explanationBlocks(text: string): Block[] {
  const out: Block[] = [];
  for (const para of text.split(/\n\s*\n/)) {
    const lines = para.split("\n").map((l) => l.trimEnd()).filter((l) => l.trim() !== "");
    if (lines.length === 0) continue;
    let prose: string[] = [];
    let items: string[] = [];
    const flushProse = () => {
      if (prose.length) out.push({ type: "p", runs: runs(prose.join("\n")) });
      prose = [];
    };
    const flushItems = () => {
      if (items.length) out.push({ type: "ul", items: items.map(runs) });
      items = [];
    };
    for (const line of lines) {
      const item = /^\s*- (.*)$/.exec(line);
      if (item) {
        flushProse();
        items.push(item[1]);
      } else {
        flushItems();
        prose.push(line);
      }
    }
    flushProse();
    flushItems();
  }
  return out;
}

function runs(text: string): Run[] {
  const unescape = (s: string) => s.replace(/\\([\\*_`[\]<>.)#+=-])/g, "$1");
  return text
    .split(/\*\*(.+?)\*\*/g)
    .map((part, i): Run => (i % 2 === 1 ? { text: unescape(part), strong: true } : { text: unescape(part) }))
    .filter((r) => r.text !== "");
}
