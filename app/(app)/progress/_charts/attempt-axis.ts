/**
 * The quiz history's x axis runs by attempt, not by clock: several attempts on one day would
 * otherwise sit on one vertical line under a date repeated at every tick. Each day is labelled
 * once, at its first attempt; with more days than `max`, every k-th day keeps its label.
 */
export function attemptTicks(days: readonly string[], max: number): number[] {
  const firsts = days.flatMap((d, i) => (i === 0 || d !== days[i - 1] ? [i] : []));
  const step = Math.max(1, Math.ceil(firsts.length / Math.max(1, max)));
  return firsts.filter((_, k) => k % step === 0);
}
