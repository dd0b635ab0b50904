// Cost of judging one typed answer (pinyin and edit distances against every rival name):
// npx tsx tests/bench/typed-check.ts
import { readFileSync } from "node:fs";
import { compileDeck } from "@/lib/core/deck/compile";
import { catalogOf } from "@/lib/core/quiz/catalog";
import { componentTypedAnswer } from "@/lib/core/quiz/kinds/typed";
import { judgeTyped } from "@/lib/core/quiz/typed";
const deck = compileDeck(readFileSync("seed/k8s-basics.md", "utf8"));
const cat = catalogOf(deck);
const answer = componentTypedAnswer(cat, cat.components.find((c) => c.fact.id === "kube-scheduler")!);
const inputs = ["kube-schedular", "调度器", "diaoduqi", "kube-proxy", "no idea at all", "控制器管理器"];
for (let i = 0; i < 200; i++) judgeTyped(answer, inputs[i % inputs.length]);
const n = 5000;
const t = performance.now();
for (let i = 0; i < n; i++) judgeTyped(answer, inputs[i % inputs.length]);
const ms = performance.now() - t;
console.log(`judgeTyped: ${n} checks in ${ms.toFixed(0)} ms = ${((ms / n) * 1000).toFixed(0)} µs per check (rivals: ${answer.rivals.length}, names: ${answer.rivals.flatMap((r) => r.names).length + answer.accepted.length})`);
