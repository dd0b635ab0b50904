/**
 * `npm run --silent srs:evaluate -- <export.json> [--fit]`: how well SM-2 and FSRS (default
 * FSRS-6 weights) predicted a learner's memory, as JSON on stdout, for a review history in the
 * account-export format (Settings → download your data). `--fit` also fits FSRS weights to the
 * history with the optimizer and reports whether they would be kept (lib/ops/fsrs-optimize.ts).
 * Exit code 2 for bad usage or a file that is not an export.
 */
import { readFile } from "node:fs/promises";
import { evaluateSchedules } from "@/lib/core/stats/prediction";
import { historyFromExport } from "@/lib/core/stats/export-history";

const USAGE = "Usage: npm run --silent srs:evaluate -- <account-export.json> [--fit]";

async function main(): Promise<number> {
  const args = process.argv.slice(2).filter((a) => a !== "--");
  const fit = args.includes("--fit");
  const files = args.filter((a) => a !== "--fit");
  if (files.length !== 1 || files[0].startsWith("-")) {
    console.error(USAGE);
    return files.some((a) => a === "-h" || a === "--help") ? 0 : 2;
  }
  let json: unknown;
  try {
    json = JSON.parse(await readFile(files[0], "utf8"));
  } catch (e) {
    console.error(`[kubecards] cannot read ${files[0]} as JSON: ${(e as Error).message}`);
    return 2;
  }
  const history = historyFromExport(json);
  if (!history.ok) {
    console.error(`[kubecards] ${history.error}`);
    return 2;
  }
  const evaluation = evaluateSchedules(history.events);
  const out: Record<string, unknown> = {
    memoryEvents: history.events.length,
    ...evaluation,
    sm2Prediction: "0.9^(elapsed days / SM-2 interval), as srs-benchmark",
    fsrsWeights: "FSRS-6 defaults (ts-fsrs)",
  };
  if (fit) {
    // Loaded only when asked: a native addon the evaluation itself does not need.
    const { fitForLearner } = await import("@/lib/ops/fsrs-optimize");
    out.fit = await fitForLearner(history.events);
  }
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  return 0;
}

main().then((code) => process.exit(code));
