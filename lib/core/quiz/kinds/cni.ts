import type { Candidate } from "../candidate";
import { cardKeysFor } from "../cards";
import { dedupe, samePlain, type Catalog } from "../catalog";
import { choice, nearInLength } from "../options";
import type { Rng } from "../rng";
import { list, optionText, sentence } from "../text";

function base(cat: Catalog) {
  const cni = cat.deck.facts.cni;
  // Whether something is a plugin is taught by the CNI fact's cards (the plugin list), not by the
  // few plugins that have cards of their own.
  return {
    topic: "cni" as const,
    source: cni.source,
    factId: cni.id,
    cardKeys: cardKeysFor(cat, [{ kind: "cni", id: cni.id }]),
  };
}

function pluginQuestions(cat: Catalog, rng: Rng): Candidate[] {
  const abbr = cat.deck.facts.cni.abbreviation;
  return cat.plugins.flatMap((plugin): Candidate[] => {
    const components = cat.components.filter((c) => c.fact.id !== plugin.fact.id && !samePlain(c.label, plugin.label));
    if (components.length < 3) return [];
    const picked = nearInLength(rng, plugin.label, components, (c) => c.label, 3);
    const { options, answer } = choice(rng, plugin.label, picked.map((c) => c.label));
    const others = list(picked.map((c) => c.label));
    return [{
      key: `cni-plugin:${plugin.fact.id}`,
      group: "cni-plugin",
      rank: 0,
      overlaps: ["cni-plugin"],
      question: {
        ...base(cat),
        kind: "cni-plugin",
        type: "choice",
        prompt: { zh: `以下哪一个是 ${abbr} 插件？`, en: `Which of these is a ${abbr} plugin?` },
        options,
        answer,
        explanation: {
          zh: `${plugin.label.zh} 是 ${abbr} 插件；${others.zh} 是 Kubernetes 组件，不是网络插件。`,
          en: `${plugin.label.en} is a ${abbr} plugin; ${others.en} are Kubernetes components, not network plugins.`,
        },
      },
    }];
  });
}

function notPluginQuestions(cat: Catalog, rng: Rng): Candidate[] {
  const abbr = cat.deck.facts.cni.abbreviation;
  if (cat.plugins.length < 3) return [];
  const components = cat.components.filter(
    (c) => !cat.plugins.some((p) => p.fact.id === c.fact.id || samePlain(p.label, c.label)),
  );
  return components.map((component): Candidate => {
    const picked = rng.sample(cat.plugins, 3);
    const { options, answer } = choice(rng, component.label, picked.map((p) => p.label));
    const plugins = list(picked.map((p) => p.label));
    return {
      key: `cni-not-plugin:${component.fact.id}`,
      group: "cni-not-plugin",
      rank: 0,
      overlaps: ["cni-not-plugin"],
      question: {
        ...base(cat),
        kind: "cni-not-plugin",
        type: "choice",
        prompt: { zh: `以下哪一个不是 ${abbr} 插件？`, en: `Which of these is NOT a ${abbr} plugin?` },
        options,
        answer,
        explanation: {
          zh: `${component.label.zh} 是 Kubernetes 组件，不是 ${abbr} 插件；${plugins.zh} 都是 ${abbr} 插件。`,
          en: `${component.label.en} is a Kubernetes component, not a ${abbr} plugin; ${plugins.en} are ${abbr} plugins.`,
        },
      },
    };
  });
}

function purposeQuestion(cat: Catalog, rng: Rng): Candidate[] {
  const cni = cat.deck.facts.cni;
  const abbr = cni.abbreviation;
  const right = optionText(cni.definition);
  // Descriptions of other things (concepts, communication paths, components): plausible "what is
  // it" answers, none about CNI, and varied enough in length that the definition doesn't stand out.
  const pool = dedupe([
    ...cat.definitions,
    ...cat.paths.map((p) => p.mechanismOption),
    ...cat.components.flatMap((c) => c.duties.map((d) => d.option)),
  ]).filter((t) => !samePlain(t, right));
  if (pool.length < 3) return [];
  const { options, answer } = choice(rng, right, nearInLength(rng, right, pool, (t) => t, 3));
  const definition = sentence(cni.definition);
  const reason = cni.reason ? sentence(cni.reason) : undefined;
  return [
    {
      key: "cni-purpose",
      group: "cni-purpose",
      rank: 0,
      overlaps: ["cni-purpose"],
      question: {
        ...base(cat),
        kind: "cni-purpose",
        type: "choice",
        prompt: cni.expansion.zh
          ? { zh: `${abbr}（${cni.expansion.zh}）是什么？`, en: `What is ${abbr} (${cni.expansion.en})?` }
          : { zh: `${abbr} 是什么？`, en: `What is ${abbr}?` },
        options,
        answer,
        explanation: {
          zh: `${abbr} 是${definition.zh}。${reason ? `因为${reason.zh}。` : ""}`,
          en: `${abbr} is ${definition.en.charAt(0).toLowerCase()}${definition.en.slice(1)}.${reason ? ` ${reason.en}.` : ""}`,
        },
      },
    },
  ];
}

export function cniCandidates(cat: Catalog, rng: Rng): Candidate[] {
  return [...pluginQuestions(cat, rng), ...notPluginQuestions(cat, rng), ...purposeQuestion(cat, rng)];
}
