import type { Localized, Placement } from "@/lib/core/deck/types";
import type { Candidate } from "../candidate";
import { cardKeysFor } from "../cards";
import { samePlain, type Catalog, type ComponentItem } from "../catalog";
import type { Rng } from "../rng";
import { list } from "../text";
import type { Confusion, Option } from "../types";
import { PLACEMENT_TEXT } from "./components";
import { componentConfusion } from "./contrast";

const OPTIONS = 5;
const IDS = "abcdefghij".split("");

interface Pick<T> {
  item: T;
  text: Localized;
  right: boolean;
}

/**
 * Between one and three right options (never all five, never none) among distractors, shuffled;
 * ids by position so they say nothing. Null when there are too few distinct texts.
 */
function selectAll<T>(rng: Rng, rights: Pick<T>[], wrongs: Pick<T>[]): { picks: Pick<T>[]; options: Option[]; answer: string[] } | null {
  const nRight = Math.min(rights.length, 1 + rng.int(3));
  const chosen = rng.sample(rights, nRight);
  const pool = rng.shuffle(wrongs).filter((w) => !chosen.some((r) => samePlain(r.text, w.text)));
  const distinct: Pick<T>[] = [];
  for (const w of pool) if (!distinct.some((d) => samePlain(d.text, w.text))) distinct.push(w);
  const picked = distinct.slice(0, OPTIONS - nRight);
  if (nRight < 1 || picked.length < 2) return null;
  const picks = rng.shuffle([...chosen, ...picked]);
  const options = picks.map((p, i) => ({ id: IDS[i], text: p.text }));
  return { picks, options, answer: options.filter((_, i) => picks[i].right).map((o) => o.id) };
}

const PROMPT: Record<Placement, Localized> = {
  node: { zh: "以下哪些组件运行在每个节点上？（多选）", en: "Which of these run on every node? Select all that apply." },
  "control-plane": { zh: "以下哪些是控制平面组件？（多选）", en: "Which of these are control-plane components? Select all that apply." },
  "add-on": { zh: "以下哪些是集群插件（add-on）？（多选）", en: "Which of these are cluster add-ons? Select all that apply." },
};

const keysOf = (cat: Catalog, items: ComponentItem[]) => cardKeysFor(cat, items.map((c) => ({ kind: "component" as const, id: c.fact.id })));

function placementSelect(cat: Catalog, rng: Rng, placement: Placement): Candidate | null {
  const toPick = (c: ComponentItem) => ({ item: c, text: c.label, right: c.fact.placement === placement });
  const made = selectAll(rng, cat.components.filter((c) => c.fact.placement === placement).map(toPick), cat.components.filter((c) => c.fact.placement !== placement).map(toPick));
  if (!made) return null;
  const rights = made.picks.filter((p) => p.right).map((p) => p.item);
  const wrongs = made.picks.filter((p) => !p.right);
  const where = PLACEMENT_TEXT[placement];
  return {
    key: `select-placement:${placement}`,
    group: "select-all",
    rank: 0,
    overlaps: [],
    question: {
      kind: "select-placement",
      type: "multi",
      topic: "components",
      source: rights[0].fact.source,
      factId: rights[0].fact.id,
      cardKeys: keysOf(cat, rights),
      prompt: PROMPT[placement],
      options: made.options,
      answer: made.answer,
      confusions: wrongs.map((w): Confusion => {
        const place = PLACEMENT_TEXT[w.item.fact.placement];
        return {
          on: made.options[made.picks.indexOf(w)].id,
          cardKeys: keysOf(cat, [w.item]),
          contrast: { zh: `${w.item.label.zh} 不是：它${place.zh}运行。`, en: `Not ${w.item.label.en}: it runs ${place.en.charAt(0).toLowerCase()}${place.en.slice(1)}.` },
        };
      }),
      explanation: {
        zh: `${where.zh}运行的是 ${list(rights.map((r) => r.label)).zh}。`,
        en: `${where.en}: ${list(rights.map((r) => r.label)).en}.`,
      },
    },
  };
}

