import type { CompiledCard, PathFact } from "../types";
import { both, bullets, card, points } from "./format";

export function pathCards(paths: PathFact[]): CompiledCard[] {
  if (paths.length === 0) return [];
  const cards: CompiledCard[] = [
    card({
      key: "network:paths",
      topic: "networking",
      front: {
        zh: "K8s 网络需要解决哪几类通信？",
        en: "Which kinds of communication does Kubernetes networking have to handle?",
      },
      back: both((lang) => bullets(paths.map((p) => p.name[lang]))),
      source: { headings: paths[0].source.headings, line: paths[0].source.line },
      fact: { kind: "path", id: "paths" },
    }),
  ];
  for (const p of paths) {
    const base = { topic: "networking" as const, source: p.source, fact: { kind: "path" as const, id: p.id } };
    cards.push(
      card({
        ...base,
        key: `network:${p.id}:mechanism`,
        front: { zh: `「${p.name.zh}」是如何实现的？`, en: `How does ${p.name.en} work?` },
        back: points(p.mechanism.map((m) => m.text)),
        note: p.note,
      }),
    );
    // Only a keyword the source itself emphasises makes a fair reverse prompt.
    const cue = p.cues[0];
    if (cue) {
      cards.push(
        card({
          ...base,
          key: `network:${p.id}:cue`,
          front: { zh: `K8s 中哪种通信依靠 **${cue.zh}**？`, en: `Which kind of Kubernetes communication relies on **${cue.en}**?` },
          back: p.name,
        }),
      );
    }
  }
  return cards;
}
