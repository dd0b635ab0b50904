export type Topic = "components" | "networking" | "cni" | "pod-network" | "overview";

export interface Localized {
  zh: string;
  /** May hold the Chinese between PENDING marks (lib/core/deck/localize.ts) while no English is curated. */
  en: string;
}

export interface SourceRef {
  headings: string[];
  row?: string;
  line: number;
}

export type FactKind =
  | "component"
  | "path"
  | "cni"
  | "cni-plugin"
  | "step"
  | "advantage"
  | "feature"
  | "history"
  | "definition";

export interface CompiledCard {
  key: string;
  topic: Topic;
  front: Localized;
  back: Localized;
  source: SourceRef;
  note?: Localized;
  fact: { kind: FactKind; id: string };
}

/** Where a component really runs, independent of how the source files it. */
export type Placement = "control-plane" | "node" | "add-on";

/**
 * One short item of a list (a meaning, a feature point, a cue, an example) with the id its cards
 * are keyed by: the curated entry's id when one spells it, else one derived from its wording.
 */
export interface IdentifiedText extends Localized {
  id: string;
}

/** One point of a list (a duty, a mechanism step); text is restricted Markdown. */
export interface Point {
  /** From the point's wording, never its place in the list; see IdentifiedText. */
  id: string;
  text: Localized;
  note?: Localized;
}

export interface ComponentFact {
  kind: "component";
  id: string;
  /** Name as the source writes it (zh) and the canonical name (en). */
  name: Localized;
  duties: Point[];
  /** The source's "所属" cell verbatim, or null when the source gives none (fluentd's prose sentence). */
  sourcePlacement: string | null;
  placement: Placement;
  /** Set only when the source's placement is wrong or misleading. */
  placementNote?: Localized;
  source: SourceRef;
}

export interface PathFact {
  kind: "path";
  id: string;
  name: Localized;
  mechanism: Point[];
  /** Keywords the source emphasises in the mechanism (e.g. loopback); they drive the reverse cards. */
  cues: IdentifiedText[];
  note?: Localized;
  source: SourceRef;
}

export interface CniPluginFact {
  kind: "cni-plugin";
  id: string;
  name: Localized;
  /** What the plugin does, when the source says (flannel). */
  role?: { summary: Localized; examples: IdentifiedText[]; source: SourceRef };
  note?: Localized;
}

export interface CniFact {
  kind: "cni";
  id: "cni";
  abbreviation: string;
  expansion: Localized;
  definition: Localized;
  /** Why Kubernetes needs it (it ships no network implementation), when the source says. */
  reason?: Localized;
  definitionNote?: Localized;
  plugins: CniPluginFact[];
  source: SourceRef;
}

export interface StepFact {
  kind: "step";
  /** From the step's wording (curated id when known), so it survives renumbering. */
  id: string;
  /** The step's number in the source today; moves when a step is inserted before it. */
  n: number;
  text: Localized;
  note?: Localized;
  source: SourceRef;
}

export interface PodNetworkFacts {
  title: Localized;
  steps: StepFact[];
}

export interface DefinitionFact {
  kind: "definition";
  id: string;
  term: Localized;
  meanings: IdentifiedText[];
  source: SourceRef;
}

export interface AdvantageFact {
  kind: "advantage";
  id: string;
  text: Localized;
  source: SourceRef;
}

export interface FeatureFact {
  kind: "feature";
  id: string;
  name: Localized;
  points: IdentifiedText[];
  source: SourceRef;
}

export interface HistoryFact {
  kind: "history";
  id: "kubernetes-origin";
  sentence: Localized;
  /** Who created it and when. */
  origin: Localized;
  /** What it descends from (Borg). */
  lineage: Localized;
  note?: Localized;
  source: SourceRef;
}

export interface OverviewFacts {
  definitions: DefinitionFact[];
  advantages: AdvantageFact[];
  features: FeatureFact[];
  history: HistoryFact;
}

export interface DeckFacts {
  overview: OverviewFacts;
  components: ComponentFact[];
  paths: PathFact[];
  cni: CniFact;
  podNetwork: PodNetworkFacts;
}

/** A point of the source that no curated English spells yet; its cards show the Chinese, marked. */
export interface UntranslatedPoint {
  line: number;
  /** The point as the source writes it. */
  text: string;
  /** Where in the facts it sits, e.g. "components.kubelet.duties". */
  where: string;
}

export interface CompiledDeck {
  facts: DeckFacts;
  cards: CompiledCard[];
}

/** What compileDeck returns: the deck, plus the points whose English side shows Chinese for now. */
export interface CompileResult extends CompiledDeck {
  untranslated: UntranslatedPoint[];
}
