import { f0, f1, f2, failText, table, type Measured } from "./format";
import type { PgColumn } from "./postgres";

/** The report's PostgreSQL parts: the grade action next to SQLite's, and the growth columns. */

export function pgHeader(pg: PgColumn): string {
  return (
    `PostgreSQL column: a second \`next start\` on PostgreSQL ${pg.version} (throwaway local cluster, fsync off) with ${pg.counts.users} learners, ${pg.counts.cards} cards, ` +
    `${pg.counts.states} review states, ${pg.counts.logs} log rows; server migrated + seeded + started in ${f0(pg.startSeconds)} s, learners written in ${f1(pg.populateSeconds)} s; ` +
    `${pg.realSignIns} sessions via sign-in, the rest minted; measured after the SQLite servers had stopped; ${f0(pg.seconds)} s in all.`
  );
}

/** Per learner count, SQLite and PostgreSQL in adjacent rows, each against its own empty action. */
export function gradeComparison(sqlite: Measured[], pg: PgColumn, levels: number[]): string {
  const rows: (string | number)[][] = [];
  for (const c of levels) {
    for (const [db, runs] of [["SQLite", sqlite], ["PostgreSQL", pg.gradeRuns]] as const) {
      const gr = runs.find((m) => m.name === "grade" && m.res.concurrency === c);
      const em = runs.find((m) => m.name === "empty" && m.res.concurrency === c);
      if (!gr || !em) continue;
      const g = gr.res;
      rows.push([c, db, f2(g.p50), f2(g.p95), f2(g.p99), f0(g.rps), f2(em.res.p50), f0(em.res.rps), `${f2(g.p50 / em.res.p50)}×`, `${f0((g.rps / em.res.rps) * 100)} %`, g.ok, failText(gr.failures) + (g.exhausted ? ` (${g.exhausted} workers ran out of learners)` : "")]);
    }
  }
  return table(["learners", "database", "grade p50", "grade p95", "grade p99", "grade req/s", "empty action p50", "empty action req/s", "grade ÷ empty p50", "grade req/s of empty", "ok", "failed"], rows);
}

export const pgGrowthHead = ["PostgreSQL due queue p50", "PostgreSQL due queue p95", "PostgreSQL DB MB", "PostgreSQL insert + VACUUM ANALYZE s"];

export function pgGrowthCells(pg: PgColumn, rows: number): string[] {
  const x = pg.growth.rows.find((r) => r.rows === rows);
  return x ? [f2(x.queue.p50), f2(x.queue.p95), f0(x.dbMB), f1(x.insertSeconds)] : ["not run", "–", "–", "–"];
}
