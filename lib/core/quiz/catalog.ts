import type { CniPluginFact, ComponentFact, CompiledDeck, Localized, PathFact } from "@/lib/core/deck/types";
import { both, capitalize, mentions, optionText, sentence } from "./text";

/** One duty of a component, in the forms a question needs. */
export interface Duty {
  /** Position among the component's duties, for identity across questions. */
  index: number;
  /** The whole duty on one line, for prompts and explanations. */
  statement: Localized;
  option: Localized;
  note?: Localized;
}

export interface ComponentItem {
  fact: ComponentFact;
  /** Every duty's statement and option text in both languages, named or not: what it "owns". */
  owned: Set<string>;
  /** Short name for an option button ("kube-apiserver", not "apiserver（kube-apiserver）"). */
  label: Localized;
  /** Duties that never name a component, so they can't give an answer away. */
  duties: Duty[];
}

export interface PathItem {
  fact: PathFact;
  label: Localized;
  /** The first mechanism point whole (later points qualify it, e.g. docker0). */
  mechanism: Localized;
  mechanismOption: Localized;
}

export interface PluginItem {
  fact: CniPluginFact;
  label: Localized;
}

export interface Catalog {
  deck: CompiledDeck;
  /** Card keys by "kind:id" of the fact they teach. */
  cardsByFact: Map<string, string[]>;
  /** Position of each card in the deck. */
  cardOrder: Map<string, number>;
  /** cardKeysFor results by fact set; the catalog outlives one quiz, so this saves repeat work. */
  cardKeysMemo: Map<string, string[]>;
  components: ComponentItem[];
  paths: PathItem[];
  /** Plugins the quiz may call plugins. */
  plugins: PluginItem[];
  /** Short definitions of other concepts, as distractors for "what is CNI". */
  definitions: Localized[];
}

function componentNames(c: ComponentFact): string[] {
  return [c.id, c.name.en.replace(/^the /i, ""), ...c.name.zh.split(/[（）]/), c.source.row ?? ""];
}

function componentLabel(c: ComponentFact): Localized {
  const binary = /（([^（）]+)）/.exec(c.name.zh)?.[1];
  return { zh: binary ?? c.name.zh, en: c.name.en.replace(/^the /i, "") };
}

/** Equal in either language: two such options would read as duplicates to someone. */
export function samePlain(a: Localized, b: Localized): boolean {
  return a.zh === b.zh || a.en === b.en;
}

export function buildCatalog(deck: CompiledDeck): Catalog {
  const { facts } = deck;
  const allNames = facts.components.flatMap(componentNames);
  const components = facts.components.map((fact): ComponentItem => ({
    fact,
    owned: new Set(fact.duties.flatMap((d) => [sentence(d.text), optionText(d.text)]).flatMap((t) => [t.zh, t.en])),
    label: componentLabel(fact),
    duties: fact.duties
      .map((d, index): Duty => ({ index, statement: sentence(d.text), option: optionText(d.text), note: d.note }))
      .filter((d) => !mentions(d.statement.zh, allNames) && !mentions(d.statement.en, allNames))
      .filter((d) => d.option.zh !== "" && d.option.en !== ""),
  }));
  const paths = facts.paths
    .filter((fact) => fact.mechanism.length > 0)
    .map((fact): PathItem => {
      const first = fact.mechanism[0].text;
      return {
        fact,
        label: both((lang) => (lang === "en" ? capitalize(optionText(fact.name).en) : optionText(fact.name).zh)),
        mechanism: sentence(first),
        mechanismOption: optionText(first),
      };
    });
  // A plugin carrying a correction note is one the source lists doubtfully (Docker's overlay is
  // not a CNI plugin at all), so it is neither a right answer nor a "plugin" in "which is not".
  const plugins = facts.cni.plugins.filter((p) => !p.note).map((fact) => ({ fact, label: optionText(fact.name) }));
  const definitions = facts.overview.definitions.flatMap((d) => d.meanings.map(optionText));
  const cardsByFact = new Map<string, string[]>();
  for (const card of deck.cards) {
    const key = factKey(card.fact);
    cardsByFact.set(key, [...(cardsByFact.get(key) ?? []), card.key]);
  }
  const cardOrder = new Map(deck.cards.map((card, i) => [card.key, i]));
  return { deck, cardsByFact, cardOrder, cardKeysMemo: new Map(), components, paths, plugins, definitions: dedupe(definitions) };
}

export const factKey = (fact: { kind: string; id: string }) => `${fact.kind}:${fact.id}`;

// Quizzes are generated per request from one long-lived compiled deck; its catalog is derived once.
const cache = new WeakMap<CompiledDeck, Catalog>();

export function catalogOf(deck: CompiledDeck): Catalog {
  let cat = cache.get(deck);
  if (!cat) {
    cat = buildCatalog(deck);
    cache.set(deck, cat);
  }
  return cat;
}

export function dedupe(items: Localized[]): Localized[] {
  return items.filter((item, i) => items.findIndex((other) => samePlain(other, item)) === i);
}
