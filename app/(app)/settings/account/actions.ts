"use server";

import { RateLimiterMemory } from "rate-limiter-flexible";
import { currentUser } from "@/app/_auth/current-user";
import { readyDb } from "@/lib/db/client";
import { deleteAccount } from "@/lib/accounts/delete";
import type { FieldErrors } from "@/lib/accounts/schemas";

/** Values are message keys under "account.delete.errors". */
export type DeleteAccountState = { ok: boolean; errors: FieldErrors };

// Wrong passwords per learner: a stolen session must not become a password oracle. In memory on
// purpose, so a wrong password writes nothing to the database.
const WRONG_PASSWORDS = { points: 5, duration: 15 * 60 };
const wrongPasswords = new RateLimiterMemory({ keyPrefix: "delete-account", ...WRONG_PASSWORDS });

export async function deleteAccountAction(_prev: DeleteAccountState, form: FormData): Promise<DeleteAccountState> {
  const user = await currentUser();
  if (!user) return { ok: false, errors: { form: "unauthorized" } };
  if (!(form instanceof FormData)) return { ok: false, errors: { form: "badInput" } };
  const tries = await wrongPasswords.get(user.id);
  if (tries && tries.consumedPoints >= WRONG_PASSWORDS.points) return { ok: false, errors: { form: "rateLimited" } };

  const result = await deleteAccount(await readyDb(), user.id, { password: form.get("password") ?? undefined });
  if (!result.ok) {
    if (result.errors.password === "password.wrong") await wrongPasswords.penalty(user.id, 1);
    return { ok: false, errors: result.errors };
  }
  // The session already opens nothing (its learner is gone); the form signs out next, which
  // removes the cookie. Changing cookies here would re-render this page before it can.
  return { ok: true, errors: {} };
}
