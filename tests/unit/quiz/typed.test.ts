import { describe, expect, it } from "vitest";
import { catalogOf } from "@/lib/core/quiz/catalog";
import { cardKeysForMiss, confusionsIn, explanationFor } from "@/lib/core/quiz/confusion";
import { diffTyped } from "@/lib/core/quiz/diff";
import { judgeTyped, normalizeTyped, typoAllowance } from "@/lib/core/quiz/typed";
import { componentTypedAnswer, typedCandidates } from "@/lib/core/quiz/kinds/typed";
import type { TypedAnswer, TypedQuestion } from "@/lib/core/quiz/types";
import { deck } from "./deck";

const cat = catalogOf(deck);
const typedQuestions = typedCandidates(cat).map((c) => c.question as TypedQuestion);
const answerFor = (id: string): TypedAnswer => {
  const c = cat.components.find((x) => x.fact.id === id);
  if (!c) throw new Error(`no component ${id}`);
  return componentTypedAnswer(cat, c);
};

// [component, typed, accepted?, why]
const TABLE: Array<[string, string, boolean, string]> = [
  ["kube-scheduler", "kube-scheduler", true, "canonical name"],
  ["kube-scheduler", "Kube Scheduler", true, "case and spaces"],
  ["kube-scheduler", "kubescheduler", true, "hyphen left out"],
  ["kube-scheduler", "scheduler", true, "alias"],
  ["kube-scheduler", "  SCHEDULER ", true, "alias, case, padding"],
  ["kube-scheduler", "kube-schedular", true, "one typo"],
  ["kube-scheduler", "kube-shceduler", true, "two typos in a long name"],
  ["kube-scheduler", "调度器", true, "Chinese name"],
  ["kube-scheduler", "diaoduqi", true, "Chinese name as pinyin"],
  ["kube-scheduler", "diao du qi", true, "pinyin with spaces"],
  ["kube-scheduler", "调度", false, "Chinese name cut short"],
  ["kube-scheduler", "kube-proxy", false, "another component"],
  ["kube-scheduler", "controller-manager", false, "another component"],
  ["kube-scheduler", "", false, "nothing"],
  ["kube-scheduler", "---", false, "only punctuation"],
  ["kube-apiserver", "apiserver", true, "the source's zh name"],
  ["kube-apiserver", "API Server", true, "alias with a space"],
  ["kube-apiserver", "API服务器", true, "Chinese alias"],
  ["kube-apiserver", "apiservre", true, "swapped letters"],
  ["kube-apiserver", "etcd", false, "another component"],
  ["kube-proxy", "kube proxy", true, "space for hyphen"],
  ["kube-proxy", "kube-proxi", true, "one typo"],
  ["kube-proxy", "kubelet", false, "another component"],
  ["kube-proxy", "网络代理", true, "Chinese alias"],
  ["kube-proxy", "wangluodaili", true, "Chinese alias as pinyin"],
  ["kubelet", "Kubelet", true, "case"],
  ["kubelet", "kubelte", true, "swapped letters"],
  ["kubelet", "kube-proxy", false, "another node component"],
  ["kubelet", "kubectl", false, "a different tool, too far"],
  ["etcd", "ETCD", true, "the source's spelling"],
  ["etcd", "etc", true, "one letter short of a 4-letter name"],
  ["etcd", "ectd", false, "two edits on a short name"],
  ["dns", "DNS", true, "case"],
  ["dns", "CoreDNS", true, "alias"],
  ["dns", "集群DNS", true, "Chinese alias with Latin letters"],
  ["dns", "dms", false, "no typos on three letters"],
  ["dashboard", "仪表盘", true, "Chinese alias"],
  ["dashboard", "yibiaopan", true, "Chinese alias as pinyin"],
  ["dashboard", "dashbord", true, "one typo"],
  ["ingress", "Ingress Controller", true, "the canonical English name"],
  ["ingress", "ingres", true, "one typo"],
  ["ingress", "fluentd", false, "another add-on"],
  ["kube-controller-manager", "controller manager", true, "alias"],
  ["kube-controller-manager", "控制器管理器", true, "Chinese alias"],
  ["kube-controller-manager", "kongzhiqiguanliqi", true, "pinyin"],
  ["kube-controller-manager", "kube-scheduler", false, "another control-plane component"],
];

describe("judgeTyped on the real deck", () => {
  it.each(TABLE)("%s ← %j: %s (%s)", (id, typed, ok) => {
    expect(judgeTyped(answerFor(id), typed).correct).toBe(ok);
  });

  it("refuses every other component's every name, in every question", () => {
    for (const q of typedQuestions) {
      for (const r of q.answer.rivals) {
        for (const name of r.names) {
          const v = judgeTyped(q.answer, name);
          expect(v.correct, `${q.factId} ← ${name}`).toBe(false);
          expect(v.rival, `${q.factId} ← ${name}`).toBe(r.id);
        }
      }
    }
  });

  it("accepts every accepted name, upper-cased and with its hyphens turned to spaces", () => {
    for (const q of typedQuestions) for (const n of q.answer.accepted) expect(judgeTyped(q.answer, n.toUpperCase().replace(/-/g, " ")).correct, `${q.factId} ← ${n}`).toBe(true);
  });
});

