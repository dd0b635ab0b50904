import { describe, expect, it } from "vitest";
import type { Localized } from "@/lib/core/deck/types";
import { catalogOf } from "@/lib/core/quiz/catalog";
import { PLACEMENT_TEXT } from "@/lib/core/quiz/kinds/components";
import { stepItem } from "@/lib/core/quiz/kinds/ordering";
import { optionText, sentence } from "@/lib/core/quiz/text";
import type { ChoiceQuestion, Question, QuestionKind } from "@/lib/core/quiz/types";
import { answerText, deck, describeQ, sampleQuestions } from "./deck";

const SLOW = { timeout: 60_000 };
const cat = catalogOf(deck);
const { facts } = deck;
const questions = (() => {
  let cached: Question[] | undefined;
  return () => (cached ??= sampleQuestions());
})();

function ofKind<K extends QuestionKind>(kind: K): Question[] {
  return questions().filter((q) => q.kind === kind);
}
const choices = (kind: QuestionKind) => ofKind(kind) as ChoiceQuestion[];

const same = (a: Localized, b: Localized) => a.en === b.en && a.zh === b.zh;
const isIn = (t: Localized, pool: Localized[]) => pool.some((p) => same(p, t));

const componentLabels = cat.components.map((c) => c.label);
const pluginLabels = cat.plugins.map((p) => p.label);
const dutyOptions = cat.components.flatMap((c) => c.duties.map((d) => d.option));
const component = (id: string) => {
  const c = cat.components.find((x) => x.fact.id === id);
  if (!c) throw new Error(`no component ${id}`);
  return c;
};
const path = (id: string) => {
  const p = cat.paths.find((x) => x.fact.id === id);
  if (!p) throw new Error(`no path ${id}`);
  return p;
};
const distractors = (q: ChoiceQuestion) => q.options.filter((o) => o.id !== q.answer).map((o) => o.text);

