import type { Paragraph } from "mdast";
import { DeckSourceError } from "../errors";
import { byAlias, bySpelling, pointId, slugify } from "../knowledge/match";
import { CNI, PATHS, PLUGINS } from "../knowledge/network";
import { localized, noteFor } from "../localize";
import { type Section, firstOfType, inlineLines, joinLines, lineOf, paragraphs, requireSection } from "../parse";
import { fragmentsToPoints } from "../points";
import {
  type RichText,
  concatRich,
  fromPlain,
  plainText,
  sliceRich,
  splitTopLevel,
  stripEdges,
  tidy,
  toMarkdown,
} from "../rich-text";
import type { CniFact, CniPluginFact, PathFact } from "../types";
import { type TableRow, readTable } from "./table";

export const NETWORK_SECTION = "k8s网络通讯问题";

function fromRow(row: TableRow, section: Section): PathFact {
  const known = byAlias(PATHS, row.name);
  const points = fragmentsToPoints(inlineLines(row.cells[1]));
  const cues = points.flatMap((point) => point.filter((run) => run.strong).map((run) => run.text.trim()));
  const note = noteFor(known?.note, points.map(plainText).join(""));
  return {
    kind: "path",
    id: known?.id ?? slugify(row.name),
    name: localized(toMarkdown(fromPlain(row.name)), known?.en),
    mechanism: points.map((point) => {
      const curated = bySpelling(known?.mechanism, plainText(point));
      return { id: pointId(curated, plainText(point)), text: localized(toMarkdown(point), curated?.en) };
    }),
    cues: cues.map((cue) => {
      const curated = bySpelling(known?.cues, cue);
      return { id: pointId(curated, cue), ...localized(toMarkdown(fromPlain(cue)), curated?.en) };
    }),
    ...(note ? { note } : {}),
    source: { headings: section.path, row: row.name, line: row.line },
  };
}

interface Definition {
  term: RichText;
  /** Untidied, because the flannel sentence's only end marker for its "(如:…" aside is a double space. */
  rawBody: RichText;
  line: number;
}

// "术语：解释" paragraphs (CNI, flannel) that follow the table.
function definitions(nodes: Paragraph[]): Definition[] {
  return nodes.flatMap((p) => {
    const raw = concatRich(...inlineLines(p.children));
    const text = plainText(raw);
    const colon = [...text].findIndex((ch) => ch === "：" || ch === ":");
    if (colon <= 0) return [];
    return [{ term: tidy(sliceRich(raw, 0, colon)), rawBody: sliceRich(raw, colon + 1), line: lineOf(p) }];
  });
}

const OPEN = "(（";
const CLOSE = ")）";

/** A trailing "（a、b、c）" list, split off from the sentence before it. */
function trailingList(body: RichText): { before: RichText; items: RichText[] } {
  const text = plainText(body);
  if (!CLOSE.includes(text[text.length - 1] ?? "")) return { before: body, items: [] };
  let depth = 0;
  for (let i = text.length - 1; i >= 0; i--) {
    if (CLOSE.includes(text[i])) depth++;
    else if (OPEN.includes(text[i]) && --depth === 0) {
      return { before: tidy(sliceRich(body, 0, i)), items: splitTopLevel(sliceRich(body, i + 1, text.length - 1), "、，,") };
    }
  }
  return { before: body, items: [] };
}

function pluginFact(name: RichText): CniPluginFact {
  const text = plainText(name);
  const known = byAlias(PLUGINS, text);
  return {
    kind: "cni-plugin",
    id: known?.id ?? slugify(text),
    name: localized(toMarkdown(name), known?.en),
    ...(known?.note ? { note: known.note } : {}),
  };
}

