import { outline, parseDocument } from "../parse";
import type { DeckFacts } from "../types";
import { extractComponents } from "./components";
import { extractNetwork } from "./network";
import { extractOverview } from "./overview";
import { extractPodNetwork } from "./pod-network";

export function extractFacts(markdown: string): DeckFacts {
  const sections = outline(parseDocument(markdown));
  const { paths, cni } = extractNetwork(sections);
  return {
    overview: extractOverview(sections),
    components: extractComponents(sections),
    paths,
    cni,
    podNetwork: extractPodNetwork(sections),
  };
}
