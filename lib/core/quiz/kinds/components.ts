import type { Localized, Placement } from "@/lib/core/deck/types";
import type { Candidate } from "../candidate";
import { cardKeysFor } from "../cards";
import type { Catalog, ComponentItem, Duty } from "../catalog";
import { choice, nearInLength } from "../options";
import type { Rng } from "../rng";
import { both, list, nameAtStart, zhSpaced } from "../text";
import type { Option } from "../types";
import { componentConfusion } from "./contrast";

export const PLACEMENT_TEXT: Record<Placement, Localized> = {
  "control-plane": { zh: "在控制平面上", en: "On the control plane" },
  node: { zh: "在每个节点上", en: "On every node" },
  "add-on": { zh: "作为集群插件（add-on）", en: "As a cluster add-on" },
};

const PLACEMENT_IS: Record<Placement, Localized> = {
  "control-plane": { zh: "控制平面组件", en: "a control-plane component" },
  node: { zh: "节点组件，运行在每个节点上", en: "a node component that runs on every node" },
  "add-on": { zh: "集群插件（add-on）", en: "a cluster add-on" },
};

const PLACEMENTS = Object.keys(PLACEMENT_TEXT) as Placement[];

function base(cat: Catalog, c: ComponentItem) {
  return {
    topic: "components" as const,
    source: c.fact.source,
    factId: c.fact.id,
    cardKeys: cardKeysFor(cat, [{ kind: "component", id: c.fact.id }]),
  };
}

function withNote(text: Localized, note?: Localized): Localized {
  return note ? both((lang) => `${text[lang]}\n\n${note[lang]}`) : text;
}

function owns(c: ComponentItem, duty: Duty): boolean {
  return [duty.statement, duty.option].some((t) => c.owned.has(t.zh) || c.owned.has(t.en));
}

/** The option showing this text (options are built from these texts, so one always matches). */
function optionWith(options: Option[], text: Localized): string {
  return options.find((o) => o.text.en === text.en && o.text.zh === text.zh)?.id ?? "";
}

function dutyToComponent(cat: Catalog, rng: Rng, c: ComponentItem, duty: Duty): Candidate | null {
  // A component that also has this duty would be a second right answer.
  const others = cat.components.filter((o) => o !== c && !owns(o, duty));
  if (others.length < 3) return null;
  const distractors = nearInLength(rng, c.label, others, (o) => o.label, 3);
  const { options, answer } = choice(rng, c.label, distractors.map((o) => o.label));
  const name = c.fact.name;
  return {
    key: `duty-to-component:${c.fact.id}:${duty.index}`,
    group: "duty-to-component",
    rank: 0,
    overlaps: [`duty:${c.fact.id}:${duty.index}`],
    question: {
      ...base(cat, c),
      kind: "duty-to-component",
      type: "choice",
      prompt: {
        zh: `哪个组件符合这一描述：「${duty.statement.zh}」？`,
        en: `Which component does this describe: “${duty.statement.en}”?`,
      },
      options,
      answer,
      confusions: distractors.map((o) => componentConfusion(cat, optionWith(options, o.label), c, o, duty.statement)),
      explanation: withNote(
        {
          zh: `是 ${name.zh}：「${duty.statement.zh}」是它的职责之一。`,
          en: `It is ${name.en}: “${duty.statement.en}” is one of its duties.`,
        },
        duty.note,
      ),
    },
  };
}

function componentToDuty(cat: Catalog, rng: Rng, c: ComponentItem): Candidate | null {
  if (c.duties.length === 0) return null;
  const duty = c.duties[rng.int(c.duties.length)];
  // Each other component offers its duty closest in length to the answer, so options match in shape.
  const offers = cat.components
    .filter((o) => o !== c && o.duties.length > 0)
    .map((o) => ({
      owner: o,
      duty: [...o.duties].sort(
        (a, b) => Math.abs(a.option.en.length - duty.option.en.length) - Math.abs(b.option.en.length - duty.option.en.length),
      )[0],
    }))
    .filter((offer) => !owns(c, offer.duty));
  if (offers.length < 3) return null;
  const picked = nearInLength(rng, duty.option, offers, (o) => o.duty.option, 3);
  const { options, answer } = choice(rng, duty.option, picked.map((o) => o.duty.option));
  const name = c.fact.name;
  const owners = list(picked.map((o) => o.owner.label));
  return {
    key: `component-to-duty:${c.fact.id}`,
    group: "component-to-duty",
    rank: 0,
    overlaps: [`component-to-duty:${c.fact.id}`, `duty:${c.fact.id}:${duty.index}`],
    question: {
      ...base(cat, c),
      kind: "component-to-duty",
      type: "choice",
      prompt: { zh: `${zhSpaced(name.zh)}的作用是什么？`, en: `What does ${name.en} do?` },
      options,
      answer,
      // Taking another component's duty for this one's mixes the two up just the same.
      confusions: picked.map((o) => componentConfusion(cat, optionWith(options, o.duty.option), o.owner, c, o.duty.statement)),
      explanation: {
        zh: `${name.zh}：${duty.statement.zh}。其他选项分别是 ${owners.zh} 的职责。`,
        en: `${nameAtStart(name.en)}: ${duty.statement.en}. The other options describe ${owners.en}.`,
      },
    },
  };
}

function placement(cat: Catalog, rng: Rng, c: ComponentItem): Candidate {
  const right = c.fact.placement;
  const { options, answer } = choice(
    rng,
    PLACEMENT_TEXT[right],
    PLACEMENTS.filter((p) => p !== right).map((p) => PLACEMENT_TEXT[p]),
  );
  const name = c.fact.name;
  return {
    key: `placement:${c.fact.id}`,
    group: "placement",
    rank: 0,
    overlaps: [`placement:${c.fact.id}`],
    question: {
      ...base(cat, c),
      kind: "placement",
      type: "choice",
      prompt: { zh: `${zhSpaced(name.zh)}运行在哪里？`, en: `Where does ${name.en} run?` },
      options,
      answer,
      // The source's own label is wrong for some components (kubelet under "Master"); say so.
      explanation: withNote(
        {
          zh: `${zhSpaced(name.zh)}是${PLACEMENT_IS[right].zh}。`,
          en: `${nameAtStart(name.en)} is ${PLACEMENT_IS[right].en}.`,
        },
        c.fact.placementNote,
      ),
    },
  };
}

export function componentCandidates(cat: Catalog, rng: Rng): Candidate[] {
  const out: Array<Candidate | null> = [];
  for (const c of cat.components) {
    for (const duty of c.duties) out.push(dutyToComponent(cat, rng, c, duty));
    out.push(componentToDuty(cat, rng, c));
    out.push(placement(cat, rng, c));
  }
  return out.filter((c): c is Candidate => c !== null);
}