// "为Pod配置网络的(如:添加网络，配置网络，激活网络等  守护进程。" — the aside never closes, so it
// ends at a closing bracket, else right after "等", else at the double space, else at the end.
function describePlugin(rawBody: RichText): { summary: RichText; examples: RichText[] } {
  const text = plainText(rawBody);
  const open = [...text].findIndex((ch) => OPEN.includes(ch));
  if (open < 0) return { summary: stripEdges(tidy(rawBody), "", "。."), examples: [] };
  const rest = text.slice(open + 1);
  const candidates = [
    [...rest].findIndex((ch) => CLOSE.includes(ch)),
    rest.indexOf("等") >= 0 ? rest.indexOf("等") + 1 : -1,
    rest.search(/\s{2,}/),
  ].filter((i) => i >= 0);
  const innerEnd = candidates.length ? open + 1 + candidates[0] : text.length;
  const after = CLOSE.includes(text[innerEnd] ?? "") ? innerEnd + 1 : innerEnd;
  const aside = stripEdges(tidy(sliceRich(rawBody, open + 1, innerEnd)), "", "等");
  const withoutLead = plainText(aside).match(/^(如|例如|比如|e\.?g\.?)\s*[:：]?/i);
  const examples = splitTopLevel(withoutLead ? sliceRich(aside, withoutLead[0].length) : aside, "，,、").map((e) =>
    stripEdges(e, "", "等"),
  );
  const summary = joinLines([sliceRich(rawBody, 0, open), sliceRich(rawBody, after)]);
  return { summary: stripEdges(summary, "", "。."), examples };
}

function cniFact(definition: Definition, all: Definition[], section: Section): CniFact {
  const term = plainText(definition.term);
  const parts = term.match(/^(.+?)\s*[(（](.+?)[)）]?$/);
  const abbreviation = parts ? parts[1] : term;
  const expansion = parts ? parts[2] : "";
  const { before, items } = trailingList(tidy(definition.rawBody));
  if (items.length === 0) throw new DeckSourceError(definition.line, `CNI paragraph lists no network plugins (expected "（a、b、…）")`);
  const sentence = stripEdges(before, "", "。.，,");
  const because = ["因为", "由于"].map((w) => plainText(sentence).indexOf(w)).find((i) => i > 0);
  const definitionText = because ? stripEdges(sliceRich(sentence, 0, because), "", "，,") : sentence;
  const reason = because ? stripEdges(sliceRich(sentence, because + 2), "", "。.") : undefined;

  const plugins = items.map(pluginFact);
  // A "flannel：…" paragraph describes a plugin when its term is a known plugin or one listed here.
  for (const other of all) {
    const name = plainText(other.term);
    const known = byAlias(PLUGINS, name);
    const id = known?.id ?? slugify(name);
    let plugin = plugins.find((p) => p.id === id);
    if (!known && !plugin) continue;
    if (!plugin) plugins.push((plugin = pluginFact(other.term)));
    const { summary, examples } = describePlugin(other.rawBody);
    plugin.role = {
      summary: localized(toMarkdown(summary), bySpelling(known?.roleEn?.summary, plainText(summary))?.en),
      examples: examples.map((e) => {
        const curated = bySpelling(known?.roleEn?.examples, plainText(e));
        return { id: pointId(curated, plainText(e)), ...localized(toMarkdown(e), curated?.en) };
      }),
      source: { headings: section.path, line: other.line },
    };
  }
  return {
    kind: "cni",
    id: "cni",
    abbreviation,
    expansion: localized(toMarkdown(fromPlain(expansion)), bySpelling(CNI.expansion, expansion)?.en),
    definition: localized(toMarkdown(definitionText), bySpelling(CNI.definition, plainText(definitionText))?.en),
    ...(reason ? { reason: localized(toMarkdown(reason), bySpelling(CNI.reason, plainText(reason))?.en) } : {}),
    definitionNote: CNI.definitionNote,
    plugins,
    source: { headings: section.path, line: definition.line },
  };
}

export function extractNetwork(sections: Section[]): { paths: PathFact[]; cni: CniFact } {
  const section = requireSection(sections, NETWORK_SECTION);
  const table = firstOfType(section.content, "table");
  if (!table) throw new DeckSourceError(section.line, `section '${section.title}' has no communication table`);
  const paths = readTable(table, "communication table", 2).map((row) => fromRow(row, section));
  const defs = definitions(paragraphs(section.content));
  const cni = defs.find((d) => plainText(d.term).toLowerCase().startsWith("cni"));
  if (!cni) throw new DeckSourceError(section.line, `section '${section.title}' has no 'CNI：…' paragraph`);
  return { paths, cni: cniFact(cni, defs, section) };
}
