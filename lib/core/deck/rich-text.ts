/**
 * Inline text as runs of plain/strong characters. The source's emphasis (`<font color=…>`, `**…**`)
 * must survive splitting, trimming and joining, so those operations work on runs and only the
 * final step renders the restricted Markdown the cards use.
 */
export interface Run {
  text: string;
  strong: boolean;
}

export type RichText = Run[];

export function fromPlain(text: string): RichText {
  return text ? [{ text, strong: false }] : [];
}

export function plainText(rich: RichText): string {
  return rich.map((run) => run.text).join("");
}

function merged(rich: RichText): RichText {
  const out: RichText = [];
  for (const run of rich) {
    if (!run.text) continue;
    const last = out[out.length - 1];
    if (last && last.strong === run.strong) last.text += run.text;
    else out.push({ ...run });
  }
  return out;
}

/** Slice by offsets into plainText(rich). */
export function sliceRich(rich: RichText, start: number, end = Infinity): RichText {
  const out: RichText = [];
  let offset = 0;
  for (const run of rich) {
    const from = Math.max(start - offset, 0);
    const to = Math.min(end - offset, run.text.length);
    if (to > from) out.push({ text: run.text.slice(from, to), strong: run.strong });
    offset += run.text.length;
  }
  return out;
}

export function concatRich(...parts: RichText[]): RichText {
  return merged(parts.flat());
}

/** Collapse whitespace runs (the source pads with double spaces) and trim both ends. */
export function tidy(rich: RichText): RichText {
  const collapsed = merged(rich.map((run) => ({ text: run.text.replace(/\s+/g, " "), strong: run.strong })));
  const text = plainText(collapsed);
  let start = 0;
  let end = text.length;
  while (start < end && text[start] === " ") start++;
  while (end > start && text[end - 1] === " ") end--;
  const out: RichText = [];
  let prevSpace = false;
  for (const run of sliceRich(collapsed, start, end)) {
    let t = run.text;
    if (prevSpace && t.startsWith(" ")) t = t.slice(1);
    if (t) {
      out.push({ text: t, strong: run.strong });
      prevSpace = t.endsWith(" ");
    }
  }
  return merged(out);
}

/** Strip any of `chars` from both ends (e.g. the dangling "，" a `<br/>` left behind). */
export function stripEdges(rich: RichText, leading: string, trailing: string): RichText {
  const text = plainText(rich);
  let start = 0;
  let end = text.length;
  while (start < end && (leading.includes(text[start]) || text[start] === " ")) start++;
  while (end > start && (trailing.includes(text[end - 1]) || text[end - 1] === " ")) end--;
  return sliceRich(rich, start, end);
}

const OPENERS = "(（[【「";
const CLOSERS = ")）]】」";

/** Split on any of `separators` that sits outside brackets, so "K8s（a、b）、Docker" splits once. */
export function splitTopLevel(rich: RichText, separators: string): RichText[] {
  const text = plainText(rich);
  const parts: RichText[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (OPENERS.includes(ch)) depth++;
    else if (CLOSERS.includes(ch)) depth = Math.max(depth - 1, 0);
    else if (depth === 0 && separators.includes(ch)) {
      parts.push(sliceRich(rich, start, i));
      start = i + 1;
    }
  }
  parts.push(sliceRich(rich, start));
  return parts.map(tidy).filter((part) => part.length > 0);
}

/** Split once at the first of `separators` (outside brackets); null when there is none. */
export function splitOnce(rich: RichText, separators: string): [RichText, RichText] | null {
  const text = plainText(rich);
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (OPENERS.includes(ch)) depth++;
    else if (CLOSERS.includes(ch)) depth = Math.max(depth - 1, 0);
    else if (depth === 0 && separators.includes(ch)) {
      return [tidy(sliceRich(rich, 0, i)), tidy(sliceRich(rich, i + 1))];
    }
  }
  return null;
}

const isSpace = (ch: string | undefined) => ch === undefined || /\s/u.test(ch);
const isPunct = (ch: string | undefined) => ch !== undefined && /[\p{P}\p{S}]/u.test(ch);

// CommonMark only honours `**` when it is left-/right-flanking; CJK text puts punctuation right
// next to the markers ("数据**(配置中心)**使用"), which would leave literal asterisks.
function opensOk(before: string | undefined, first: string | undefined): boolean {
  if (first === undefined || isSpace(first)) return false;
  return !isPunct(first) || isSpace(before) || isPunct(before);
}

function closesOk(last: string | undefined, after: string | undefined): boolean {
  if (last === undefined || isSpace(last)) return false;
  return !isPunct(last) || isSpace(after) || isPunct(after);
}

export function escapeMarkdown(text: string): string {
  return text.replace(/[\\*_`[\]<>]/g, (ch) => `\\${ch}`);
}

/** Render as restricted Markdown: escaped text plus `**strong**`, nothing else. */
export function toMarkdown(input: RichText): string {
  const rich = tidy(input);
  // Emphasis only means something against unemphasised text; a fully red sentence is just a sentence.
  const allStrong = rich.every((run) => run.strong || !run.text.trim());
  if (allStrong) return escapeMarkdown(plainText(rich));

  let out = "";
  let before: string | undefined;
  rich.forEach((run, index) => {
    if (!run.strong) {
      out += escapeMarkdown(run.text);
      before = run.text[run.text.length - 1];
      return;
    }
    const after = rich[index + 1]?.text[0];
    let inner = run.text;
    let prefix = "";
    let suffix = "";
    while (inner && !opensOk(prefix ? prefix[prefix.length - 1] : before, inner[0])) {
      prefix += inner[0];
      inner = inner.slice(1);
    }
    // A bracket pushed out in front takes its partner along: "(**配置中心**)", not "(**配置中心)**".
    let unmatched = [...prefix].filter((ch) => OPENERS.includes(ch)).length;
    while (unmatched > 0 && inner.length > 1 && CLOSERS.includes(inner[inner.length - 1])) {
      suffix = inner[inner.length - 1] + suffix;
      inner = inner.slice(0, -1);
      unmatched--;
    }
    while (inner && !closesOk(inner[inner.length - 1], suffix ? suffix[0] : after)) {
      suffix = inner[inner.length - 1] + suffix;
      inner = inner.slice(0, -1);
    }
    out += escapeMarkdown(prefix);
    if (inner) out += `**${escapeMarkdown(inner)}**`;
    out += escapeMarkdown(suffix);
    before = run.text[run.text.length - 1];
  });
  return out;
}
