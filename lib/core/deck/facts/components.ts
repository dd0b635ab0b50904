import type { Paragraph } from "mdast";
import { DeckSourceError } from "../errors";
import { COMPONENTS, type ComponentKnowledge, PLACEMENT_LABEL, SOURCE_PLACEMENT } from "../knowledge/components";
import { byAlias, bySpelling, pointId, slugify } from "../knowledge/match";
import { localized, noteFor } from "../localize";
import { type Section, firstOfType, inlineLines, inlineText, lineOf, paragraphs, requireSection } from "../parse";
import { fragmentsToPoints } from "../points";
import { type RichText, fromPlain, plainText, splitOnce, stripEdges, toMarkdown } from "../rich-text";
import type { ComponentFact, Localized, Placement, Point } from "../types";
import { type TableRow, readTable } from "./table";

export const COMPONENTS_SECTION = "K8s 组件介绍";

function displayName(name: string, known: ComponentKnowledge | undefined): Localized {
  const zh = known?.binary && known.binary !== name ? `${name}（${known.binary}）` : name;
  return localized(toMarkdown(fromPlain(zh)), known?.en);
}

// Each duty finds its English by its own wording: an inserted, removed or reordered duty moves no
// other duty's English, and a duty nobody has translated yet shows its Chinese, marked, instead.
function duties(points: RichText[], known: ComponentKnowledge | undefined): Point[] {
  return points.map((point) => {
    const curated = bySpelling(known?.duties, plainText(point));
    const note = noteFor(curated?.note, plainText(point));
    return { id: pointId(curated, plainText(point)), text: localized(toMarkdown(point), curated?.en), ...(note ? { note } : {}) };
  });
}

function placementNote(
  name: Localized,
  sourcePlacement: string,
  placement: Placement,
  known: ComponentKnowledge | undefined,
): Localized | undefined {
  const claimed = SOURCE_PLACEMENT[sourcePlacement.toLowerCase().replace(/\s+/g, "")];
  if (claimed === placement) return undefined;
  if (known?.misplacedNote) return known.misplacedNote;
  const label = PLACEMENT_LABEL[placement];
  return {
    zh: `原文把 ${name.zh} 归为「${sourcePlacement}」，但它实际上是${label.zh}。`,
    en: `The source files ${name.en} under “${sourcePlacement}”, but it is ${label.en}.`,
  };
}

function fromRow(row: TableRow, section: Section): ComponentFact {
  const known = byAlias(COMPONENTS, row.name);
  const name = displayName(row.name, known);
  const sourcePlacement = plainText(inlineText(row.cells[2]));
  const placement = known?.placement ?? SOURCE_PLACEMENT[sourcePlacement.toLowerCase().replace(/\s+/g, "")];
  if (!placement) {
    throw new DeckSourceError(row.line, `component table row '${row.name}' has unknown placement '${sourcePlacement}'`);
  }
  const note = placementNote(name, sourcePlacement, placement, known);
  return {
    kind: "component",
    id: known?.id ?? slugify(row.name),
    name,
    duties: duties(fragmentsToPoints(inlineLines(row.cells[1])), known),
    sourcePlacement,
    placement,
    ...(note ? { placementNote: note } : {}),
    source: { headings: section.path, row: row.name, line: row.line },
  };
}

// Below the table the post describes further components in prose ("fluentd是一个守护进程，…").
// Only sentences whose subject looks like a component name count; other prose is commentary.
function fromSentence(paragraph: Paragraph, section: Section): ComponentFact | undefined {
  const split = splitOnce(inlineText(paragraph.children), "是");
  if (!split) return undefined;
  const subject = plainText(split[0]);
  if (!/^[A-Za-z][\w.-]*$/.test(subject)) return undefined;
  const known = byAlias(COMPONENTS, subject);
  const description = stripEdges(split[1], "", "，,、；;。.");
  if (!plainText(description)) {
    throw new DeckSourceError(lineOf(paragraph), `component sentence about '${subject}' says nothing about it`);
  }
  return {
    kind: "component",
    id: known?.id ?? slugify(subject),
    name: displayName(subject, known),
    duties: duties([description], known),
    sourcePlacement: null,
    placement: known?.placement ?? "add-on",
    source: { headings: section.path, line: lineOf(paragraph) },
  };
}

export function extractComponents(sections: Section[]): ComponentFact[] {
  const section = requireSection(sections, COMPONENTS_SECTION);
  const table = firstOfType(section.content, "table");
  if (!table) throw new DeckSourceError(section.line, `section '${section.title}' has no component table`);
  const rows = readTable(table, "component table", 3).map((row) => fromRow(row, section));
  const prose = paragraphs(section.content).flatMap((p) => fromSentence(p, section) ?? []);
  return [...rows, ...prose];
}
