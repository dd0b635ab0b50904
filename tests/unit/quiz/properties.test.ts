import { describe, expect, it } from "vitest";
import { generateQuiz } from "@/lib/core/quiz/generate";
import { QUIZ_TOPICS, type Question, type QuizTopic } from "@/lib/core/quiz/types";
import { componentNames } from "@/lib/core/quiz/aliases";
import { normalizeTyped } from "@/lib/core/quiz/typed";
import { deck, describeQ, quizzesFor, SEEDS } from "./deck";

const namesOf = new Map(deck.facts.components.map((c) => [c.id, new Set(componentNames(c).map(normalizeTyped))]));

const cardKeys = new Set(deck.cards.map((c) => c.key));
const SLOW = { timeout: 60_000 };

/** What makes two questions "the same question" to a learner. */
function fingerprint(q: Question): string {
  const texts =
    q.type === "choice" || q.type === "multi" ? q.options.map((o) => o.text.en) : q.type === "ordering" ? q.items.map((o) => o.text.en) : [];
  return JSON.stringify([q.kind, q.prompt.en, [...texts].sort()]);
}

function problems(q: Question): string[] {
  const out: string[] = [];
  if (!q.prompt.zh.trim() || !q.prompt.en.trim()) out.push("empty prompt");
  if (!q.explanation.zh.trim() || !q.explanation.en.trim()) out.push("empty explanation");
  if (q.cardKeys.length === 0) out.push("no cardKeys");
  for (const k of q.cardKeys) if (!cardKeys.has(k)) out.push(`unknown card ${k}`);
  if (new Set(q.cardKeys).size !== q.cardKeys.length) out.push("repeated cardKeys");
  if (!q.factId) out.push("no factId");
  if (q.source.line < 1) out.push("no source line");
  if (q.type === "choice" || q.type === "ordering" || q.type === "multi") {
    const opts = q.type === "ordering" ? q.items : q.options;
    if (new Set(opts.map((o) => o.id)).size !== opts.length) out.push("repeated option id");
    for (const lang of ["zh", "en"] as const) {
      if (new Set(opts.map((o) => o.text[lang])).size !== opts.length) out.push(`repeated ${lang} option text`);
      if (opts.some((o) => !o.text[lang].trim() || o.text[lang].includes("\n") || o.text[lang].includes("**"))) {
        out.push(`${lang} option not a short plain line`);
      }
    }
    if (opts.some((o) => !/^[a-z0-9]{1,16}$/.test(o.id))) out.push("option id not opaque/short");
  }
  if (q.type === "choice") {
    if (q.options.filter((o) => o.id === q.answer).length !== 1) out.push("answer is not exactly one option");
    const expected = q.kind === "placement" ? 3 : 4;
    if (q.options.length !== expected) out.push(`${q.options.length} options`);
  }
  if (q.type === "ordering") {
    const ids = q.items.map((i) => i.id);
    if ([...q.answer].sort().join() !== [...ids].sort().join()) out.push("answer is not a permutation of the items");
    if (q.answer.join() === ids.join()) out.push("items already in order");
    if (q.items.length < 3) out.push("fewer than three items");
  }
  if (q.type === "true-false" && typeof q.answer !== "boolean") out.push("answer not boolean");
  if (q.type === "multi") {
    const ids = q.options.map((o) => o.id);
    // Exactly one right answer set: some but not all options, each an option, listed once.
    if (q.answer.length < 1 || q.answer.length >= ids.length) out.push(`${q.answer.length} of ${ids.length} options right`);
    if (q.answer.some((id) => !ids.includes(id)) || new Set(q.answer).size !== q.answer.length) out.push("answer not a set of option ids");
    if (q.options.length !== 5) out.push(`${q.options.length} options`);
  }
  if (q.type === "typed") {
    const accepted = new Set(q.answer.accepted.map(normalizeTyped));
    if (!accepted.size) out.push("nothing accepted");
    if (!q.answer.accepted.some((a) => normalizeTyped(a) === normalizeTyped(q.answer.expected.en))) out.push("expected answer not accepted");
    // Aliases are never a rival: the same name can't be both right and a confusion.
    for (const r of q.answer.rivals) for (const n of r.names) if (accepted.has(normalizeTyped(n))) out.push(`alias ${n} is also ${r.id}'s`);
    if (q.answer.rivals.some((r) => r.id === q.factId)) out.push("rival is the answer");
  }
  // Aliases never appear as distractors: no wrong option is another name of the right component.
  if (q.type === "choice" && namesOf.has(q.factId)) {
    const own = namesOf.get(q.factId)!;
    for (const o of q.options) if (o.id !== q.answer && own.has(normalizeTyped(o.text.en))) out.push(`distractor ${o.text.en} names the answer`);
  }
  for (const c of q.confusions ?? []) {
    const ids = q.type === "choice" || q.type === "multi" ? q.options.map((o) => o.id) : q.type === "typed" ? q.answer.rivals.map((r) => r.id) : [];
    if (!ids.includes(c.on)) out.push(`confusion on unknown ${c.on}`);
    if ((q.type === "choice" && c.on === q.answer) || (q.type === "multi" && q.answer.includes(c.on))) out.push("confusion on a right answer");
    if (!c.contrast.en.trim() || !c.contrast.zh.trim()) out.push("empty contrast");
    for (const k of c.cardKeys) if (!cardKeys.has(k)) out.push(`unknown confusion card ${k}`);
  }
  return out;
}

