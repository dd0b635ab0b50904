"use server";

import { headers } from "next/headers";
import { formAction } from "@/app/_actions/action";
import { readyDb } from "@/lib/db/client";
import { createAccount } from "@/lib/accounts/sign-up";
import { signUpSchema, type FieldErrors } from "@/lib/accounts/schemas";
import { createLimiters } from "@/lib/accounts/rate-limit";
import { clientIp } from "@/app/_auth/client-ip";

export type SignUpState = { ok: boolean; errors: FieldErrors; values?: { email: string; name: string } };

export const signUpAction = formAction({
  name: "sign-up",
  session: "optional",
  fields: ["email", "name", "password", "timeZone", "locale"],
  input: signUpSchema,
  echo: (f): Partial<SignUpState> => ({ values: { email: typeof f.email === "string" ? f.email : "", name: typeof f.name === "string" ? f.name : "" } }),
  async run({ input }, f): Promise<SignUpState> {
    const values = { email: String(f.email), name: String(f.name) };
    const db = await readyDb();
    // Counted in the database (shared by every server), and only for valid input: invalid input
    // was answered by the wrapper before anything is counted or written.
    try {
      await createLimiters(db).signUpByIp.consume(clientIp(await headers()), 1);
    } catch {
      return { ok: false, errors: { form: "rate-limited" }, values };
    }
    const result = await createAccount(db, input);
    if (!result.ok) return { ok: false, errors: result.errors, values };
    return { ok: true, errors: {} };
  },
});
