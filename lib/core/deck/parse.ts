import type { Code, Heading, List, Nodes, Paragraph, PhrasingContent, Root, RootContent } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { DeckSourceError } from "./errors";
import { type RichText, concatRich, plainText, tidy } from "./rich-text";

const processor = unified().use(remarkParse).use(remarkGfm);

// Jekyll front matter is not Markdown; without remark-frontmatter its closing `---` turns the YAML
// into a setext heading that would become the root of every heading path. Blanking (rather than
// cutting) the lines keeps every line number true to the file.
function blankFrontMatter(markdown: string): string {
  const lines = markdown.split("\n");
  if (lines[0]?.trim() !== "---") return markdown;
  const end = lines.findIndex((line, i) => i > 0 && (line.trim() === "---" || line.trim() === "..."));
  if (end < 0) return markdown;
  return lines.map((line, i) => (i <= end ? "" : line)).join("\n");
}

export function parseDocument(markdown: string): Root {
  return processor.parse(blankFrontMatter(markdown));
}

export function lineOf(node: Nodes): number {
  return node.position?.start.line ?? 1;
}

function shiftLines(node: Nodes, by: number): void {
  if (node.position) {
    node.position.start.line += by;
    node.position.end.line += by;
  }
  if ("children" in node) for (const child of node.children) shiftLines(child, by);
}

/**
 * The blog keeps some lists inside ```markdown fences; parse the fence's body with the same
 * processor and move its positions so lines still point into the outer file.
 */
export function parseEmbedded(code: Code): RootContent[] {
  const inner = processor.parse(code.value);
  // The body starts on the line after the opening fence.
  shiftLines(inner, lineOf(code));
  return inner.children;
}

export function isMarkdownFence(node: RootContent): node is Code {
  return node.type === "code" && ["markdown", "md"].includes((node.lang ?? "").toLowerCase());
}

/** Section content with ```markdown fences replaced by what they contain. */
export function expandFences(nodes: RootContent[]): RootContent[] {
  return nodes.flatMap((node) => (isMarkdownFence(node) ? parseEmbedded(node) : [node]));
}

type HtmlRole = "break" | "open" | "close" | "ignore";

// Inline HTML arrives as one node per tag; only its role matters, its text never reaches a card.
function htmlRole(tag: string): HtmlRole {
  const t = tag.trim().toLowerCase();
  if (/^<br\s*\/?>$/.test(t)) return "break";
  if (/^<(font|b|strong|em|i|mark)(\s[^>]*)?>$/.test(t)) return "open";
  if (/^<\/(font|b|strong|em|i|mark)\s*>$/.test(t)) return "close";
  return "ignore";
}

export interface InlineOptions {
  /** Soft line breaks inside a paragraph: joined as spaces, or kept as separate lines. */
  softBreaks?: "space" | "line";
}

export interface InlineLine {
  text: RichText;
  /** Source line the text starts on (soft breaks move to the next line, `<br/>` does not). */
  line: number;
}

/**
 * Phrasing content → lines of rich text. Lines end at `<br/>` and hard breaks; `<font>`, strong
 * and emphasis become strong runs; links keep their text (their targets are out of scope); images
 * and unknown tags vanish.
 */
export function inlineLinesAt(nodes: PhrasingContent[], options: InlineOptions = {}): InlineLine[] {
  const startLine = nodes[0] ? lineOf(nodes[0]) : 1;
  const lines: Array<{ runs: RichText; line: number }> = [{ runs: [], line: startLine }];
  const newLine = (line: number) => lines.push({ runs: [], line });
  let htmlDepth = 0;
  const push = (node: Nodes, text: string, strong: boolean) => {
    const parts = options.softBreaks === "line" ? text.split("\n") : [text.replace(/\n/g, " ")];
    parts.forEach((part, i) => {
      if (i > 0) newLine(lineOf(node) + i);
      lines[lines.length - 1].runs.push({ text: part, strong: strong || htmlDepth > 0 });
    });
  };
  const walk = (node: PhrasingContent, strong: boolean): void => {
    switch (node.type) {
      case "text":
      case "inlineCode":
        push(node, node.value, strong);
        return;
      case "html": {
        const role = htmlRole(node.value);
        if (role === "break") newLine(lineOf(node));
        else if (role === "open") htmlDepth++;
        else if (role === "close") htmlDepth = Math.max(htmlDepth - 1, 0);
        return;
      }
      case "break":
        newLine(node.position?.end.line ?? lineOf(node));
        return;
      case "strong":
      case "emphasis":
        for (const child of node.children) walk(child, true);
        return;
      case "link":
      case "linkReference":
      case "delete":
        for (const child of node.children) walk(child, strong);
        return;
      default:
        return;
    }
  };
  for (const node of nodes) walk(node, false);
  return lines.map(({ runs, line }) => ({ text: concatRich(runs), line }));
}

