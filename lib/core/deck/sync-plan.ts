import { createHash } from "node:crypto";
import type { CompiledCard } from "./types";

export interface ExistingCard {
  key: string;
  contentHash: string;
  retired: boolean;
}

export interface DeckSyncPlan {
  add: CompiledCard[];
  change: CompiledCard[];
  retire: string[];
  revive: CompiledCard[];
  unchanged: number;
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

/**
 * Hash of everything stored for a card except its key. Source lines are included so a shifted
 * line still refreshes the stored reference; progress hangs off the key, so a "change" costs the
 * learner nothing.
 */
export function cardContentHash(card: CompiledCard): string {
  const content = Object.fromEntries(Object.entries(card).filter(([field]) => field !== "key"));
  return createHash("sha256").update(JSON.stringify(canonical(content))).digest("hex");
}

/** What to do to the stored deck so it matches `compiled`. Cards are retired, never deleted, so review history survives. */
export function planDeckSync(existing: ExistingCard[], compiled: CompiledCard[]): DeckSyncPlan {
  const stored = new Map(existing.map((card) => [card.key, card]));
  const plan: DeckSyncPlan = { add: [], change: [], retire: [], revive: [], unchanged: 0 };
  const keys = new Set<string>();
  for (const card of compiled) {
    if (keys.has(card.key)) throw new Error(`planDeckSync: duplicate card key '${card.key}'`);
    keys.add(card.key);
    const old = stored.get(card.key);
    if (!old) plan.add.push(card);
    else if (old.retired) plan.revive.push(card);
    else if (old.contentHash !== cardContentHash(card)) plan.change.push(card);
    else plan.unchanged++;
  }
  for (const card of existing) {
    if (!card.retired && !keys.has(card.key)) plan.retire.push(card.key);
  }
  return plan;
}
