import { readdirSync, readFileSync } from "node:fs";

/** Resident memory (VmRSS, MB) of a process and all its descendants, from /proc. */
export function treeRssMB(pid: number): number {
  let kb = 0;
  for (const p of tree(pid)) {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, "utf8"));
      if (m) kb += Number(m[1]);
    } catch {
      // gone
    }
  }
  return kb / 1024;
}

/** Tracks the highest value seen between samples. */
export class RssSampler {
  peak = 0;
  constructor(private readonly pid: number) {}
  sample(): number {
    const mb = treeRssMB(this.pid);
    if (mb > this.peak) this.peak = mb;
    return mb;
  }
}

/** Process ids of a process and all its descendants. */
function tree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // gone
    }
  }
  const out: number[] = [];
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    out.push(p);
    stack.push(...(children.get(p) ?? []));
  }
  return out;
}

/** CPU time (clock ticks) used so far by the given process trees (each process counted once). */
function treesTicks(pids: number[]): number {
  let ticks = 0;
  for (const p of new Set(pids.flatMap(tree))) {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
    } catch {
      // gone
    }
  }
  return ticks;
}

/**
 * CPU milliseconds a process tree has used so far (clock ticks of 10 ms). Per request, it says
 * what a page costs the server even when other work on the machine stretches the latencies.
 */
export function treeCpuMs(pid: number): number {
  return treesTicks([pid]) * 10;
}

/** Busy and total clock ticks of the whole machine, from /proc/stat. */
function machineTicks(): { busy: number; total: number } {
  const cpu = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
  const total = cpu.slice(0, 8).reduce((a, b) => a + b, 0);
  const idle = cpu[3] + (cpu[4] ?? 0);
  return { busy: total - idle, total };
}

/**
 * How much of the machine other processes used while the benchmark ran: the benchmark shares
 * the cores with whatever else runs, and its figures mean little when that is a lot.
 */
export class CpuWatch {
  private readonly m0 = machineTicks();
  private readonly ours0: number;
  constructor(private readonly pids: () => number[]) {
    this.ours0 = treesTicks(this.pids());
  }
  /** Shares of all cores' time since construction: ours (runner + servers) and everybody else's. */
  read(): { ours: number; others: number } {
    const m = machineTicks();
    const total = m.total - this.m0.total;
    const ours = treesTicks(this.pids()) - this.ours0;
    const busy = m.busy - this.m0.busy;
    return { ours: total > 0 ? ours / total : NaN, others: total > 0 ? Math.max(0, busy - ours) / total : NaN };
  }
}