export function inlineLines(nodes: PhrasingContent[], options: InlineOptions = {}): RichText[] {
  return inlineLinesAt(nodes, options).map((l) => l.text);
}

/** All of the phrasing content on one line, `<br/>`s joined the way CJK text joins. */
export function inlineText(nodes: PhrasingContent[]): RichText {
  return tidy(joinLines(inlineLines(nodes)));
}

const asciiWord = (ch: string | undefined) => ch !== undefined && /[A-Za-z0-9]/.test(ch);

/** Chinese needs no space between joined fragments; Latin words do. */
export function joinLines(lines: RichText[]): RichText {
  const parts = lines.map(tidy).filter((line) => line.length > 0);
  const out: RichText[] = [];
  parts.forEach((part, i) => {
    if (i > 0) {
      const prev = plainText(parts[i - 1]);
      if (asciiWord(prev[prev.length - 1]) && asciiWord(plainText(part)[0])) out.push([{ text: " ", strong: false }]);
    }
    out.push(part);
  });
  return concatRich(...out);
}

export interface Section {
  heading: Heading;
  title: string;
  /** Cleaned heading texts from the document root down to this section. */
  path: string[];
  line: number;
  /** Nodes before the first sub-heading. */
  content: RootContent[];
}

export function outline(root: Root): Section[] {
  const sections: Section[] = [];
  const stack: Section[] = [];
  for (const node of root.children) {
    if (node.type === "heading") {
      while (stack.length && stack[stack.length - 1].heading.depth >= node.depth) stack.pop();
      const title = plainText(inlineText(node.children));
      const section: Section = {
        heading: node,
        title,
        path: [...stack.map((s) => s.title), title],
        line: lineOf(node),
        content: [],
      };
      sections.push(section);
      stack.push(section);
    } else if (stack.length) {
      stack[stack.length - 1].content.push(node);
    }
  }
  return sections;
}

// Section numbers ("1.3") get renumbered when the post grows; the words are what identify a section.
function titleKey(title: string): string {
  return title
    .replace(/^\s*\d+(\.\d+)*\.?\s*/, "")
    .toLowerCase()
    .replace(/\s+/g, "");
}

/** The section titled `title`, with content; a missing or empty section is a source error. */
export function requireSection(sections: Section[], title: string): Section {
  const section = sections.find((s) => titleKey(s.title) === titleKey(title));
  if (!section) throw new DeckSourceError(1, `missing section '${title}' (no heading with that title)`);
  if (section.content.length === 0) throw new DeckSourceError(section.line, `section '${section.title}' is empty`);
  return section;
}

export function firstOfType<T extends RootContent["type"]>(
  nodes: RootContent[],
  type: T,
): Extract<RootContent, { type: T }> | undefined {
  return nodes.find((node) => node.type === type) as Extract<RootContent, { type: T }> | undefined;
}

export function paragraphs(nodes: RootContent[]): Paragraph[] {
  return nodes.filter((node): node is Paragraph => node.type === "paragraph");
}

/** Each list item's own paragraph lines; soft breaks split, so lazily continued lines stay apart. */
export function listItemLines(list: List): Array<{ lines: InlineLine[]; line: number }> {
  return list.children.map((item) => {
    const lines = item.children
      .filter((child): child is Paragraph => child.type === "paragraph")
      .flatMap((p) => inlineLinesAt(p.children, { softBreaks: "line" }))
      .map((l) => ({ text: tidy(l.text), line: l.line }))
      .filter((l) => l.text.length > 0);
    return { lines, line: lineOf(item) };
  });
}
