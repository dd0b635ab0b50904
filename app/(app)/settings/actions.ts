"use server";

import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { formAction } from "@/app/_actions/action";
import { readyDb } from "@/lib/db/client";
import { updateSettings } from "@/lib/accounts/settings";
import { settingsSchema, type FieldErrors } from "@/lib/accounts/schemas";
import { localeCookie } from "@/app/_i18n/locale-cookie";

/** `values`: what a refused save sent, so the form shows it again (also without JavaScript). */
export type SettingsState = { ok: boolean; errors: FieldErrors; savedAt?: number; values?: Record<string, string> };

const valuesOf = (fields: Record<string, unknown>) => Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, typeof v === "string" ? v : ""]));

export const saveSettingsAction = formAction({
  name: "save-settings",
  session: "required",
  fields: ["name", "locale", "timeZone", "rolloverHour", "newPerDay", "maxReviewsPerDay"],
  input: settingsSchema,
  // A refused save sends back what was typed, so the form shows it again (also without JavaScript).
  echo: (fields) => ({ values: valuesOf(fields) }),
  async run({ user, input }, fields): Promise<SettingsState> {
    const saved = await updateSettings(await readyDb(), user.id, input);
    if (!saved.ok) return { ok: false, errors: saved.errors, values: valuesOf(fields) };
    (await cookies()).set(localeCookie(input.locale));
    revalidatePath("/", "layout");
    return { ok: true, errors: {}, savedAt: Date.now() };
  },
});
