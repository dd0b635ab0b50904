import type { CompiledCard, PodNetworkFacts } from "../types";
import { both, card, paragraphs } from "./format";

/**
 * "What happens in step n" asks about a step's place, but it is keyed by the step's content: when a
 * step is inserted before it, the same card asks for the new number and keeps its progress. "What
 * comes after" teaches a pair, so it is keyed by both steps; a step inserted between them retires
 * that pair's card and adds the two new pairs, while every other pair keeps its card.
 */
export function podNetworkCards({ title, steps }: PodNetworkFacts): CompiledCard[] {
  const cards: CompiledCard[] = [];
  steps.forEach((step, i) => {
    const base = { topic: "pod-network" as const, source: step.source, fact: { kind: "step" as const, id: step.id } };
    cards.push(
      card({
        ...base,
        key: `pod-network:step:${step.id}`,
        front: { zh: `${title.zh}：第 ${step.n} 步是什么？`, en: `In ${title.en}, what happens in step ${step.n}?` },
        back: step.text,
        note: step.note,
      }),
    );
    const next = steps[i + 1];
    if (next) {
      cards.push(
        card({
          ...base,
          key: `pod-network:step:${step.id}:next:${next.id}`,
          front: both((lang) =>
            paragraphs(
              lang === "zh" ? `${title.zh}中，下面这一步之后是哪一步？` : `In ${title.en}, what comes after this step?`,
              step.text[lang],
            ),
          ),
          back: next.text,
          note: next.note,
        }),
      );
    }
  });
  return cards;
}
