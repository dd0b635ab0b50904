"use server";

import { RateLimiterMemory } from "rate-limiter-flexible";
import { formAction } from "@/app/_actions/action";
import { readyDb } from "@/lib/db/client";
import { deleteAccount, deleteAccountSchema } from "@/lib/accounts/delete";
import type { FieldErrors } from "@/lib/accounts/schemas";

/** Values are error codes or message keys under "account.delete.errors" (see app/_actions/errors). */
export type DeleteAccountState = { ok: boolean; errors: FieldErrors };

// Wrong passwords per learner: a stolen session must not become a password oracle. In memory on
// purpose, so a wrong password writes nothing to the database.
const WRONG_PASSWORDS = { points: 5, duration: 15 * 60 };
const wrongPasswords = new RateLimiterMemory({ keyPrefix: "delete-account", ...WRONG_PASSWORDS });

export const deleteAccountAction = formAction({
  name: "delete-account",
  session: "required",
  fields: ["password"],
  input: deleteAccountSchema,
  async run({ user, input }): Promise<DeleteAccountState> {
    const tries = await wrongPasswords.get(user.id);
    if (tries && tries.consumedPoints >= WRONG_PASSWORDS.points) return { ok: false, errors: { form: "rate-limited" } };
    const result = await deleteAccount(await readyDb(), user.id, input);
    if (!result.ok) {
      if (result.errors.password === "password.wrong") await wrongPasswords.penalty(user.id, 1);
      return { ok: false, errors: result.errors };
    }
    // The session already opens nothing (its learner is gone); the form signs out next, which
    // removes the cookie. Changing cookies here would re-render this page before it can.
    return { ok: true, errors: {} };
  },
});
