import type { Localized } from "@/lib/core/deck/types";
import { cardKeysFor } from "../cards";
import type { Catalog, ComponentItem } from "../catalog";
import type { Confusion } from "../types";
// Circular with ./components, but only read inside functions, after both modules have loaded.
import { PLACEMENT_TEXT } from "./components";

/** What a component is best known for: its first duty, or where it runs when none is quotable. */
function gist(c: ComponentItem): Localized {
  return c.duties[0]?.statement ?? PLACEMENT_TEXT[c.fact.placement];
}

/**
 * Taking `other` for `right` on something `right` does: both side by side, and both components'
 * cards come back, since the learner mixed them up.
 */
export function componentConfusion(cat: Catalog, on: string, right: ComponentItem, other: ComponentItem, what: Localized): Confusion {
  const g = gist(other);
  return {
    on,
    cardKeys: cardKeysFor(cat, [right, other].map((c) => ({ kind: "component" as const, id: c.fact.id }))),
    contrast: {
      zh: `${other.label.zh} 与 ${right.label.zh} 不同：${other.label.zh} 的职责是「${g.zh}」；「${what.zh}」是 ${right.label.zh} 的职责。`,
      en: `${other.label.en} is not ${right.label.en}: ${other.label.en} — “${g.en}”; “${what.en}” is ${right.label.en}'s job.`,
    },
  };
}
