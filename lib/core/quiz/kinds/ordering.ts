import type { Localized, StepFact } from "@/lib/core/deck/types";
import type { Candidate } from "../candidate";
import { cardKeysFor } from "../cards";
import type { Catalog } from "../catalog";
import { ordering } from "../options";
import type { Rng } from "../rng";
import { both, optionLine } from "../text";

// Fewer than three steps is a coin toss, not an ordering question.
const MIN_ITEMS = 3;

/** Steps stay whole (a step cut short may no longer say where it belongs), asides dropped. */
export function stepItem(step: StepFact): Localized {
  return both((lang) => optionLine(step.text[lang], lang, { shorten: false }));
}

function combinations<T>(items: T[], k: number): T[][] {
  if (k === 0) return [[]];
  if (items.length < k) return [];
  const [head, ...rest] = items;
  return [...combinations(rest, k - 1).map((c) => [head, ...c]), ...combinations(rest, k)];
}

function question(cat: Catalog, rng: Rng, steps: StepFact[], all: number, text: Map<StepFact, Localized>): Candidate {
  const { title } = cat.deck.facts.podNetwork;
  const full = steps.length === all;
  const itemOf = (s: StepFact) => text.get(s) ?? stepItem(s);
  const { items, answer } = ordering(rng, steps.map(itemOf));
  return {
    key: `ordering:${steps.map((s) => s.id).join(",")}`,
    group: "ordering",
    // The whole flow first; its parts only when a quiz needs more questions.
    rank: all - steps.length,
    overlaps: ["ordering"],
    question: {
      kind: "ordering",
      type: "ordering",
      topic: "pod-network",
      source: steps[0].source,
      factId: "pod-network",
      cardKeys: cardKeysFor(cat, steps.map((s) => ({ kind: "step" as const, id: s.id }))),
      prompt: full
        ? { zh: `把${title.zh}的步骤按顺序排列。`, en: `Put the steps of ${title.en} in order.` }
        : {
            zh: `把${title.zh}中的这几步按顺序排列（省略了其余步骤）。`,
            en: `Put these steps of ${title.en} in order (the other steps are left out).`,
          },
      items,
      answer,
      // Step notes say where the source is dated (the runtime, not the kubelet, calls CNI today).
      explanation: both((lang) =>
        [
          lang === "zh" ? `${title.zh}的顺序：` : `The order in ${title.en}:`,
          steps.map((s) => (lang === "zh" ? `- 第 ${s.n} 步：${itemOf(s).zh}` : `- Step ${s.n}: ${itemOf(s).en}`)).join("\n"),
          ...steps.flatMap((s) => (s.note ? [s.note[lang]] : [])),
        ].join("\n\n"),
      ),
    },
  };
}

export function orderingCandidates(cat: Catalog, rng: Rng): Candidate[] {
  const steps = [...cat.deck.facts.podNetwork.steps].sort((a, b) => a.n - b.n);
  const text = new Map(steps.map((s) => [s, stepItem(s)]));
  const out: Candidate[] = [];
  for (let k = steps.length; k >= MIN_ITEMS; k--) {
    for (const subset of combinations(steps, k)) out.push(question(cat, rng, subset, steps.length, text));
  }
  return out;
}
