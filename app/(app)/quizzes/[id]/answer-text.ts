import type { PublicQuestion } from "@/lib/core/quiz/types";

type Lang = "zh" | "en";
type Labels = { true: string; false: string; none: string };

/** A response or an answer as words: option text, true/false, or the steps in order. */
export function answerText(question: PublicQuestion, value: unknown, lang: Lang, labels: Labels): string {
  if (value === null || value === undefined) return labels.none;
  if (question.type === "choice") {
    const id = typeof value === "object" && value && "optionId" in value ? (value as { optionId: string }).optionId : value;
    return question.options.find((o) => o.id === id)?.text[lang] ?? labels.none;
  }
  if (question.type === "true-false") {
    const v = typeof value === "object" && value && "value" in value ? (value as { value: boolean }).value : value;
    return v ? labels.true : labels.false;
  }
  if (question.type === "typed") {
    if (typeof value === "object" && "text" in value) return String((value as { text: string }).text);
    return typeof value === "object" && "expected" in value ? (value as { expected: Record<Lang, string> }).expected[lang] : labels.none;
  }
  if (question.type === "multi") {
    const ids = Array.isArray(value) ? value : ((value as { optionIds?: string[] }).optionIds ?? []);
    return question.options.filter((o) => ids.includes(o.id)).map((o) => o.text[lang]).join("\n") || labels.none;
  }
  const order = Array.isArray(value) ? value : ((value as { order?: string[] }).order ?? []);
  const byId = new Map(question.items.map((i) => [i.id, i.text[lang]]));
  return order.map((id, i) => `${i + 1}. ${byId.get(id) ?? "?"}`).join("\n");
}
