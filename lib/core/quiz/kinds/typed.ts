import type { Candidate } from "../candidate";
import { cardKeysFor } from "../cards";
import type { Catalog, ComponentItem, Duty } from "../catalog";
import { componentNames } from "../aliases";
import { normalizeTyped } from "../typed";
import { typedAnswerAmong, type ComponentNames } from "../type-in-names";
import type { TypedAnswer } from "../types";
import { componentConfusion } from "./contrast";

function ownsDuty(c: ComponentItem, duty: Duty): boolean {
  return [duty.statement, duty.option].some((t) => c.owned.has(t.zh) || c.owned.has(t.en));
}

/**
 * Names shared by two components (none today) would make a typed answer both right and a
 * confusion, so each component keeps only the names no other component uses.
 */
function ownNames(cat: Catalog, c: ComponentItem): string[] {
  const others = new Set(cat.components.filter((o) => o !== c).flatMap((o) => componentNames(o.fact).map(normalizeTyped)));
  return componentNames(c.fact).filter((n) => !others.has(normalizeTyped(n)));
}

const namesByCatalog = new WeakMap<Catalog, ComponentNames[]>();

/**
 * Every component with its label and own names: what typed answers naming components are judged
 * against. Kept per catalog (catalogs are cached and never changed): a quiz builds a typed answer
 * for every duty, and working the list out each time was most of a quiz's generation time.
 */
export function componentNamesOf(cat: Catalog): ComponentNames[] {
  let names = namesByCatalog.get(cat);
  if (!names) namesByCatalog.set(cat, (names = cat.components.map((c) => ({ id: c.fact.id, label: c.label, names: ownNames(cat, c) }))));
  return names;
}

/** What a typed answer naming this component accepts, and the other components it must not be taken for. */
export function componentTypedAnswer(cat: Catalog, c: ComponentItem): TypedAnswer {
  return typedAnswerAmong(componentNamesOf(cat), c.fact.id)!;
}

/** "Which component …?" answered by typing its name: recall instead of recognition. */
function typedComponent(cat: Catalog, c: ComponentItem, duty: Duty): Candidate | null {
  // Another component with this duty would be a second right answer.
  if (cat.components.some((o) => o !== c && ownsDuty(o, duty))) return null;
  const answer = componentTypedAnswer(cat, c);
  const accepted = answer.accepted;
  if (!accepted.length) return null;
  const rivals = cat.components.filter((o) => o !== c);
  return {
    key: `typed-component:${c.fact.id}:${duty.index}`,
    group: "typed-component",
    rank: 0,
    overlaps: [`duty:${c.fact.id}:${duty.index}`],
    question: {
      kind: "typed-component",
      type: "typed",
      topic: "components",
      source: c.fact.source,
      factId: c.fact.id,
      cardKeys: cardKeysFor(cat, [{ kind: "component", id: c.fact.id }]),
      prompt: {
        zh: `输入组件名称：哪个组件符合这一描述「${duty.statement.zh}」？`,
        en: `Type the name of the component this describes: “${duty.statement.en}”`,
      },
      answer,
      confusions: rivals.map((o) => componentConfusion(cat, o.fact.id, c, o, duty.statement)),
      explanation: {
        zh: `是 ${c.label.zh}：「${duty.statement.zh}」是它的职责之一。也接受：${accepted.join("、")}。`,
        en: `It is ${c.label.en}: “${duty.statement.en}” is one of its duties. Also accepted: ${accepted.join(", ")}.`,
      },
    },
  };
}

export function typedCandidates(cat: Catalog): Candidate[] {
  return cat.components.flatMap((c) => c.duties.map((d) => typedComponent(cat, c, d))).filter((c): c is Candidate => c !== null);
}
