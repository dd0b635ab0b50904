import { describe, expect, it } from "vitest";
import { catalogOf } from "@/lib/core/quiz/catalog";
import { checkPairs, generateMatch, MATCH_SIZE, MATCH_TOPICS } from "@/lib/core/quiz/match";
import { deck, SEEDS } from "./deck";

const cat = catalogOf(deck);

describe.each(MATCH_TOPICS)("generateMatch(%s) over 300 seeds", (topic) => {
  it("gives distinct items, one right pairing, ids that say nothing, and the same round for a seed", () => {
    const boards = new Set<string>();
    for (const seed of SEEDS) {
      const spec = generateMatch(deck, topic, seed)!;
      expect(spec).not.toBeNull();
      const { left, right } = spec.board;
      expect(left.length).toBe(right.length);
      expect(left.length).toBeLessThanOrEqual(MATCH_SIZE);
      if (topic === "components") expect(left.length).toBe(MATCH_SIZE);
      for (const col of [left, right]) for (const lang of ["zh", "en"] as const) expect(new Set(col.map((o) => o.text[lang])).size).toBe(col.length);
      expect(left.map((o) => o.id)).toEqual("abcdef".slice(0, left.length).split(""));
      expect(right.map((o) => o.id)).toEqual("pqrstu".slice(0, right.length).split(""));
      expect(new Set(Object.values(spec.answer)).size).toBe(left.length);
      // Exactly one right pairing: no duty on the right belongs to any other component on the left.
      if (topic === "components") {
        for (const l of left) {
          const owner = cat.components.find((c) => c.label.en === l.text.en)!;
          for (const r of right) {
            const owns = owner.owned.has(r.text.en) || owner.duties.some((d) => d.option.en === r.text.en);
            expect(owns, `${l.text.en} ↔ ${r.text.en}`).toBe(spec.answer[l.id] === r.id);
          }
        }
      }
      expect(generateMatch(deck, topic, seed)).toEqual(spec);
      boards.add(JSON.stringify(spec.board));
    }
    expect(boards.size).toBeGreaterThan(SEEDS.length / 3);
  });
});

describe("checkPairs", () => {
  const spec = generateMatch(deck, "components", 1)!;
  const ids = spec.board.left.map((o) => o.id);
  it("all right, some wrong (named by left id only), or malformed", () => {
    expect(checkPairs(spec, spec.answer)).toEqual({ ok: true, right: ids, wrong: [] });
    const swapped = { ...spec.answer, a: spec.answer.b, b: spec.answer.a };
    expect(checkPairs(spec, swapped)).toEqual({ ok: true, right: ids.filter((i) => i !== "a" && i !== "b"), wrong: ["a", "b"] });
    const { a: _, ...missing } = spec.answer;
    void _;
    for (const bad of [missing, { ...spec.answer, a: spec.answer.b }, { ...spec.answer, a: "z" }, { ...spec.answer, z: "p" }, {}]) {
      expect(checkPairs(spec, bad)).toEqual({ ok: false });
    }
  });
});
