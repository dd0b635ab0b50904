import { createHash } from "node:crypto";
import type { CompiledCard } from "./types";

export interface ExistingCard {
  key: string;
  contentHash: string;
  retired: boolean;
  /** cardIdentity of what is stored; lets a card whose key scheme changed keep its progress. */
  identity?: string;
}

export interface KeyRename {
  from: string;
  to: string;
}

export interface DeckSyncPlan {
  /** Stored cards that get a new key before anything else; their id, states and logs stay with them. */
  rename: KeyRename[];
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

/**
 * What a card teaches, in the source's own words: its fact kind and its Chinese front and back.
 * Keys are ids chosen by the compiler and can be renamed (positional keys became content keys);
 * the Chinese is the source itself, so two cards with the same identity ask the same thing.
 */
export function cardIdentity(card: { fact: { kind: string }; front: { zh: string }; back: { zh: string } }): string {
  return JSON.stringify([card.fact.kind, card.front.zh, card.back.zh]);
}

function groupBy<T>(items: T[], id: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) map.set(id(item), [...(map.get(id(item)) ?? []), item]);
  return map;
}

/**
 * A live stored card whose key the compiler no longer makes, and a compiled card whose key is not
 * stored, are the same card when they are each other's only match by identity. Anything ambiguous is
 * left alone (retired and added), never guessed.
 */
function planRenames(existing: ExistingCard[], compiled: CompiledCard[]): KeyRename[] {
  const compiledKeys = new Set(compiled.map((c) => c.key));
  const storedKeys = new Set(existing.map((c) => c.key));
  const orphans = existing.filter((c) => !c.retired && c.identity !== undefined && !compiledKeys.has(c.key));
  const fresh = compiled.filter((c) => !storedKeys.has(c.key));
  if (orphans.length === 0 || fresh.length === 0) return [];
  const freshByIdentity = groupBy(fresh, cardIdentity);
  const renames: KeyRename[] = [];
  for (const [identity, olds] of groupBy(orphans, (c) => c.identity!)) {
    const news = freshByIdentity.get(identity) ?? [];
    if (olds.length === 1 && news.length === 1) renames.push({ from: olds[0].key, to: news[0].key });
  }
  return renames;
}

/**
 * What to do to the stored deck so it matches `compiled`: first the renames, then add, change,
 * revive and retire by key. Cards are retired, never deleted, so review history survives.
 */
export function planDeckSync(stored: ExistingCard[], compiled: CompiledCard[]): DeckSyncPlan {
  const keys = new Set<string>();
  for (const card of compiled) {
    if (keys.has(card.key)) throw new Error(`planDeckSync: duplicate card key '${card.key}'`);
    keys.add(card.key);
  }
  const rename = planRenames(stored, compiled);
  const renamed = new Map(rename.map((r) => [r.from, r.to]));
  const existing = stored.map((card) => ({ ...card, key: renamed.get(card.key) ?? card.key }));
  const byKey = new Map(existing.map((card) => [card.key, card]));
  const plan: DeckSyncPlan = { rename, add: [], change: [], retire: [], revive: [], unchanged: 0 };
  for (const card of compiled) {
    const old = byKey.get(card.key);
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
