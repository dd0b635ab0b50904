import type { Localized } from "@/lib/core/deck/types";
import type { Candidate } from "../candidate";
import { cardKeysFor } from "../cards";
import type { Catalog, PathItem } from "../catalog";
import { choice, nearInLength } from "../options";
import type { Rng } from "../rng";
import { both, capitalize, plain, sentence } from "../text";

function base(cat: Catalog, p: PathItem) {
  return {
    topic: "networking" as const,
    source: p.fact.source,
    factId: p.fact.id,
    cardKeys: cardKeysFor(cat, [{ kind: "path", id: p.fact.id }]),
  };
}

/** The whole mechanism, since a path's note may qualify a later point (docker0). */
function explain(p: PathItem): Localized {
  const all = both((lang) => p.fact.mechanism.map((m) => sentence(m.text)[lang]).join(lang === "zh" ? "，" : ". "));
  const text = {
    zh: `${p.fact.name.zh}：${all.zh}。`,
    en: `${capitalize(p.fact.name.en)}: ${all.en}.`,
  };
  const note = p.fact.note;
  return note ? both((lang) => `${text[lang]}\n\n${note[lang]}`) : text;
}

function pathToMechanism(cat: Catalog, rng: Rng, p: PathItem): Candidate | null {
  const others = cat.paths.filter((o) => o !== p);
  if (others.length < 3) return null;
  const picked = nearInLength(rng, p.mechanismOption, others, (o) => o.mechanismOption, 3);
  const { options, answer } = choice(rng, p.mechanismOption, picked.map((o) => o.mechanismOption));
  return {
    key: `path-to-mechanism:${p.fact.id}`,
    group: "path-to-mechanism",
    rank: 0,
    overlaps: [`path:${p.fact.id}`],
    question: {
      ...base(cat, p),
      kind: "path-to-mechanism",
      type: "choice",
      prompt: { zh: `${p.fact.name.zh}是怎样实现的？`, en: `How does ${p.fact.name.en} work?` },
      options,
      answer,
      explanation: explain(p),
    },
  };
}

function mechanismToPath(
  cat: Catalog,
  rng: Rng,
  p: PathItem,
  variant: { key: string; prompt: Localized; rank: number },
): Candidate | null {
  const others = cat.paths.filter((o) => o !== p);
  if (others.length < 3) return null;
  const picked = nearInLength(rng, p.label, others, (o) => o.label, 3);
  const { options, answer } = choice(rng, p.label, picked.map((o) => o.label));
  return {
    key: variant.key,
    group: "mechanism-to-path",
    rank: variant.rank,
    overlaps: [`path:${p.fact.id}`],
    question: {
      ...base(cat, p),
      kind: "mechanism-to-path",
      type: "choice",
      prompt: variant.prompt,
      options,
      answer,
      explanation: explain(p),
    },
  };
}

const squash = (s: string) => s.toLowerCase().replace(/[\s_-]/g, "");

export function networkCandidates(cat: Catalog, rng: Rng): Candidate[] {
  const out: Array<Candidate | null> = [];
  for (const p of cat.paths) {
    out.push(pathToMechanism(cat, rng, p));
    out.push(
      mechanismToPath(cat, rng, p, {
        key: `mechanism-to-path:${p.fact.id}`,
        rank: 0,
        prompt: {
          zh: `这描述的是哪种通信：「${p.mechanism.zh}」？`,
          en: `Which kind of communication is this: “${p.mechanism.en}”?`,
        },
      }),
    );
    // The source's highlighted keyword (loopback, Pod-IP) is a question of its own: it is what a
    // learner should remember about the path.
    p.fact.cues.forEach((cue, i) => {
      const word = { zh: plain(cue.zh), en: plain(cue.en) };
      // A cue another path also mentions ("PodIP" in Pod-to-Service) would have two answers.
      const elsewhere = (o: PathItem) =>
        squash(o.mechanism.zh).includes(squash(word.zh)) || squash(o.mechanism.en).includes(squash(word.en));
      if (cat.paths.some((o) => o !== p && elsewhere(o))) return;
      out.push(
        mechanismToPath(cat, rng, p, {
          key: `mechanism-to-path:${p.fact.id}:cue:${i}`,
          rank: 1,
          prompt: {
            zh: `原文把「${word.zh}」与哪种通信联系在一起？`,
            en: `Which kind of communication does the source tie to “${word.en}”?`,
          },
        }),
      );
    });
  }
  return out.filter((c): c is Candidate => c !== null);
}
