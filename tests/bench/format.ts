import type { LoadResult } from "./load";

/** Number and table formatting for the markdown report ("–" where nothing was measured). */

export const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : "–");
export const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : "–");
export const f0 = (x: number) => (Number.isFinite(x) ? x.toFixed(0) : "–");
export const table = (head: string[], rows: (string | number)[][]) =>
  [`| ${head.join(" | ")} |`, `| ${head.map(() => "---").join(" | ")} |`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");
export const failText = (m: Map<string, number>) => (m.size ? [...m].map(([k, v]) => `${k} ×${v}`).join(", ") : "0");

export interface Measured {
  name: string;
  res: LoadResult;
  failures: Map<string, number>;
  /** Server RSS (MB) right after the step. */
  rss?: number;
}
