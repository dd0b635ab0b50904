import type { CniFact, CompiledCard } from "../types";
import { both, bullets, card, joinNotes, paragraphs } from "./format";

export function cniCards(cni: CniFact): CompiledCard[] {
  const base = { topic: "cni" as const, source: cni.source, fact: { kind: "cni" as const, id: cni.id } };
  const abbr = cni.abbreviation;
  const cards: CompiledCard[] = [];
  if (cni.expansion.zh) {
    cards.push(
      card({
        ...base,
        key: "cni:abbreviation",
        front: { zh: `${abbr} 的全称是什么？`, en: `What does ${abbr} stand for?` },
        back: cni.expansion,
      }),
    );
  }
  cards.push(
    card({
      ...base,
      key: "cni:definition",
      front: { zh: `${abbr} 是什么？`, en: `What is ${abbr}?` },
      back: cni.definition,
      note: cni.definitionNote,
    }),
  );
  if (cni.reason) {
    cards.push(
      card({
        ...base,
        key: "cni:reason",
        front: { zh: `K8s 为什么需要 ${abbr}？`, en: `Why does Kubernetes need ${abbr}?` },
        back: cni.reason,
      }),
    );
  }
  cards.push(
    card({
      ...base,
      key: "cni:plugins",
      front: { zh: `列举几种 ${abbr} 网络方案。`, en: `Name some ${abbr} network solutions.` },
      back: both((lang) => bullets(cni.plugins.map((p) => p.name[lang]))),
      note: joinNotes(cni.plugins.map((p) => p.note)),
    }),
  );
  for (const plugin of cni.plugins) {
    const role = plugin.role;
    if (!role) continue;
    const pluginBase = { topic: "cni" as const, source: role.source, fact: { kind: "cni-plugin" as const, id: plugin.id } };
    const description = both((lang) =>
      role.examples.length === 0
        ? role.summary[lang]
        : paragraphs(
            lang === "zh" ? `${role.summary.zh}，例如：` : `${role.summary.en}, for example:`,
            bullets(role.examples.map((e) => e[lang])),
          ),
    );
    cards.push(
      card({
        ...pluginBase,
        key: `cni:plugin:${plugin.id}:role`,
        front: { zh: `${plugin.name.zh} 是什么？它做什么？`, en: `What is ${plugin.name.en}, and what does it do?` },
        back: description,
        note: plugin.note,
      }),
      card({
        ...pluginBase,
        key: `cni:plugin:${plugin.id}:which`,
        front: both((lang) =>
          paragraphs(lang === "zh" ? `哪个 ${abbr} 插件是：` : `Which ${abbr} plugin is this?`, role.summary[lang]),
        ),
        back: plugin.name,
      }),
    );
  }
  return cards;
}
