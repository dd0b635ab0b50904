import { f0, f2, type Measured } from "./format";

/**
 * The targets, computed the same way for the SQLite and the PostgreSQL servers (each
 * against the empty action measured on the same server in the same run).
 */

export function gradeTargets(runs: Measured[], c: number, where = ""): string[][] {
  const gr = runs.find((m) => m.name === "grade" && m.res.concurrency === c)!.res;
  const em = runs.find((m) => m.name === "empty" && m.res.concurrency === c)!.res;
  const lat = gr.p50 / em.p50;
  const thr = gr.rps / em.rps;
  return [
    [`grade p50 ≤ 1.5 × empty action p50 (${where}${c} learners)`, `${f2(gr.p50)} vs ${f2(em.p50)} ms`, `${f2(lat)}×`, lat <= 1.5 ? "met" : "missed"],
    [`grade req/s ≥ 60 % of empty action (${where}${c} learners)`, `${f0(gr.rps)} vs ${f0(em.rps)}/s`, `${f0(thr * 100)} %`, thr >= 0.6 ? "met" : "missed"],
  ];
}

export function queueTarget(rows: { rows: number; queue: { p50: number } }[], where = ""): string[] {
  const big = rows.at(-1)!;
  const q10k = rows.find((x) => x.rows === 10_000)?.queue.p50 ?? NaN;
  const ratio = big.queue.p50 / q10k;
  if (big.rows >= 1_000_000) return [`${where}due queue p50 at ${big.rows.toLocaleString("en")} rows ≤ 2 × at 10,000`, `${f2(big.queue.p50)} vs ${f2(q10k)} ms`, `${f2(ratio)}×`, ratio <= 2 ? "met" : "missed"];
  return [`${where}due queue p50 at 1,000,000 rows ≤ 2 × at 10,000`, `largest size here ${big.rows.toLocaleString("en")}: ${f2(big.queue.p50)} vs ${f2(q10k)} ms at 10,000`, `${f2(ratio)}×`, "not measured (--quick)"];
}
