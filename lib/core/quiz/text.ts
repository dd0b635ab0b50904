import type { Localized } from "@/lib/core/deck/types";

export type Lang = keyof Localized;

export const LANGS: readonly Lang[] = ["zh", "en"];

export function both(render: (lang: Lang) => string): Localized {
  return { zh: render("zh"), en: render("en") };
}

/** Restricted Markdown (escapes, `**strong**`, "- " items) → plain text on one line. */
export function plain(text: string): string {
  return text
    .replace(/\*\*/g, "")
    .replace(/\\([\\*_`[\]<>.)#+=-])/g, "$1")
    .replace(/^\s*- /gm, "")
    .replace(/\s*\n+\s*/g, " ")
    .trim();
}

const PARENTHETICAL = /\s*(\([^()]*\)|（[^（）]*）)/g;
const TRAILING_PUNCT = /[\s.。,，;；:：]+$/;
// Past these lengths an option is cut to its first sentence/clause so that no option stands out.
const MAX_OPTION: Record<Lang, number> = { zh: 40, en: 90 };
const CLAUSE_END: Record<Lang, RegExp> = { zh: /[。；，]/, en: /[.;](?=\s)/ };
const MIN_CLAUSE = 6;

function shorten(text: string, lang: Lang): string {
  if (text.length <= MAX_OPTION[lang]) return text;
  const end = CLAUSE_END[lang].exec(text);
  return end && end.index >= MIN_CLAUSE ? text.slice(0, end.index) : text;
}

/**
 * A short single-line option: the first line only, no markup, no asides in brackets (they make
 * options uneven and sometimes echo the question), no final full stop.
 */
export function optionLine(text: string, lang: Lang, opts: { shorten?: boolean } = {}): string {
  const firstLine = text.split("\n").find((line) => line.trim()) ?? "";
  const bare = plain(firstLine).replace(PARENTHETICAL, "").replace(/\s{2,}/g, " ").trim();
  return (opts.shorten === false ? bare : shorten(bare, lang)).replace(TRAILING_PUNCT, "");
}

export function optionText(text: Localized): Localized {
  return both((lang) => optionLine(text[lang], lang));
}

/** A whole statement on one line, asides kept. */
export function sentence(text: Localized): Localized {
  return both((lang) => plain(text[lang]).replace(TRAILING_PUNCT, ""));
}

export const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Sentence start for a name: "The Dashboard", but "kubelet" and "etcd" keep their lower case. */
export const nameAtStart = (name: string) => (/^(the|a|an) /.test(name) ? capitalize(name) : name);

/** Chinese sets a Latin word off with a space ("kubelet 的作用"), but not full-width punctuation. */
export function zhSpaced(name: string): string {
  return /[A-Za-z0-9]$/.test(name) ? `${name} ` : name;
}

/** "a, b and c" / "a、b、c": names listed in a sentence. */
export function list(items: Localized[]): Localized {
  return both((lang) => {
    const words = items.map((i) => i[lang]);
    if (lang === "zh") return words.join("、");
    return words.length < 2 ? words.join("") : `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
  });
}

export function mentions(text: string, names: string[]): boolean {
  const hay = text.toLowerCase();
  return names.some((n) => n.trim() !== "" && hay.includes(n.trim().toLowerCase()));
}
