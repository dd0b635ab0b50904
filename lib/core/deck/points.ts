import { type RichText, plainText, stripEdges, tidy } from "./rich-text";
import { joinLines } from "./parse";

// The blog wraps long cells with <br/> mid-sentence ("它们是<br/>集群中…", "…Endpoint、<br/>Service
// Account…", "…网络规则<br/>并执行…"). A fragment continues the previous one when the previous
// stops on an enumeration comma or a word that needs a complement, or when it opens with a conjunction.
const CONTINUES_AFTER = ["、", "是", "的", "和", "与", "及", "或"];
const CONTINUES_BEFORE = ["并", "而且", "以及", "且", "是", "和", "与"];

function continues(prev: string, next: string): boolean {
  return CONTINUES_AFTER.some((end) => prev.endsWith(end)) || CONTINUES_BEFORE.some((start) => next.startsWith(start));
}

/** `<br/>`-separated fragments → list points, without the commas a line break left dangling or a final full stop. */
export function fragmentsToPoints(fragments: RichText[]): RichText[] {
  const groups: RichText[][] = [];
  for (const fragment of fragments.map(tidy).filter((f) => f.length > 0)) {
    const current = groups[groups.length - 1];
    const prev = current ? plainText(current[current.length - 1]) : "";
    if (current && continues(prev, plainText(fragment))) current.push(fragment);
    else groups.push([fragment]);
  }
  return groups.map((group) => stripEdges(joinLines(group), "", "，,、；;：:。.")).filter((p) => p.length > 0);
}