describe("judgeTyped against a rival one edit away", () => {
  // Two real tools one letter apart: typing the other one exactly must never pass as a typo.
  const answer: TypedAnswer = { expected: { zh: "kubelet", en: "kubelet" }, accepted: ["kubelet"], rivals: [{ id: "kubelets", names: ["kubelets"] }, { id: "kubeadm", names: ["kubeadm"] }] };
  it("refuses the rival's exact name and names the rival", () => {
    expect(judgeTyped(answer, "kubelets")).toMatchObject({ correct: false, rival: "kubelets" });
  });
  it("still forgives a typo that is closer to the answer", () => {
    expect(judgeTyped(answer, "kubelt").correct).toBe(true);
  });
  it("refuses a typo as close to the rival as to the answer", () => {
    // "kubeletz": one edit from both.
    expect(judgeTyped(answer, "kubeletz").correct).toBe(false);
  });
  const zh: TypedAnswer = { expected: { zh: "调度器", en: "scheduler" }, accepted: ["调度器"], rivals: [{ id: "x", names: ["调度"] }] };
  it("works on pinyin too: the rival's pinyin is refused", () => {
    expect(judgeTyped(zh, "diaodu")).toMatchObject({ correct: false, rival: "x" });
    expect(judgeTyped(zh, "diaoduqi").correct).toBe(true);
  });
});

describe("normalizeTyped and typoAllowance", () => {
  it("ignores case, spaces, hyphens and full-width forms", () => {
    expect(normalizeTyped(" Kube-Scheduler ")).toBe("kubescheduler");
    expect(normalizeTyped("ＫＵＢＥ　ｐｒｏｘｙ")).toBe("kubeproxy");
    expect(normalizeTyped("API 服务器")).toBe("api服务器");
  });
  it("grows with the answer's length and is zero for short names", () => {
    expect([3, 4, 6, 7, 11, 12, 25].map(typoAllowance)).toEqual([0, 1, 1, 2, 2, 3, 3]);
  });
});

describe("the comparison target", () => {
  it("is the answer as the question spells it when the nearest name differs only in case", () => {
    expect(judgeTyped(answerFor("dashboard"), "DASHBORD").nearest).toBe("Dashboard");
    expect(judgeTyped(answerFor("kube-scheduler"), "schedulr").nearest).toBe("scheduler");
    expect(judgeTyped(answerFor("kube-scheduler"), "diaoduqi").nearest).toBe("调度器");
  });
});

describe("diffTyped", () => {
  it("marks extra and missing letters and rebuilds both sides", () => {
    const parts = diffTyped("Kube-Schedular", "kube-scheduler");
    expect(parts.map((p) => p.typed).join("")).toBe("Kube-Schedular");
    expect(parts.map((p) => p.expected).join("")).toBe("kube-scheduler");
    expect(parts.some((p) => p.op === "extra" && p.typed === "a")).toBe(true);
    expect(parts.some((p) => p.op === "missing" && p.expected === "e")).toBe(true);
  });
  it("is all 'same' for the same text in another case, each side as written", () => {
    expect(diffTyped("ETCD", "etcd")).toEqual([{ op: "same", typed: "ETCD", expected: "etcd" }]);
  });
});

describe("confusions", () => {
  const q = typedQuestions.find((x) => x.factId === "kube-scheduler")!;
  it("a typed rival brings both components' cards back and adds the contrast", () => {
    const response = { type: "typed" as const, text: "kube-proxy" };
    const keys = cardKeysForMiss(q, response);
    expect(keys.some((k) => k.startsWith("component:kube-scheduler"))).toBe(true);
    expect(keys.some((k) => k.startsWith("component:kube-proxy"))).toBe(true);
    expect(keys.some((k) => k.startsWith("component:etcd"))).toBe(false);
    const text = explanationFor(q, response, q.explanation);
    expect(text.en).toContain(q.explanation.en);
    expect(text.en).toContain("kube-proxy is not kube-scheduler");
    expect(text.zh).toContain("kube-proxy 与 kube-scheduler 不同");
  });
  it("a mere typo or unknown word is a miss of this fact only", () => {
    const response = { type: "typed" as const, text: "no idea" };
    expect(confusionsIn(q, response)).toEqual([]);
    expect(cardKeysForMiss(q, response)).toEqual(q.cardKeys);
  });
});
