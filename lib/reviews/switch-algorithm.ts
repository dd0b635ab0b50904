import { z } from "zod";
import { v7 as uuidv7 } from "uuid";
import { lockLearner, type Db, type DbTx } from "@/lib/db/client";
import { rescheduleUnder, sameSchedule } from "@/lib/core/srs";
import { DEFAULT_FSRS_PARAMS, MAX_DESIRED_RETENTION, MIN_DESIRED_RETENTION } from "@/lib/core/srs/fsrs";
import type { FieldErrors } from "@/lib/accounts/schemas";
import { fieldErrors } from "@/lib/accounts/schemas";
import { learnerAlgorithm, type StoredAlgorithm } from "./algorithm";
import { readUserRows, writeOutcome, readSchedule } from "./schedule-store";

/** What Settings posts: the algorithm and FSRS's desired retention (kept for SM-2 learners too). */
export const algorithmSchema = z.strictObject({
  algorithm: z.enum(["sm2", "fsrs"], { error: "algorithm.invalid" }),
  desiredRetention: z.coerce
    .number({ error: "desiredRetention.invalid" })
    .refine(Number.isFinite, { error: "desiredRetention.invalid" })
    .min(MIN_DESIRED_RETENTION, { error: "desiredRetention.range" })
    .max(MAX_DESIRED_RETENTION, { error: "desiredRetention.range" }),
});

export type AlgorithmResult = { ok: true; switched: boolean } | { ok: false; errors: FieldErrors };

interface UserAlgorithmRow extends StoredAlgorithm {
  id: string;
  timeZone: string;
  rolloverHour: number;
}

/**
 * Puts `next` in force from `now` on, in the caller's transaction (after lockLearner): records the
 * switch, stores the settings and gives every card the schedule the replay of its own log gives
 * under the new algorithm (lib/core/srs/replay `rescheduleUnder`). SM-2 → FSRS computes each card's
 * FSRS memory from its history; FSRS → SM-2 restores exactly the SM-2 schedules. Nothing is
 * deleted, so switching back and forth loses nothing, and the replay check recomputes the same.
 */
export async function applySwitch(tx: DbTx, user: UserAlgorithmRow, next: StoredAlgorithm, now: Date): Promise<void> {
  const weights = next.algorithm === "fsrs" ? (next.fsrsWeights ?? JSON.stringify(DEFAULT_FSRS_PARAMS.weights)) : null;
  await tx.algorithmSwitch.create({ data: { id: uuidv7(), userId: user.id, at: now, algorithm: next.algorithm, desiredRetention: next.desiredRetention, weights } });
  await tx.user.update({ where: { id: user.id }, data: { algorithm: next.algorithm, desiredRetention: next.desiredRetention, fsrsWeights: next.fsrsWeights } });
  const algorithm = learnerAlgorithm(next);
  const zone = { timeZone: user.timeZone, rolloverHour: user.rolloverHour };
  for (const [cardId, rows] of await readUserRows(tx, user.id)) {
    const schedule = rescheduleUnder(rows, algorithm, zone);
    const stored = await readSchedule(tx, user.id, cardId);
    // No standing grade: nothing to reschedule (a state without one is the replay check's to report).
    if (!stored || !schedule || sameSchedule(stored.schedule, schedule)) continue;
    const written = await writeOutcome(tx, user.id, cardId, stored, schedule, null, { requestId: "", durationMs: 0 });
    if (!written) throw new Error(`switch: the state of card ${cardId} moved underneath`);
  }
}

export async function readUserAlgorithm(tx: DbTx, userId: string): Promise<UserAlgorithmRow | null> {
  return tx.user.findUnique({ where: { id: userId }, select: { id: true, timeZone: true, rolloverHour: true, algorithm: true, desiredRetention: true, fsrsWeights: true } });
}

/**
 * Settings: choose SM-2 or FSRS and FSRS's desired retention. One transaction; a change of
 * algorithm, or of the retention while FSRS schedules, is a switch (applySwitch). Submitting what
 * is already in force changes nothing, so a double submission is applied once.
 */
export async function setAlgorithm(db: Db, userId: string, raw: unknown, now: Date): Promise<AlgorithmResult> {
  const parsed = algorithmSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const { algorithm, desiredRetention } = parsed.data;
  return db.$transaction(async (tx) => {
    await lockLearner(tx, userId);
    const user = await readUserAlgorithm(tx, userId);
    if (!user) return { ok: false as const, errors: { form: "unauthorized" } };
    const schedulingChanges = user.algorithm !== algorithm || (algorithm === "fsrs" && user.desiredRetention !== desiredRetention);
    if (!schedulingChanges) {
      if (user.desiredRetention !== desiredRetention) await tx.user.update({ where: { id: userId }, data: { desiredRetention } });
      return { ok: true as const, switched: false };
    }
    await applySwitch(tx, user, { algorithm, desiredRetention, fsrsWeights: user.fsrsWeights }, now);
    return { ok: true as const, switched: true };
  });
}
