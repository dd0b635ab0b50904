import { z } from "zod";
import { lockLearner, type Db } from "@/lib/db/client";
import { fieldErrors, type FieldErrors } from "./schemas";
import { verifyPassword } from "./password";

/** The confirmation form: the current password, nothing else (the learner comes from the session). */
export const deleteAccountSchema = z.strictObject({
  password: z.string({ error: "password.required" }).min(1, { error: "password.required" }).max(128, { error: "password.wrong" }),
});

export type DeleteAccountResult = { ok: true; deleted: { reviewStates: number; reviewLogs: number; quizAttempts: number } } | { ok: false; errors: FieldErrors };

/**
 * Deletes a learner and everything of theirs — review states, review log, quiz attempts and their
 * questions, and the sign-in failure counter kept under their email — in one transaction, after
 * checking their password. A wrong password writes nothing. Cards, decks and other learners are
 * untouched. Error values are message keys under "account.delete.errors".
 */
export async function deleteAccount(db: Db, userId: string, raw: unknown): Promise<DeleteAccountResult> {
  const parsed = deleteAccountSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };

  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, passwordHash: true } });
  if (!user) return { ok: false, errors: { form: "gone" } };
  // Checked before the transaction: hashing takes tens of milliseconds, the write lock should not.
  if (!(await verifyPassword(user.passwordHash, parsed.data.password))) return { ok: false, errors: { password: "password.wrong" } };

  return db.$transaction(async (tx) => {
    await lockLearner(tx, userId); // PostgreSQL: never interleaved with this learner's grades
    // The password checked must still be the account's: a change in between means start over.
    const still = await tx.user.findFirst({ where: { id: userId, passwordHash: user.passwordHash }, select: { id: true } });
    if (!still) return { ok: false as const, errors: { form: "gone" } };
    // The foreign keys cascade too; deleting explicitly keeps this right even on a connection
    // where SQLite's foreign_keys pragma is off, and gives the counts.
    const attempts = await tx.quizAttempt.findMany({ where: { userId }, select: { id: true } });
    await tx.quizQuestion.deleteMany({ where: { attemptId: { in: attempts.map((a) => a.id) } } });
    const quizAttempts = await tx.quizAttempt.deleteMany({ where: { userId } });
    const reviewLogs = await tx.reviewLog.deleteMany({ where: { userId } });
    const reviewStates = await tx.reviewState.deleteMany({ where: { userId } });
    await tx.rateLimiterFlexible.deleteMany({ where: { key: `signin-email:${user.email}` } });
    await tx.user.delete({ where: { id: userId } });
    return { ok: true as const, deleted: { reviewStates: reviewStates.count, reviewLogs: reviewLogs.count, quizAttempts: quizAttempts.count } };
  });
}
