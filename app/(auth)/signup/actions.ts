"use server";

import { headers } from "next/headers";
import { readyDb } from "@/lib/db/client";
import { createAccount } from "@/lib/accounts/sign-up";
import { fieldErrors, signUpSchema, type FieldErrors } from "@/lib/accounts/schemas";
import { createLimiters } from "@/lib/accounts/rate-limit";
import { clientIp } from "@/app/_auth/client-ip";

export type SignUpState = { ok: boolean; errors: FieldErrors; values?: { email: string; name: string } };

export async function signUpAction(_prev: SignUpState, form: FormData): Promise<SignUpState> {
  if (!(form instanceof FormData)) return { ok: false, errors: { form: "badInput" } };
  const raw = {
    email: form.get("email"),
    name: form.get("name"),
    password: form.get("password"),
    timeZone: form.get("timeZone") ?? undefined,
    locale: form.get("locale") ?? undefined,
  };
  const values = { email: String(raw.email ?? ""), name: String(raw.name ?? "") };
  // Invalid input is answered before anything is counted or written.
  const parsed = signUpSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error), values };
  const db = await readyDb();
  try {
    await createLimiters(db).signUpByIp.consume(clientIp(await headers()), 1);
  } catch {
    return { ok: false, errors: { form: "rateLimited" }, values };
  }
  const result = await createAccount(db, raw);
  if (!result.ok) return { ok: false, errors: result.errors, values };
  return { ok: true, errors: {} };
}
