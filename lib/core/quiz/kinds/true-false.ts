import type { FeatureFact, Localized, SourceRef, Topic } from "@/lib/core/deck/types";
import type { Candidate } from "../candidate";
import { cardKeysFor, type FactRef } from "../cards";
import type { Catalog } from "../catalog";
import { both, capitalize, sentence } from "../text";

interface Statement {
  key: string;
  topic: Topic;
  statement: Localized;
  answer: boolean;
  /** Why, without the "True/False" verdict. */
  why: Localized;
  source: SourceRef;
  /** The fact the statement is about (for a false one: the fact it got wrong). */
  fact: FactRef;
  /** Facts whose cards a miss should bring back. */
  refs: FactRef[];
  overlaps: string[];
}

const VERDICT: Record<"true" | "false", Localized> = {
  true: { zh: "正确", en: "True" },
  false: { zh: "错误", en: "False" },
};

const STOP: Localized = { zh: "。", en: "." };

function candidate(cat: Catalog, s: Statement): Candidate {
  const verdict = VERDICT[s.answer ? "true" : "false"];
  return {
    key: `true-false:${s.key}`,
    group: "true-false",
    rank: 0,
    // True and false statements take turns, so a quiz is not a run of "true".
    balance: String(s.answer),
    overlaps: s.overlaps,
    question: {
      kind: "true-false",
      type: "true-false",
      topic: s.topic,
      prompt: both((lang) => `${s.statement[lang]}${STOP[lang]}`),
      answer: s.answer,
      explanation: { zh: `${verdict.zh}：${s.why.zh}`, en: `${verdict.en}: ${s.why.en}` },
      source: s.source,
      factId: s.fact.id,
      cardKeys: cardKeysFor(cat, s.refs),
    },
  };
}

/**
 * Whether a point would look right under the wrong feature anyway: "可扩展" (extensible) and
 * "自动伸缩/扩展" (automatic scaling) share 扩展, so a zh reader could fairly call that swap true.
 */
function sharesWording(point: Localized, feature: Localized): boolean {
  const zhName = feature.zh.replace(/[^\p{Script=Han}]/gu, "");
  for (let i = 0; i + 2 <= zhName.length; i++) if (point.zh.includes(zhName.slice(i, i + 2))) return true;
  const stems = feature.en.toLowerCase().match(/[a-z]{5,}/g) ?? [];
  return stems.some((w) => point.en.toLowerCase().includes(w.slice(0, 5)));
}

function featureStatement(claimed: FeatureFact, point: Localized): Localized {
  return {
    zh: `「${claimed.name.zh}」这一特点包括：${point.zh}`,
    en: `One point of the “${claimed.name.en}” feature: ${point.en}`,
  };
}

function overviewStatements(cat: Catalog): Statement[] {
  const { advantages, features, history } = cat.deck.facts.overview;
  const out: Statement[] = [];
  for (const a of advantages) {
    const text = sentence(a.text);
    out.push({
      key: `advantage:${a.id}`,
      topic: "overview",
      statement: {
        zh: `原文列出的 K8s 优势之一：${text.zh}`,
        en: `An advantage of Kubernetes listed in the source: ${text.en}`,
      },
      answer: true,
      why: {
        zh: `「${text.zh}」是原文列出的 K8s 优势之一。`,
        en: `“${text.en}” is one of the advantages the source lists.`,
      },
      source: a.source,
      fact: a,
      refs: [a],
      overlaps: [`advantage:${a.id}`],
    });
  }
  for (const f of features) {
    const all = both((lang) => f.points.map((p) => sentence(p)[lang]).join(lang === "zh" ? "、" : ", "));
    f.points.forEach((raw, i) => {
      const point = sentence(raw);
      const overlaps = [`feature-point:${f.id}:${i}`];
      out.push({
        key: `feature:${f.id}:${f.id}:${i}`,
        topic: "overview",
        statement: featureStatement(f, point),
        answer: true,
        why: { zh: `「${f.name.zh}」包括：${all.zh}。`, en: `“${f.name.en}” covers: ${all.en}.` },
        source: f.source,
        fact: f,
        refs: [f],
        overlaps,
      });
      // False statements swap a point onto another feature: real text, wrong home.
      for (const other of features) {
        if (other === f || sharesWording(point, other.name)) continue;
        out.push({
          key: `feature:${other.id}:${f.id}:${i}`,
          topic: "overview",
          statement: featureStatement(other, point),
          answer: false,
          why: {
            zh: `「${point.zh}」属于「${f.name.zh}」，而不是「${other.name.zh}」。`,
            en: `“${point.en}” is a point of “${f.name.en}”, not of “${other.name.en}”.`,
          },
          source: f.source,
          fact: f,
          refs: [f, other],
          overlaps,
        });
      }
    });
  }
  const lineage = sentence(history.lineage);
  out.push({
    key: "history:lineage",
    topic: "overview",
    statement: { zh: `Kubernetes 是${lineage.zh}`, en: `Kubernetes descends from ${lineage.en}` },
    answer: true,
    why: both((lang) => {
      const said = `${sentence(history.sentence)[lang]}${STOP[lang]}`;
      return history.note ? `${said}\n\n${history.note[lang]}` : said;
    }),
    source: history.source,
    fact: history,
    refs: [history],
    overlaps: ["history"],
  });
  return out;
}

