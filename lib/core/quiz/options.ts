import type { Localized } from "@/lib/core/deck/types";
import { samePlain } from "./catalog";
import type { Rng } from "./rng";
import type { Option } from "./types";

// Ids are given by position after shuffling, so they say nothing about which option is right.
const IDS = "abcdefghij".split("");

function withIds(texts: Localized[]): Option[] {
  if (texts.length > IDS.length) throw new Error(`too many options (${texts.length})`);
  return texts.map((text, i) => ({ id: IDS[i], text }));
}

function assertDistinct(texts: Localized[]): void {
  texts.forEach((t, i) => {
    if (texts.some((o, j) => j !== i && samePlain(o, t))) {
      throw new Error(`duplicate option text: ${t.en}`);
    }
  });
}

export function choice(rng: Rng, correct: Localized, distractors: Localized[]): { options: Option[]; answer: string } {
  const texts = [correct, ...distractors];
  assertDistinct(texts);
  const order = rng.shuffle(texts.map((_, i) => i));
  const options = withIds(order.map((i) => texts[i]));
  return { options, answer: options[order.indexOf(0)].id };
}

/** Items shuffled but never left in order, which would make the question trivial. */
export function ordering(rng: Rng, inOrder: Localized[]): { items: Option[]; answer: string[] } {
  if (inOrder.length < 2) throw new Error("ordering needs at least two items");
  assertDistinct(inOrder);
  let order = rng.shuffle(inOrder.map((_, i) => i));
  while (order.every((v, i) => v === i)) order = rng.shuffle(order);
  const items = withIds(order.map((i) => inOrder[i]));
  return { items, answer: inOrder.map((_, i) => items[order.indexOf(i)].id) };
}

/** Relative length difference, summed over both languages. */
function lengthGap(a: Localized, b: Localized): number {
  const gap = (x: string, y: string) => Math.abs(x.length - y.length) / Math.max(y.length, 1);
  return gap(a.zh, b.zh) + gap(a.en, b.en);
}

/**
 * n distractors picked at random among those closest in length to the answer, so the answer is not
 * the odd one out by length. A little slack beyond n keeps the picks varied.
 */
export function nearInLength<T>(rng: Rng, answer: Localized, pool: T[], textOf: (item: T) => Localized, n: number): T[] {
  const ranked = rng
    .shuffle(pool)
    .map((item) => ({ item, gap: lengthGap(textOf(item), answer) }))
    .sort((a, b) => a.gap - b.gap)
    .map((r) => r.item);
  return rng.sample(ranked.slice(0, n + 2), n);
}
