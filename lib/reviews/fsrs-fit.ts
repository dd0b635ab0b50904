import { lockLearner, type Db } from "@/lib/db/client";
import { fsrsParams } from "@/lib/core/srs/fsrs";
import { parseWeights } from "@/lib/core/srs";
import type { FitOutcome } from "@/lib/ops/fsrs-optimize";
import { loadMemoryEvents } from "@/lib/progress/prediction";
import { applySwitch, readUserAlgorithm } from "./switch-algorithm";

/** A fit started longer ago than this and never finished (the process died) may be started again. */
const STALE_FIT_MS = 10 * 60_000;

export type FitStatus = "running" | "kept" | "not-better" | "too-few" | "failed";

/**
 * Marks a fit of the learner's FSRS weights as running, unless one already runs: a double click
 * starts one fit. The fit itself (runFit) runs after the response, off the request path.
 */
export async function claimFit(db: Db, userId: string, now: Date): Promise<boolean> {
  const claimed = await db.user.updateMany({
    where: { id: userId, OR: [{ fsrsFitStatus: { not: "running" } }, { fsrsFitStatus: null }, { fsrsFitAt: { lt: new Date(now.getTime() - STALE_FIT_MS) } }] },
    data: { fsrsFitStatus: "running", fsrsFitAt: now },
  });
  return claimed.count === 1;
}

/**
 * Fits the learner's FSRS weights to their own history (lib/ops/fsrs-optimize: at least 400 scored
 * reviews, kept only when they predict the newest 20 % better than the defaults) and stores them.
 * A learner on FSRS is switched to the new weights in the same transaction (every card's memory
 * recomputed from its history, logged as a switch); an SM-2 learner gets them when choosing FSRS.
 * `clock` gives the moment the result commits (the fit takes seconds; grades may come meanwhile).
 */
export async function runFit(db: Db, userId: string, clock: () => Date): Promise<FitOutcome | null> {
  const user = await readUserAlgorithm(db, userId);
  if (!user) return null;
  let fit: FitOutcome;
  try {
    const events = await loadMemoryEvents(db, { id: userId, timeZone: user.timeZone, rolloverHour: user.rolloverHour, newPerDay: 0, maxReviewsPerDay: 0 });
    const weights = parseWeights(user.fsrsWeights);
    // Loaded on first use: the native optimizer stays out of every other request.
    const { fitForLearner } = await import("@/lib/ops/fsrs-optimize");
    fit = await fitForLearner(events, fsrsParams({ desiredRetention: user.desiredRetention, ...(weights ? { weights } : {}) }));
  } catch (e) {
    await db.user.update({ where: { id: userId }, data: { fsrsFitStatus: "failed", fsrsFitAt: clock() } });
    throw e;
  }
  await db.$transaction(async (tx) => {
    await lockLearner(tx, userId);
    // The switch takes effect when it commits: grades made while the optimizer ran keep their weights.
    const now = clock();
    const current = await readUserAlgorithm(tx, userId);
    if (!current) return;
    const status: FitStatus = fit.status === "too-few" ? "too-few" : fit.kept ? "kept" : "not-better";
    await tx.user.update({ where: { id: userId }, data: { fsrsFitStatus: status, fsrsFitAt: now } });
    if (fit.status !== "fitted" || !fit.kept) return;
    const fsrsWeights = JSON.stringify(fit.weights);
    if (current.algorithm === "fsrs") await applySwitch(tx, current, { algorithm: "fsrs", desiredRetention: current.desiredRetention, fsrsWeights }, now);
    else await tx.user.update({ where: { id: userId }, data: { fsrsWeights } });
  });
  return fit;
}
