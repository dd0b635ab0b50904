/** End-of-session summary (pure). */

export interface SessionSummary {
  /** Number of grades in the session. */
  reviewed: number;
  /** Share of grades ≥ 3 (0..1); 0 for an empty session. */
  shareAtLeast3: number;
  /** Total time spent, ms (negative / non-finite durations count as 0). */
  timeMs: number;
}

export function sessionSummary(grades: ReadonlyArray<{ grade: number; durationMs: number }>): SessionSummary {
  let passed = 0;
  let timeMs = 0;
  for (const g of grades) {
    if (g.grade >= 3) passed++;
    if (Number.isFinite(g.durationMs) && g.durationMs > 0) timeMs += g.durationMs;
  }
  const reviewed = grades.length;
  return { reviewed, shareAtLeast3: reviewed === 0 ? 0 : passed / reviewed, timeMs };
}