describe("question kinds, checked against the facts", () => {
  it("duty → component: the answer owns the duty, no distractor does, the prompt doesn't name it", SLOW, () => {
    const qs = choices("duty-to-component");
    expect(qs.length).toBeGreaterThan(0);
    for (const q of qs) {
      const c = component(q.factId);
      expect(answerText(q), describeQ(q)).toEqual(c.label);
      expect(q.options.every((o) => isIn(o.text, componentLabels)), describeQ(q)).toBe(true);
      for (const d of distractors(q)) {
        const other = cat.components.find((x) => same(x.label, d))!;
        const dutyShown = other.fact.duties.some((duty) => q.prompt.en.includes(sentence(duty.text).en));
        expect(dutyShown, `${describeQ(q)} also fits ${d.en}`).toBe(false);
      }
      for (const lang of ["zh", "en"] as const) {
        const names = [c.label[lang], c.fact.id, c.fact.name[lang]].map((n) => n.toLowerCase());
        expect(names.some((n) => q.prompt[lang].toLowerCase().includes(n)), describeQ(q)).toBe(false);
      }
    }
  });

  it("component → duty: options are duties; exactly one belongs to the component asked about", SLOW, () => {
    const qs = choices("component-to-duty");
    expect(qs.length).toBeGreaterThan(0);
    for (const q of qs) {
      const c = component(q.factId);
      expect(q.options.every((o) => isIn(o.text, dutyOptions)), describeQ(q)).toBe(true);
      const own = c.fact.duties.map((d) => optionText(d.text));
      const owned = q.options.filter((o) => isIn(o.text, own));
      expect(owned.map((o) => o.id), describeQ(q)).toEqual([q.answer]);
    }
  });

  it("placement: the three fixed choices, the correct placement, and the source's claim when it differs", SLOW, () => {
    const qs = choices("placement");
    for (const q of qs) {
      const c = component(q.factId);
      expect(q.options.map((o) => o.text.en).sort()).toEqual(Object.values(PLACEMENT_TEXT).map((t) => t.en).sort());
      expect(answerText(q)).toEqual(PLACEMENT_TEXT[c.fact.placement]);
      if (c.fact.placementNote) {
        expect(q.explanation.en).toContain(c.fact.placementNote.en);
        expect(q.explanation.zh).toContain(c.fact.placementNote.zh);
      }
    }
    const kubelet = qs.filter((q) => q.factId === "kubelet");
    expect(kubelet.length).toBeGreaterThan(0);
    for (const q of kubelet) {
      expect(answerText(q)).toEqual(PLACEMENT_TEXT.node);
      expect(q.explanation.en).toContain("Master");
      expect(q.explanation.zh).toContain("Master");
    }
  });

  it("path ↔ mechanism: options are all mechanisms or all paths, the answer is the fact's", SLOW, () => {
    for (const q of choices("path-to-mechanism")) {
      expect(q.options.every((o) => isIn(o.text, cat.paths.map((p) => p.mechanismOption))), describeQ(q)).toBe(true);
      expect(answerText(q)).toEqual(path(q.factId).mechanismOption);
    }
    for (const q of choices("mechanism-to-path")) {
      expect(q.options.every((o) => isIn(o.text, cat.paths.map((p) => p.label))), describeQ(q)).toBe(true);
      expect(answerText(q)).toEqual(path(q.factId).label);
    }
    expect(choices("mechanism-to-path").some((q) => q.prompt.en.includes("loopback") && q.factId === "container-to-container")).toBe(true);
  });

  it("CNI: one plugin among components, one component among plugins; Docker's overlay is never called a plugin", SLOW, () => {
    const doubtful = facts.cni.plugins.filter((p) => p.note).map((p) => optionText(p.name).en);
    expect(doubtful).toContain("Docker's native overlay network");
    for (const q of choices("cni-plugin")) {
      const plugins = q.options.filter((o) => isIn(o.text, pluginLabels));
      expect(plugins.map((o) => o.id), describeQ(q)).toEqual([q.answer]);
      expect(distractors(q).every((t) => isIn(t, componentLabels))).toBe(true);
    }
    for (const q of choices("cni-not-plugin")) {
      expect(q.options.filter((o) => isIn(o.text, pluginLabels))).toHaveLength(3);
      expect(isIn(answerText(q), componentLabels)).toBe(true);
    }
    for (const q of [...choices("cni-plugin"), ...choices("cni-not-plugin")]) {
      expect(q.options.some((o) => doubtful.includes(o.text.en))).toBe(false);
      expect(q.cardKeys).toContain("cni:plugins");
    }
  });

  it("CNI purpose: the definition against other things' descriptions", SLOW, () => {
    const qs = choices("cni-purpose");
    expect(qs.length).toBeGreaterThan(0);
    const others = [...cat.definitions, ...cat.paths.map((p) => p.mechanismOption), ...dutyOptions];
    for (const q of qs) {
      expect(answerText(q)).toEqual(optionText(facts.cni.definition));
      expect(distractors(q).every((t) => isIn(t, others))).toBe(true);
    }
  });

  it("ordering: the answer lists the steps in the source's order", SLOW, () => {
    const qs = ofKind("ordering");
    expect(qs.some((q) => q.type === "ordering" && q.items.length === facts.podNetwork.steps.length)).toBe(true);
    const stepOf = (t: Localized) => facts.podNetwork.steps.find((s) => same(stepItem(s), t))!;
    for (const q of qs) {
      if (q.type !== "ordering") throw new Error("ordering kind must be an ordering question");
      const steps = q.answer.map((id) => stepOf(q.items.find((i) => i.id === id)!.text));
      const ns = steps.map((s) => s.n);
      expect(ns, describeQ(q)).toEqual([...ns].sort((a, b) => a - b));
      const expected = new Set(steps.map((s) => `pod-network:step:${s.id}`));
      const stepCards = q.cardKeys.filter((k) => /^pod-network:step:[^:]+$/.test(k));
      expect(stepCards.length, describeQ(q)).toBeGreaterThan(0);
      expect(stepCards.every((k) => expected.has(k))).toBe(true);
    }
  });

  it("true/false: the verdict matches the facts", SLOW, () => {
    const tf = ofKind("true-false");
    expect(new Set(tf.map((q) => q.topic))).toEqual(new Set(["overview", "networking", "pod-network"]));
    for (const q of tf) {
      if (q.type !== "true-false") throw new Error("true-false kind must be a true-false question");
      expect(q.explanation.en.startsWith(q.answer ? "True:" : "False:"), describeQ(q)).toBe(true);
      expect(q.explanation.zh.startsWith(q.answer ? "正确：" : "错误："), describeQ(q)).toBe(true);
      expect(truthFromFacts(q.prompt.en), describeQ(q)).toBe(q.answer);
    }
    // "可扩展" and "自动伸缩/扩展" share 扩展: a zh reader could fairly call this swap true.
    expect(tf.some((q) => q.prompt.en.startsWith("One point of the “Extensible” feature: automatic scaling"))).toBe(false);
  });

  it("never makes the right option the longest in more than ~40% of 4-option questions", SLOW, () => {
    const four = questions().filter((q): q is ChoiceQuestion => q.type === "choice" && q.options.length === 4);
    expect(four.length).toBeGreaterThan(1000);
    for (const lang of ["zh", "en"] as const) {
      const longest = four.filter((q) => {
        const right = answerText(q)[lang].length;
        return distractors(q).every((t) => t[lang].length < right);
      });
      expect(longest.length / four.length, lang).toBeLessThanOrEqual(0.4);
    }
    // And no single kind always gives itself away by length.
    for (const kind of new Set(four.map((q) => q.kind))) {
      const ofThis = four.filter((q) => q.kind === kind);
      const longest = ofThis.filter((q) => distractors(q).every((t) => t.en.length < answerText(q).en.length));
      expect(longest.length / ofThis.length, kind).toBeLessThan(0.75);
    }
  });
});

/** Re-derive a statement's truth from the facts, independently of how the generator built it. */
function truthFromFacts(statement: string): boolean {
  const strip = (s: string) => s.replace(/\.$/, "");
  const feature = /^One point of the “(.+)” feature: (.+)$/.exec(strip(statement));
  if (feature) {
    const f = facts.overview.features.find((x) => x.name.en === feature[1])!;
    return f.points.some((p) => sentence(p).en === feature[2]);
  }
  const advantage = /^An advantage of Kubernetes listed in the source: (.+)$/.exec(strip(statement));
  if (advantage) return facts.overview.advantages.some((a) => sentence(a.text).en === advantage[1]);
  if (statement.startsWith("Kubernetes descends from ")) return statement.includes("Borg");
  const next = /^In .+, the step right after “(.+)” is “(.+)”$/.exec(strip(statement));
  if (next) {
    const n = (text: string) => facts.podNetwork.steps.find((s) => sentence(s.text).en === text)!.n;
    return n(next[2]) === n(next[1]) + 1;
  }
  for (const p of cat.paths) {
    const head = `${p.fact.name.en.charAt(0).toUpperCase()}${p.fact.name.en.slice(1)}: `;
    if (statement.startsWith(head)) return strip(statement.slice(head.length)) === strip(p.mechanism.en);
  }
  throw new Error(`unrecognised statement: ${statement}`);
}
