import type { FactKind } from "@/lib/core/deck/types";
import { factKey, type Catalog } from "./catalog";

export interface FactRef {
  kind: FactKind;
  id: string;
}

/** Keys of the cards that teach these facts, in deck order. */
export function cardKeysFor(cat: Catalog, refs: FactRef[]): string[] {
  const memo = refs.map(factKey).sort().join("|");
  let keys = cat.cardKeysMemo.get(memo);
  if (!keys) {
    const set = new Set(refs.flatMap((r) => cat.cardsByFact.get(factKey(r)) ?? []));
    keys = [...set].sort((a, b) => (cat.cardOrder.get(a) ?? 0) - (cat.cardOrder.get(b) ?? 0));
    cat.cardKeysMemo.set(memo, keys);
  }
  return keys;
}