describe.each(QUIZ_TOPICS)("generateQuiz(%s) over 300 seeds × lengths 5/10/20", (topic: QuizTopic) => {
  it("gives well-formed questions", SLOW, () => {
    const bad: string[] = [];
    for (const quiz of quizzesFor(topic)) {
      for (const q of quiz.questions) for (const p of problems(q)) bad.push(`seed ${quiz.seed}: ${describeQ(q)}: ${p}`);
    }
    expect(bad.slice(0, 10)).toEqual([]);
  });

  it("never repeats a question within a quiz, and keeps to the topic", SLOW, () => {
    for (const quiz of quizzesFor(topic)) {
      const prints = quiz.questions.map(fingerprint);
      expect(new Set(prints).size, `seed ${quiz.seed} length ${quiz.length}`).toBe(prints.length);
      if (topic !== "mixed") expect(quiz.questions.every((q) => q.topic === topic)).toBe(true);
    }
  });

  it("gives the length asked for (a small topic may give fewer, never a different count per seed)", SLOW, () => {
    const counts = new Map<number, Set<number>>();
    for (const quiz of quizzesFor(topic)) {
      expect(quiz.questions.length).toBeLessThanOrEqual(quiz.length);
      counts.set(quiz.length, (counts.get(quiz.length) ?? new Set()).add(quiz.questions.length));
    }
    for (const [length, got] of counts) {
      expect(got.size, `length ${length}`).toBe(1);
      // Only CNI is small enough to run out (3 plugins, 1 definition, one "not a plugin" per component).
      if (topic !== "cni" || length < 20) expect([...got][0], `length ${length}`).toBe(length);
    }
  });

  it("is deterministic for a seed and varies across seeds", SLOW, () => {
    for (const quiz of quizzesFor(topic).slice(0, 60)) {
      expect(generateQuiz(deck, { topic, length: quiz.length, seed: quiz.seed })).toEqual(quiz.questions);
    }
    const tens = quizzesFor(topic).filter((q) => q.length === 10);
    const distinct = new Set(tens.map((q) => JSON.stringify(q.questions)));
    expect(distinct.size).toBeGreaterThan(tens.length * 0.9);
  });
});

