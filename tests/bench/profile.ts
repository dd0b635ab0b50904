import { existsSync, readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import { fileURLToPath } from "node:url";

/** Reads a V8 .cpuprofile and lists where the self time went: by code origin, then by function. */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const maps = new Map<string, SourceMap | null>();

/** The original source of a position in a bundled server chunk, from the chunk's source map. */
function originalSource(url: string, line: number, column: number): { source: string; line: number } | null {
  if (!maps.has(url)) {
    let map: SourceMap | null = null;
    try {
      const file = url.startsWith("file:") ? fileURLToPath(url) : url;
      if (existsSync(`${file}.map`)) map = new SourceMap(JSON.parse(readFileSync(`${file}.map`, "utf8")));
    } catch {
      map = null;
    }
    maps.set(url, map);
  }
  const entry = maps.get(url)?.findEntry(line, column) as { originalSource?: string; originalLine?: number } | undefined;
  return entry?.originalSource ? { source: entry.originalSource, line: (entry.originalLine ?? 0) + 1 } : null;
}

/** A package name, "app: <file>" for the project's own code, or the path as given. */
function packageOf(raw: string): string {
  const source = decodeURIComponent(raw);
  if (source.startsWith("turbopack:///[turbopack]")) return "turbopack runtime";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  if (pkg) return pkg[1];
  const own = /\[project\]\/(.*)$/.exec(source);
  return own ? `app: ${own[1]}` : source;
}

const short = (file: string) => decodeURIComponent(file).replace(/^.*node_modules\//, "").replace(/^\[project\]\//, "").replace(/^file:\/\//, "");

/**
 * Where a script comes from (a package, also inside Next's server chunks via their source maps;
 * the app's own files; Node itself) and the original file:line.
 */
export function originOf(url: string, fn: string, line = 0, column = 0): { origin: string; where: string } {
  if (!url) return { origin: fn.startsWith("(") ? fn : "(native)", where: "" };
  if (url.startsWith("node:")) return { origin: "node internals", where: `${url}:${line + 1}` };
  if (url.startsWith("wasm://")) return { origin: "wasm (Prisma query compiler)", where: "wasm" };
  if (/\.next\/server\//.test(url) && !/node_modules\/next\//.test(url)) {
    const original = originalSource(url, line, column);
    if (original) return { origin: packageOf(original.source), where: `${short(original.source)}:${original.line}` };
    const chunk = url.replace(/^.*\.next\/server\//, "");
    return { origin: `.next/server ${chunk}`, where: `${chunk}:${line + 1}` };
  }
  return { origin: packageOf(url.replace(/^file:\/\//, "")), where: `${short(url)}:${line + 1}` };
}

/**
 * Self time by origin and by function. With a window (µs on the monotonic clock, as
 * process.hrtime gives it, which V8's profiler also uses), only the samples inside it count.
 */
export function topFunctions(file: string, n = 25, window?: { from: number; to: number }): string {
  const p = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const byId = new Map(p.nodes.map((x) => [x.id, x]));
  const self = new Map<number, number>();
  let t = p.startTime;
  let inWindow = 0;
  for (let i = 0; i < p.samples.length; i++) {
    t += p.timeDeltas[i] ?? 0;
    if (window && (t < window.from || t > window.to)) continue;
    inWindow++;
    self.set(p.samples[i], (self.get(p.samples[i]) ?? 0) + (p.timeDeltas[i] ?? 0));
  }
  if (window && inWindow === 0) return topFunctions(file, n);
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const idle = [...self].filter(([id]) => byId.get(id)?.callFrame.functionName === "(idle)").reduce((a, [, t]) => a + t, 0);
  const busy = total - idle;

  const origins = new Map<string, number>();
  const fns = new Map<string, number>();
  for (const [id, t] of self) {
    const node = byId.get(id)!;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    if (functionName === "(idle)") continue;
    const { origin, where } = originOf(url, functionName, lineNumber, columnNumber);
    origins.set(origin, (origins.get(origin) ?? 0) + t);
    const key = `${functionName || "(anonymous)"}${where ? ` — ${where}` : ""}`;
    fns.set(key, (fns.get(key) ?? 0) + t);
  }
  const pct = (t: number) => `${((t / busy) * 100).toFixed(1)} %`;
  const rows = (m: Map<string, number>, k: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, k)
      .map(([name, t]) => `| ${name.replace(/\|/g, "\\|")} | ${(t / 1000).toFixed(0)} | ${pct(t)} |`);
  return [
    `Busy ${(busy / 1e6).toFixed(1)} s of ${(total / 1e6).toFixed(1)} s ${window ? "during the load" : "profiled"} (the rest idle).`,
    "",
    "| self time by origin | ms | share of busy |",
    "| --- | --- | --- |",
    ...rows(origins, 15),
    "",
    "| self time by function | ms | share of busy |",
    "| --- | --- | --- |",
    ...rows(fns, n),
  ].join("\n");
}
