import type { Candidate } from "./candidate";
import type { Rng } from "./rng";

function groupBy<T>(items: T[], keyOf: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return [...groups.values()];
}

/** Round robin: one from each list in turn, so no single kind or topic crowds a short quiz. */
function interleave<T>(lists: T[][]): T[] {
  const out: T[] = [];
  for (let i = 0; lists.some((l) => i < l.length); i++) {
    for (const l of lists) if (i < l.length) out.push(l[i]);
  }
  return out;
}

function byGroup(pool: Candidate[], rng: Rng): Candidate[] {
  const groups = groupBy(pool, (c) => c.group).map((group) =>
    interleave(groupBy(rng.shuffle(group), (c) => c.balance ?? "").map((g) => g.sort((a, b) => a.rank - b.rank))),
  );
  return interleave(rng.shuffle(groups));
}

/**
 * Up to `length` distinct candidates: first only ones that don't give each other away, then, if the
 * pool is small, the rest. Returned in random order.
 */
export function select(pool: Candidate[], length: number, rng: Rng, mixTopics: boolean): Candidate[] {
  const queue = mixTopics
    ? interleave(rng.shuffle(groupBy(pool, (c) => c.question.topic)).map((topic) => byGroup(topic, rng)))
    : byGroup(pool, rng);
  const chosen: Candidate[] = [];
  const taken = new Set<string>();
  const overlaps = new Set<string>();
  for (const c of queue) {
    if (chosen.length >= length) break;
    if (taken.has(c.key) || c.overlaps.some((o) => overlaps.has(o))) continue;
    chosen.push(c);
    taken.add(c.key);
    c.overlaps.forEach((o) => overlaps.add(o));
  }
  for (const c of queue) {
    if (chosen.length >= length) break;
    if (taken.has(c.key)) continue;
    chosen.push(c);
    taken.add(c.key);
  }
  return rng.shuffle(chosen);
}
