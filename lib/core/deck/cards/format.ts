import type { CompiledCard, FactKind, Localized, SourceRef, Topic } from "../types";

type Lang = keyof Localized;

/** Build both languages from one template. */
export function both(render: (lang: Lang) => string): Localized {
  return { zh: render("zh"), en: render("en") };
}

// Card text is paragraphs and "- " items only, so a line that happens to start like another block
// ("1. …", "# …", "- …") has its marker escaped.
function guardLine(text: string): string {
  return text.replace(/^(\d+)([.)])/, "$1\\$2").replace(/^([-+#=])/, "\\$1");
}

export function paragraphs(...blocks: Array<string | undefined>): string {
  return blocks
    .filter((b): b is string => Boolean(b))
    .map((b) => (b.startsWith("- ") ? b : guardLine(b)))
    .join("\n\n");
}

export function bullets(items: string[]): string {
  return items.map((item) => `- ${guardLine(item)}`).join("\n");
}

/** One point reads as a sentence, several as a list. */
export function points(items: Localized[]): Localized {
  return both((lang) => (items.length === 1 ? guardLine(items[0][lang]) : bullets(items.map((i) => i[lang]))));
}

export function joinNotes(notes: Array<Localized | undefined>): Localized | undefined {
  const present = notes.filter((n): n is Localized => Boolean(n));
  if (present.length === 0) return undefined;
  return both((lang) => present.map((n) => n[lang]).join("\n\n"));
}

export const GAP = "＿＿";

/** Chinese sets a Latin name off with a space ("kubelet 的作用"), but not after full-width punctuation. */
export function zhName(name: string): string {
  return /[A-Za-z0-9]$/.test(name) ? `${name} ` : name;
}

/** Hide a component's own name in a "which component?" prompt. */
export function mask(text: string, names: string[]): string {
  return [...new Set(names.filter(Boolean))]
    .sort((a, b) => b.length - a.length)
    .reduce((out, name) => out.replace(new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "gi"), GAP), text);
}

export function card(fields: {
  key: string;
  topic: Topic;
  front: Localized;
  back: Localized;
  source: SourceRef;
  note?: Localized;
  fact: { kind: FactKind; id: string };
}): CompiledCard {
  const { note, ...rest } = fields;
  return note ? { ...rest, note } : rest;
}
