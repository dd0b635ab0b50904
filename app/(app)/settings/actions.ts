"use server";

import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { currentUser } from "@/app/_auth/current-user";
import { readyDb } from "@/lib/db/client";
import { updateSettings } from "@/lib/accounts/settings";
import type { FieldErrors } from "@/lib/accounts/schemas";

/** `values`: what a refused save sent, so the form shows it again (also without JavaScript). */
export type SettingsState = { ok: boolean; errors: FieldErrors; savedAt?: number; values?: Record<string, string> };

const FIELDS = ["name", "locale", "timeZone", "rolloverHour", "newPerDay", "maxReviewsPerDay"] as const;

export async function saveSettingsAction(_prev: SettingsState, form: FormData): Promise<SettingsState> {
  const user = await currentUser();
  if (!user) return { ok: false, errors: { form: "unauthorized" } };
  // Posted by hand rather than by the form: not form data at all.
  if (!(form instanceof FormData)) return { ok: false, errors: { form: "badInput" } };
  const raw = Object.fromEntries(FIELDS.map((f) => [f, form.get(f) ?? undefined]));
  const saved = await updateSettings(await readyDb(), user.id, raw);
  if (!saved.ok) return { ok: false, errors: saved.errors, values: Object.fromEntries(FIELDS.map((f) => [f, String(raw[f] ?? "")])) };
  (await cookies()).set("NEXT_LOCALE", String(raw.locale), { path: "/", sameSite: "lax", maxAge: 365 * 24 * 3600 });
  revalidatePath("/", "layout");
  return { ok: true, errors: {}, savedAt: Date.now() };
}