function pluginSelect(cat: Catalog, rng: Rng): Candidate | null {
  const cni = cat.deck.facts.cni;
  const made = selectAll(
    rng,
    cat.plugins.map((p) => ({ item: p.label, text: p.label, right: true })),
    cat.components.filter((c) => !cat.plugins.some((p) => samePlain(p.label, c.label))).map((c) => ({ item: c.label, text: c.label, right: false })),
  );
  if (!made) return null;
  const rights = made.picks.filter((p) => p.right).map((p) => p.item);
  const wrongs = made.picks.filter((p) => !p.right).map((p) => p.item);
  const abbr = cni.abbreviation;
  return {
    key: "select-plugins",
    group: "select-all",
    rank: 0,
    overlaps: [],
    question: {
      kind: "select-plugins",
      type: "multi",
      topic: "cni",
      source: cni.source,
      factId: cni.id,
      cardKeys: cardKeysFor(cat, [{ kind: "cni", id: cni.id }]),
      prompt: { zh: `以下哪些是 ${abbr} 插件？（多选）`, en: `Which of these are ${abbr} plugins? Select all that apply.` },
      options: made.options,
      answer: made.answer,
      explanation: {
        zh: `${list(rights).zh} 是 ${abbr} 插件；${list(wrongs).zh} 是 Kubernetes 组件。`,
        en: `${list(rights).en} ${rights.length > 1 ? "are" : "is a"} ${abbr} plugin${rights.length > 1 ? "s" : ""}; ${list(wrongs).en} ${wrongs.length > 1 ? "are Kubernetes components" : "is a Kubernetes component"}.`,
      },
    },
  };
}

function dutySelect(cat: Catalog, rng: Rng, c: ComponentItem): Candidate | null {
  if (c.duties.length < 2) return null;
  const owned = (t: Localized) => c.owned.has(t.zh) || c.owned.has(t.en);
  const others = cat.components
    .filter((o) => o !== c)
    .flatMap((o) => o.duties.filter((d) => !owned(d.option) && !owned(d.statement)).map((d) => ({ item: { owner: o, duty: d }, text: d.option, right: false })));
  const made = selectAll(rng, c.duties.map((d) => ({ item: { owner: c, duty: d }, text: d.option, right: true })), others);
  if (!made) return null;
  const rights = made.picks.filter((p) => p.right);
  return {
    key: `select-duties:${c.fact.id}`,
    group: "select-all",
    rank: 0,
    overlaps: [`component-to-duty:${c.fact.id}`],
    question: {
      kind: "select-duties",
      type: "multi",
      topic: "components",
      source: c.fact.source,
      factId: c.fact.id,
      cardKeys: keysOf(cat, [c]),
      prompt: { zh: `以下哪些是 ${c.label.zh} 的职责？（多选）`, en: `Which of these does ${c.label.en} do? Select all that apply.` },
      options: made.options,
      answer: made.answer,
      confusions: made.picks
        .filter((p) => !p.right)
        .map((p) => componentConfusion(cat, made.options[made.picks.indexOf(p)].id, p.item.owner, c, p.item.duty.statement)),
      explanation: {
        zh: `${c.label.zh} 的职责：${rights.map((r) => `「${r.item.duty.statement.zh}」`).join("")}。`,
        en: `${c.label.en}: ${rights.map((r) => `“${r.item.duty.statement.en}”`).join("; ")}.`,
      },
    },
  };
}

export function selectAllCandidates(full: Catalog, rng: Rng): Candidate[] {
  // A component whose cards are all retired can't be taught after a miss: leave it out as an option too.
  const cat = { ...full, components: full.components.filter((c) => keysOf(full, [c]).length > 0) };
  const out = [
    ...(Object.keys(PROMPT) as Placement[]).map((p) => placementSelect(cat, rng, p)),
    pluginSelect(cat, rng),
    ...cat.components.map((c) => dutySelect(cat, rng, c)),
  ];
  return out.filter((c): c is Candidate => c !== null);
}
