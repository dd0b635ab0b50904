import type { PhrasingContent, RootContent } from "mdast";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { PENDING_CLOSE, PENDING_OPEN } from "./localize";

/**
 * Card text is restricted Markdown (paragraphs, bullet lists, strong). The screens get it as this
 * small tree, parsed once on the server, so the browser needs no Markdown parser and nothing a
 * card says can ever become HTML.
 */
export interface Run {
  text: string;
  strong?: true;
  /** Chinese standing in for English nobody has curated yet (see PENDING_OPEN in localize.ts). */
  pending?: true;
}
export type Block = { type: "p"; runs: Run[] } | { type: "ul"; items: Run[][] };

const processor = unified().use(remarkParse);

/** Whether the text being read is inside PENDING marks; a mark may open in one run and close in another. */
interface PendingState {
  open: boolean;
}

// Splits text on the PENDING marks; the marks themselves never reach a screen.
function textRuns(text: string, strong: boolean, state: PendingState): Run[] {
  const out: Run[] = [];
  for (const part of text.split(/([\uE000\uE001])/)) {
    if (part === PENDING_OPEN) state.open = true;
    else if (part === PENDING_CLOSE) state.open = false;
    else if (part) out.push({ text: part, ...(strong ? { strong: true as const } : {}), ...(state.open ? { pending: true as const } : {}) });
  }
  return out;
}

function runs(nodes: PhrasingContent[], state: PendingState, strong = false): Run[] {
  const out: Run[] = [];
  for (const node of nodes) {
    if (node.type === "text" || node.type === "inlineCode") out.push(...textRuns(node.value, strong, state));
    else if (node.type === "strong") out.push(...runs(node.children, state, true));
    else if (node.type === "break") out.push({ text: "\n" });
    else if ("children" in node) out.push(...runs(node.children as PhrasingContent[], state, strong));
    else if ("value" in node) out.push(...textRuns(String(node.value), false, state));
  }
  return out;
}

function blocks(nodes: RootContent[], state: PendingState): Block[] {
  const out: Block[] = [];
  for (const node of nodes) {
    if (node.type === "paragraph") out.push({ type: "p", runs: runs(node.children, state) });
    else if (node.type === "list") {
      out.push({
        type: "ul",
        items: node.children.map((item) => item.children.flatMap((c) => (c.type === "paragraph" ? runs(c.children, state) : []))),
      });
    } else if ("children" in node) out.push(...blocks(node.children as RootContent[], state));
    else if ("value" in node) out.push({ type: "p", runs: textRuns(String(node.value), false, state) });
  }
  return out;
}

/**
 * Parsed text by source. The deck is a few hundred strings and every review answer shows one card,
 * so parsing on each request was 6 % of the grade action's CPU (npm run bench -- --profile=grade).
 * Bounded in case a long-running server sees many deck revisions; callers must not mutate results.
 */
const parsed = new Map<string, readonly Block[]>();
const PARSED_MAX = 5000;

export function cardTextBlocks(markdown: string): Block[] {
  let out = parsed.get(markdown);
  if (!out) {
    if (parsed.size >= PARSED_MAX) parsed.clear();
    out = blocks(processor.parse(markdown).children, { open: false });
    parsed.set(markdown, out);
  }
  return out as Block[];
}

/** Plain text of card Markdown, for search and short labels. */
export function cardPlainText(markdown: string): string {
  return cardTextBlocks(markdown)
    .map((b) => (b.type === "p" ? b.runs.map((r) => r.text).join("") : b.items.map((i) => i.map((r) => r.text).join("")).join("; ")))
    .join(" ");
}
