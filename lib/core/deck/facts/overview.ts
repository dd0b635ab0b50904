import type { RootContent } from "mdast";
import { DeckSourceError } from "../errors";
import { byAlias, bySpelling, pointId, slugify } from "../knowledge/match";
import { ADVANTAGES, CONCEPTS, FEATURES, HISTORY } from "../knowledge/overview";
import { localized, noteFor } from "../localize";
import {
  type InlineLine,
  type Section,
  expandFences,
  firstOfType,
  inlineLinesAt,
  inlineText,
  joinLines,
  lineOf,
  listItemLines,
  paragraphs,
  requireSection,
} from "../parse";
import { fromPlain, plainText, sliceRich, splitOnce, splitTopLevel, stripEdges, toMarkdown } from "../rich-text";
import type { AdvantageFact, DefinitionFact, FeatureFact, HistoryFact, OverviewFacts } from "../types";

export const OVERVIEW_SECTION = "K8s基本";
export const ADVANTAGES_SECTION = "K8s 优势";
export const FEATURES_SECTION = "K8s特点";

const GLOSSED = /^(.+?)\s*[（(](.+)[)）]$/;

// "常见概念理解：容器（软件包）、Docker（容器管理平台）、K8s（…）、Ingress" — each "term（gloss）" is a
// definition; bare terms (Ingress, which the post only links to) carry nothing to learn.
function definitions(section: Section): DefinitionFact[] {
  for (const paragraph of paragraphs(section.content)) {
    const split = splitOnce(inlineText(paragraph.children), "：:");
    if (!split) continue;
    const facts = splitTopLevel(split[1], "、，,").flatMap((item): DefinitionFact[] => {
      const match = plainText(item).match(GLOSSED);
      if (!match) return [];
      const known = byAlias(CONCEPTS, match[1]);
      const gloss = sliceRich(item, plainText(item).indexOf(match[2], match[1].length), plainText(item).length - 1);
      return [
        {
          kind: "definition",
          id: known?.id ?? slugify(match[1]),
          term: localized(toMarkdown(fromPlain(match[1])), known?.en),
          meanings: splitTopLevel(gloss, "、，,").map((m) => {
            const curated = bySpelling(known?.meanings, plainText(m));
            return { id: pointId(curated, plainText(m)), ...localized(toMarkdown(m), curated?.en) };
          }),
          source: { headings: section.path, line: lineOf(paragraph) },
        },
      ];
    });
    if (facts.some((f) => f.id === "kubernetes")) return facts;
  }
  throw new DeckSourceError(section.line, `section '${section.title}' has no line defining K8s (expected "…K8s（…）…")`);
}

function requireList(section: Section, blocks: RootContent[]) {
  const list = firstOfType(blocks, "list");
  if (!list || list.children.length === 0) throw new DeckSourceError(section.line, `section '${section.title}' has no list`);
  return list;
}

function advantages(section: Section): AdvantageFact[] {
  return listItemLines(requireList(section, expandFences(section.content)))
    .filter((item) => item.lines.length > 0)
    .map((item) => {
      const text = joinLines(item.lines.map((l) => l.text));
      const known = bySpelling(ADVANTAGES, plainText(text));
      return {
        kind: "advantage",
        id: pointId(known, plainText(text)),
        text: localized(toMarkdown(text), known?.en),
        source: { headings: section.path, line: item.line },
      };
    });
}

function feature(line: InlineLine, section: Section): FeatureFact {
  const split = splitOnce(line.text, "：:");
  if (!split || !plainText(split[1])) {
    throw new DeckSourceError(line.line, `feature '${plainText(line.text)}' needs "name: point, point, …"`);
  }
  const [name, rest] = split;
  const known = bySpelling(FEATURES, plainText(name));
  return {
    kind: "feature",
    id: pointId(known, plainText(name)),
    name: localized(toMarkdown(name), known?.en),
    points: splitTopLevel(rest, "，,、").map((p) => {
      const curated = bySpelling(known?.points, plainText(p));
      return { id: pointId(curated, plainText(p)), ...localized(toMarkdown(p), curated?.en) };
    }),
    source: { headings: section.path, line: line.line },
  };
}

function history(prose: InlineLine[], section: Section): HistoryFact {
  if (prose.length === 0) throw new DeckSourceError(section.line, `section '${section.title}' has no history sentence`);
  const sentence = stripEdges(joinLines(prose.map((l) => l.text)), "", "。.");
  const clauses = splitTopLevel(sentence, "，,；;");
  const origin = clauses.find((c) => /\d{4}|创建/.test(plainText(c))) ?? sentence;
  const lineage = clauses.find((c) => /开源|borg/i.test(plainText(c))) ?? sentence;
  const note = noteFor(HISTORY.note, plainText(sentence));
  const trimmedLineage = stripEdges(lineage, "是", "");
  return {
    kind: "history",
    id: "kubernetes-origin",
    sentence: localized(toMarkdown(sentence), bySpelling(HISTORY.sentence, plainText(sentence))?.en),
    origin: localized(toMarkdown(origin), bySpelling(HISTORY.origin, plainText(origin))?.en),
    lineage: localized(toMarkdown(trimmedLineage), bySpelling(HISTORY.lineage, plainText(trimmedLineage))?.en),
    ...(note ? { note } : {}),
    source: { headings: section.path, line: prose[0].line },
  };
}

// The features fence reads "> Kubernetes 特点:", the list, then the history sentence, which
// Markdown's lazy continuation glues onto the last list item; lines after an item's first are prose.
function featuresAndHistory(section: Section): { features: FeatureFact[]; history: HistoryFact } {
  const blocks = expandFences(section.content);
  const list = requireList(section, blocks);
  const items = listItemLines(list).filter((item) => item.lines.length > 0);
  const features = items.map((item) => feature(item.lines[0], section));
  const prose: InlineLine[] = [
    ...items.flatMap((item) => item.lines.slice(1)),
    ...blocks
      .slice(blocks.indexOf(list) + 1)
      .flatMap((node) => (node.type === "paragraph" ? inlineLinesAt(node.children, { softBreaks: "line" }) : []))
      .filter((l) => plainText(l.text).trim()),
  ];
  return { features, history: history(prose, section) };
}

export function extractOverview(sections: Section[]): OverviewFacts {
  return {
    definitions: definitions(requireSection(sections, OVERVIEW_SECTION)),
    advantages: advantages(requireSection(sections, ADVANTAGES_SECTION)),
    ...featuresAndHistory(requireSection(sections, FEATURES_SECTION)),
  };
}
