import { COMPONENTS, PLACEMENT_LABEL } from "../knowledge/components";
import type { CompiledCard, ComponentFact, Localized } from "../types";
import { both, card, joinNotes, mask, paragraphs, points, zhName } from "./format";

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function placementBack(c: ComponentFact): Localized {
  const label = PLACEMENT_LABEL[c.placement];
  const detail = COMPONENTS.find((k) => k.id === c.id)?.placementDetail;
  return {
    zh: paragraphs(label.zh, detail?.zh),
    en: paragraphs(capitalize(label.en), detail?.en),
  };
}

export function componentCards(c: ComponentFact): CompiledCard[] {
  const base = { topic: "components" as const, source: c.source, fact: { kind: "component" as const, id: c.id } };
  const names = [c.source.row ?? "", c.name.zh, c.name.en, c.id, ...c.name.zh.split(/[（）]/)];
  const cards = [
    card({
      ...base,
      key: `component:${c.id}:role`,
      front: { zh: `${zhName(c.name.zh)}的作用是什么？`, en: `What does ${c.name.en} do?` },
      back: points(c.duties.map((d) => d.text)),
      note: joinNotes(c.duties.map((d) => d.note)),
    }),
    card({
      ...base,
      key: `component:${c.id}:placement`,
      front: {
        zh: `${zhName(c.name.zh)}运行在哪里：控制平面、每个节点，还是作为插件（add-on）？`,
        en: `Where does ${c.name.en} run: on the control plane, on every node, or as an add-on?`,
      },
      back: placementBack(c),
      note: c.placementNote,
    }),
  ];
  // Keyed by the duty's content id, so inserting, removing or reordering duties leaves every other
  // duty card (and its learners' progress) where it was.
  c.duties.forEach((duty) => {
    cards.push(
      card({
        ...base,
        key: `component:${c.id}:duty:${duty.id}`,
        front: both((lang) =>
          paragraphs(lang === "zh" ? "哪个组件符合这一描述？" : "Which component does this describe?", mask(duty.text[lang], names)),
        ),
        back: c.name,
        note: duty.note,
      }),
    );
  });
  return cards;
}
