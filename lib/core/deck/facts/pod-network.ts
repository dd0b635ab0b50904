import type { Code } from "mdast";
import { DeckSourceError } from "../errors";
import { bySpelling, pointId } from "../knowledge/match";
import { POD_NETWORK_TITLE_EN, STEPS } from "../knowledge/pod-network";
import { localized, noteFor } from "../localize";
import { type Section, lineOf, requireSection } from "../parse";
import { fromPlain, toMarkdown } from "../rich-text";
import type { PodNetworkFacts, StepFact } from "../types";

export const POD_NETWORK_SECTION = "Pod";

// The flow lives in a ```java comment, which is not Markdown, so its numbered lines are read as
// plain lines: "1.每个Pod…", optionally behind "//" or "*".
const STEP_LINE = /^\s*(?:\/\/|\*)?\s*(\d+)\s*[.、．)]\s*(.*?)\s*$/;
const TITLE_LINE = /^\s*\/\/\s*(.+?)\s*$/;

function readSteps(code: Code, section: Section): PodNetworkFacts {
  const firstLine = lineOf(code) + 1;
  const steps: StepFact[] = [];
  let title = "";
  code.value.split("\n").forEach((text, i) => {
    const line = firstLine + i;
    const step = text.match(STEP_LINE);
    if (!step) {
      const comment = text.match(TITLE_LINE);
      if (comment && !title && steps.length === 0) title = comment[1];
      return;
    }
    const n = Number(step[1]);
    if (n !== steps.length + 1) {
      throw new DeckSourceError(line, `Pod network step numbered ${n}, expected ${steps.length + 1}`);
    }
    if (!step[2]) throw new DeckSourceError(line, `Pod network step ${n} is empty`);
    const known = bySpelling(STEPS, step[2]);
    const note = noteFor(known?.note, step[2]);
    steps.push({
      kind: "step",
      id: pointId(known, step[2]),
      n,
      text: localized(toMarkdown(fromPlain(step[2])), known?.en),
      ...(note ? { note } : {}),
      source: { headings: section.path, line },
    });
  });
  return { title: localized(toMarkdown(fromPlain(title || "Pod 网络创建流程")), POD_NETWORK_TITLE_EN), steps };
}

export function extractPodNetwork(sections: Section[]): PodNetworkFacts {
  const section = requireSection(sections, POD_NETWORK_SECTION);
  for (const node of section.content) {
    if (node.type !== "code") continue;
    const facts = readSteps(node, section);
    if (facts.steps.length > 0) return facts;
  }
  throw new DeckSourceError(section.line, `section '${section.title}' has no numbered Pod network steps`);
}