/** "Path X: mechanism of Y", true only when X is Y. */
function networkStatements(cat: Catalog): Statement[] {
  const out: Statement[] = [];
  for (const claimed of cat.paths) {
    for (const real of cat.paths) {
      const name = claimed.fact.name;
      const right = claimed === real;
      out.push({
        key: `path:${claimed.fact.id}:${real.fact.id}`,
        topic: "networking",
        statement: { zh: `${name.zh}：${real.mechanism.zh}`, en: `${capitalize(name.en)}: ${real.mechanism.en}` },
        answer: right,
        why: right
          ? { zh: `这正是${name.zh}的方式。`, en: `this is how ${name.en} works.` }
          : {
              zh: `这说的是${real.fact.name.zh}。${name.zh}：${claimed.mechanism.zh}。`,
              en: `this describes ${real.fact.name.en}. ${capitalize(name.en)}: ${claimed.mechanism.en}.`,
            },
        source: claimed.fact.source,
        fact: claimed.fact,
        refs: right ? [claimed.fact] : [claimed.fact, real.fact],
        overlaps: [`statement-path:${claimed.fact.id}`],
      });
    }
  }
  return out;
}

/** "After A comes B" for neighbouring steps, true as written and false reversed. */
function stepStatements(cat: Catalog): Statement[] {
  const { title, steps } = cat.deck.facts.podNetwork;
  const sorted = [...steps].sort((a, b) => a.n - b.n);
  const out: Statement[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const pair = [sorted[i], sorted[i + 1]];
    for (const [before, after] of [pair, [pair[1], pair[0]]]) {
      const right = before === pair[0];
      const a = sentence(before.text);
      const b = sentence(after.text);
      out.push({
        key: `step:${before.id}:${after.id}`,
        topic: "pod-network",
        statement: {
          zh: `在${title.zh}中，「${a.zh}」的下一步是「${b.zh}」`,
          en: `In ${title.en}, the step right after “${a.en}” is “${b.en}”`,
        },
        answer: right,
        why: {
          zh: `「${a.zh}」是第 ${before.n} 步，「${b.zh}」是第 ${after.n} 步。`,
          en: `“${a.en}” is step ${before.n}; “${b.en}” is step ${after.n}.`,
        },
        source: pair[0].source,
        fact: pair[0],
        refs: pair,
        overlaps: [`next:${pair[0].id}`],
      });
    }
  }
  return out;
}

// Statements need no randomness, so they are worked out once per catalog rather than per quiz.
const statements = new WeakMap<Catalog, Statement[]>();

function statementsOf(cat: Catalog): Statement[] {
  let list = statements.get(cat);
  if (!list) {
    list = [...overviewStatements(cat), ...networkStatements(cat), ...stepStatements(cat)];
    statements.set(cat, list);
  }
  return list;
}

export function trueFalseCandidates(cat: Catalog): Candidate[] {
  return statementsOf(cat).map((s) => candidate(cat, s));
}
