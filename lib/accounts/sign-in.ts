import type { Db } from "@/lib/db/client";
import { signInSchema } from "./schemas";
import { dummyPasswordHash, verifyPassword } from "./password";
import { blockedFor, countFailure, SIGN_IN_LIMIT, type Limiters } from "./rate-limit";

export type SignInResult =
  | { ok: true; user: { id: string; name: string; email: string; sessionVersion: number } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "rate-limited"; retryAfterSec: number };

/**
 * Checks credentials with one generic failure for unknown email and wrong password (no account
 * enumeration), and refuses while the email or the client address is over its failure budget.
 */
export async function verifyCredentials(
  db: Db,
  limiters: Limiters,
  input: { email: unknown; password: unknown; clientIp: string },
): Promise<SignInResult> {
  const parsed = signInSchema.safeParse({ email: input.email, password: input.password });
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;
  const ipKey = input.clientIp || "unknown";

  const wait = Math.max(
    await blockedFor(limiters.signInByEmail, email, SIGN_IN_LIMIT.points),
    await blockedFor(limiters.signInByIp, ipKey, SIGN_IN_LIMIT.points * 3),
  );
  if (wait > 0) return { ok: false, reason: "rate-limited", retryAfterSec: wait };

  const user = await db.user.findUnique({ where: { email } });
  const good = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (user && good) {
    await limiters.signInByEmail.delete(email);
    return { ok: true, user: { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion } };
  }

  // The address is counted first: once it is over its budget, no new email counters are made,
  // so one client adds at most SIGN_IN_LIMIT.points * 3 rows per window, whatever emails it tries.
  await limiters.sweep();
  const afterIp = await countFailure(limiters.signInByIp, ipKey);
  if (afterIp > 0) return { ok: false, reason: "rate-limited", retryAfterSec: afterIp };
  const after = await countFailure(limiters.signInByEmail, email);
  if (after > 0) return { ok: false, reason: "rate-limited", retryAfterSec: after };
  return { ok: false, reason: "invalid" };
}
