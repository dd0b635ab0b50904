/**
 * Closed-loop load: `concurrency` workers each send one request, wait for the answer, and send
 * the next, for a fixed time. Operations completing inside the measured window (after the
 * warm-up) give the latencies and the throughput.
 */
export interface Worker {
  /**
   * One operation; resolves to false when it failed (counted, not timed as a success), or to null
   * for setup work between operations (e.g. taking the next account), which is neither.
   */
  step(): Promise<boolean | null>;
}

export interface LoadResult {
  concurrency: number;
  seconds: number;
  ok: number;
  errors: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Workers that ran out of work before the end (e.g. an exhausted account pool). */
  exhausted: number;
  firstError?: string;
}

export class Exhausted extends Error {}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export async function runLoad(opts: {
  concurrency: number;
  warmupMs: number;
  durationMs: number;
  makeWorker: (index: number) => Worker | Promise<Worker>;
  /** Called every ~250 ms while the load runs (e.g. to sample the server's memory). */
  onTick?: () => void;
  /** Keep the window open (up to 4 × the duration) until this many operations completed in it. */
  minSamples?: number;
}): Promise<LoadResult> {
  const workers = await Promise.all(Array.from({ length: opts.concurrency }, (_, i) => opts.makeWorker(i)));
  const start = performance.now();
  const measureFrom = start + opts.warmupMs;
  let end = measureFrom + opts.durationMs;
  const hardEnd = measureFrom + 4 * opts.durationMs;
  const minSamples = opts.minSamples ?? 0;
  const latencies: number[] = [];
  let ok = 0;
  let errors = 0;
  let exhausted = 0;
  let firstError: string | undefined;
  const tick = opts.onTick ? setInterval(opts.onTick, 250) : undefined;

  await Promise.all(
    workers.map(async (w) => {
      while (performance.now() < end || (ok + errors < minSamples && performance.now() < hardEnd)) {
        const t0 = performance.now();
        let good: boolean | null = false;
        try {
          good = await w.step();
        } catch (e) {
          if (e instanceof Exhausted) {
            exhausted++;
            return;
          }
          firstError ??= e instanceof Error ? e.message : String(e);
        }
        const t1 = performance.now();
        if (good === null || t1 < measureFrom) continue;
        if (t1 > end) {
          if (ok + errors >= minSamples || t1 > hardEnd) continue;
          end = t1; // a slow endpoint: the window grows until it has enough samples
        }
        if (good) {
          ok++;
          latencies.push(t1 - t0);
        } else {
          errors++;
        }
      }
    }),
  );
  if (tick) clearInterval(tick);
  latencies.sort((a, b) => a - b);
  const seconds = (end - measureFrom) / 1000;
  return {
    concurrency: opts.concurrency,
    seconds,
    ok,
    errors,
    rps: ok / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? NaN,
    exhausted,
    firstError,
  };
}