describe("quiz coverage", () => {
  it("lets components, networking and mixed reach 20 questions", () => {
    for (const topic of ["components", "networking", "mixed"] as const) {
      for (const seed of SEEDS.slice(0, 20)) expect(generateQuiz(deck, { topic, length: 20, seed })).toHaveLength(20);
    }
  });

  it("draws a mixed quiz from every topic", SLOW, () => {
    for (const quiz of quizzesFor("mixed").filter((q) => q.length >= 10)) {
      expect(new Set(quiz.questions.map((q) => q.topic)).size, `seed ${quiz.seed}`).toBe(5);
    }
  });

  it("uses every question kind", SLOW, () => {
    const kinds = new Set(quizzesFor("mixed").flatMap((q) => q.questions.map((x) => x.kind)));
    expect([...kinds].sort()).toEqual(
      [
        "duty-to-component",
        "component-to-duty",
        "placement",
        "path-to-mechanism",
        "mechanism-to-path",
        "cni-plugin",
        "cni-not-plugin",
        "cni-purpose",
        "ordering",
        "true-false",
        "typed-component",
        "select-placement",
        "select-plugins",
        "select-duties",
      ].sort(),
    );
  });

  it("balances true and false statements", SLOW, () => {
    const tf = quizzesFor("overview").flatMap((q) => q.questions).filter((q) => q.type === "true-false");
    const trues = tf.filter((q) => q.answer).length / tf.length;
    expect(trues).toBeGreaterThan(0.35);
    expect(trues).toBeLessThan(0.65);
  });

  it("returns an empty quiz for length 0 and rejects bad options", () => {
    expect(generateQuiz(deck, { topic: "mixed", length: 0, seed: 1 })).toEqual([]);
    expect(() => generateQuiz(deck, { topic: "mixed", length: 2.5, seed: 1 })).toThrow(RangeError);
    expect(() => generateQuiz(deck, { topic: "mixed", length: -1, seed: 1 })).toThrow(RangeError);
    expect(() => generateQuiz(deck, { topic: "nope" as QuizTopic, length: 5, seed: 1 })).toThrow(RangeError);
    expect(() => generateQuiz(deck, { topic: "mixed", length: 5, seed: Number.NaN })).toThrow(RangeError);
  });

  it("does not depend on the deck object's identity (same facts → same quiz)", () => {
    const copy = structuredClone(deck);
    expect(generateQuiz(copy, { topic: "mixed", length: 20, seed: 5 })).toEqual(
      generateQuiz(deck, { topic: "mixed", length: 20, seed: 5 }),
    );
  });
});

describe("quiz independence", () => {
  it("leaves out questions whose cards were all retired", () => {
    const trimmed = { ...deck, cards: deck.cards.filter((c) => !c.key.startsWith("component:kubelet:")) };
    const keys = new Set(trimmed.cards.map((c) => c.key));
    for (const seed of SEEDS.slice(0, 20)) {
      const quiz = generateQuiz(trimmed, { topic: "components", length: 20, seed });
      expect(quiz).toHaveLength(20);
      expect(quiz.some((q) => q.factId === "kubelet")).toBe(false);
      expect(quiz.every((q) => q.cardKeys.length > 0 && q.cardKeys.every((k) => keys.has(k)))).toBe(true);
    }
  });

  it("hands out questions that share nothing with later quizzes or the deck", () => {
    const first = generateQuiz(deck, { topic: "mixed", length: 20, seed: 9 });
    const before = JSON.stringify(deck);
    for (const q of first) {
      q.prompt.en = "x";
      q.source.headings.push("x");
      q.cardKeys.push("x");
      if (q.type === "choice") q.options.forEach((o) => (o.text.en = "x"));
    }
    expect(JSON.stringify(deck)).toBe(before);
    const again = generateQuiz(deck, { topic: "mixed", length: 20, seed: 9 });
    expect(again.some((q) => q.prompt.en === "x" || q.cardKeys.includes("x"))).toBe(false);
  });
});
