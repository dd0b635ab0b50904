import type { CompiledCard, Localized, OverviewFacts, SourceRef } from "../types";
import { GAP, both, bullets, card, paragraphs, points } from "./format";

// The middle entry: the first and last are the ones learners remember without help.
const gapIndex = (length: number) => Math.floor(length / 2);

function withGap(items: Localized[], hidden: number): Localized[] {
  return items.map((item, i) => (i === hidden ? { zh: GAP, en: GAP } : item));
}

function listCards(
  items: Array<{ id: string; text: Localized; source: SourceRef }>,
  kind: "advantage",
): CompiledCard[] {
  if (items.length === 0) return [];
  const all = items.map((i) => i.text);
  const cards = [
    card({
      key: "overview:advantages",
      topic: "overview",
      front: { zh: "Kubernetes 有哪些优势？", en: "What advantages does Kubernetes bring?" },
      back: both((lang) => bullets(all.map((t) => t[lang]))),
      source: items[0].source,
      fact: { kind, id: "advantages" },
    }),
  ];
  if (items.length < 2) return cards;
  items.forEach((item, i) => {
    cards.push(
      card({
        key: `overview:advantage:${item.id}:gap`,
        topic: "overview",
        front: both((lang) =>
          paragraphs(
            lang === "zh" ? "补全 Kubernetes 优势列表中的空缺：" : "Fill the gap in the list of Kubernetes advantages:",
            bullets(withGap(all, i).map((t) => t[lang])),
          ),
        ),
        back: item.text,
        source: item.source,
        fact: { kind, id: item.id },
      }),
    );
  });
  return cards;
}

export function overviewCards(o: OverviewFacts): CompiledCard[] {
  const cards: CompiledCard[] = o.definitions.map((d) =>
    card({
      key: `overview:definition:${d.id}`,
      topic: "overview",
      front: { zh: `${d.term.zh}是什么？`, en: `What is ${d.term.en}?` },
      back: points(d.meanings),
      source: d.source,
      fact: { kind: "definition", id: d.id },
    }),
  );
  cards.push(...listCards(o.advantages, "advantage"));

  if (o.features.length > 0) {
    cards.push(
      card({
        key: "overview:features",
        topic: "overview",
        front: { zh: "Kubernetes 有哪些特点？", en: "What are the characteristics of Kubernetes?" },
        back: both((lang) => bullets(o.features.map((f) => f.name[lang]))),
        source: o.features[0].source,
        fact: { kind: "feature", id: "features" },
      }),
    );
  }
  for (const f of o.features) {
    const base = { topic: "overview" as const, source: f.source, fact: { kind: "feature" as const, id: f.id } };
    cards.push(
      card({
        ...base,
        key: `overview:feature:${f.id}:points`,
        front: { zh: `Kubernetes「${f.name.zh}」体现在哪些方面？`, en: `Kubernetes is “${f.name.en}”: what does that cover?` },
        back: points(f.points),
      }),
    );
    if (f.points.length >= 2) {
      const hidden = gapIndex(f.points.length);
      const shown = withGap(f.points, hidden);
      cards.push(
        card({
          ...base,
          // The card asks for one point, so it follows that point, not the feature.
          key: `overview:feature:${f.id}:gap:${f.points[hidden].id}`,
          front: {
            zh: `补全空缺：Kubernetes「${f.name.zh}」——${shown.map((p) => p.zh).join("，")}`,
            en: `Fill the gap: Kubernetes is “${f.name.en}” — ${shown.map((p) => p.en).join(", ")}`,
          },
          back: { zh: f.points[hidden].zh, en: f.points[hidden].en },
        }),
      );
    }
  }

  const h = o.history;
  const historyBase = { topic: "overview" as const, source: h.source, fact: { kind: "history" as const, id: h.id } };
  cards.push(
    card({
      ...historyBase,
      key: "overview:history:origin",
      front: { zh: "Kubernetes 是由谁、在哪一年创建的？", en: "Who created Kubernetes, and in which year?" },
      back: h.origin,
      note: h.note,
    }),
    card({
      ...historyBase,
      key: "overview:history:borg",
      front: { zh: "Kubernetes 是哪项技术的开源版本？", en: "Kubernetes is the open-source version of which technology?" },
      back: h.lineage,
    }),
  );
  return cards;
}
