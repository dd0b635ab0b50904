import { describe, expect, it } from "vitest";
import { compileDeck } from "@/lib/core/deck/compile";
import { catalogOf } from "@/lib/core/quiz/catalog";
import { componentNamesOf } from "@/lib/core/quiz/kinds/typed";
import { judgeTypeIn } from "@/lib/core/quiz/type-in";
import { typedAnswerAmong } from "@/lib/core/quiz/type-in-names";
import { typeInAnswerFor, typeInComponentFor } from "@/lib/core/quiz/type-in-offer";
import { readSource } from "@/seed/source";

const deck = compileDeck(readSource().markdown);
const cat = catalogOf(deck);
const card = (key: string) => deck.cards.find((c) => c.key === key)!;

describe("type-in on review cards", () => {
  it("offers typing exactly for the cards whose answer is a component's name", () => {
    const typed = deck.cards.filter((c) => typeInAnswerFor(cat, c) !== null).map((c) => c.key);
    expect(typed).toContain("component:kube-scheduler:duty:select-node");
    expect(typed).toContain("component:dns:duty:service-records"); // "cluster DNS"
    expect(typed).toContain("component:dashboard:duty:monitoring-ui"); // "the Dashboard"
    expect(typed).not.toContain("component:kube-proxy:role"); // its answer is a sentence
    expect(typed).not.toContain("component:kubelet:placement");
    expect(typed.every((k) => /^component:[^:]+:duty:/.test(k))).toBe(true);
    expect(typed.length).toBeGreaterThanOrEqual(15);
    expect(deck.cards.filter((c) => typeInComponentFor(cat, c) !== null).map((c) => c.key)).toEqual(typed);
  });

  it.each([
    ["kube-scheduler", true, true, 5],
    ["Kube Scheduler", true, true, 5],
    ["scheduler", true, true, 5],
    ["kube-schedular", true, false, 4],
    ["调度器", true, true, 5],
    ["kube-apiserver", false, false, 1],
    ["", false, false, 1],
  ] as const)("%j → correct %s, exact %s, suggested %s", (text, correct, exact, suggested) => {
    const answer = typeInAnswerFor(cat, card("component:kube-scheduler:duty:select-node"))!;
    expect(judgeTypeIn(answer, text)).toMatchObject({ correct, exact, suggested });
  });

  it("marks what differs between the typed text and the expected name", () => {
    const answer = typeInAnswerFor(cat, card("component:kube-scheduler:duty:select-node"))!;
    const { parts, target } = judgeTypeIn(answer, "kube-schedular");
    expect(target.toLowerCase()).toContain("scheduler");
    expect(parts.some((p) => p.op !== "same")).toBe(true);
  });

  // The browser gets each typed card's component and every component's names once (JSON), and
  // rebuilds the answer from them: it must judge every input exactly as the server's answer does.
  const INPUTS = ["kube-scheduler", "kube-schedular", "调度器", "diaoduqi", "kublet", "kubelet", "节点代理", "etcd", "ectd", "ETCD", "kube-proxy", "coredns", "ingres", "dashbord", "", "  ", "no idea"];
  const browserNames = JSON.parse(JSON.stringify(componentNamesOf(cat))) as ReturnType<typeof componentNamesOf>;
  const typedCards = deck.cards.filter((c) => typeInComponentFor(cat, c) !== null);

  it.each(typedCards.map((c) => [c.key]))("%s: the answer rebuilt in the browser is the server's, and judged the same", (key) => {
    const c = card(key);
    const inBrowser = typedAnswerAmong(browserNames, typeInComponentFor(cat, c)!)!;
    const onServer = typeInAnswerFor(cat, c)!;
    expect(inBrowser).toEqual(onServer);
    for (const text of INPUTS) expect(judgeTypeIn(inBrowser, text)).toEqual(judgeTypeIn(onServer, text));
  });

  it("an unknown component has no answer", () => {
    expect(typedAnswerAmong(browserNames, "no-such-component")).toBeNull();
  });
});
