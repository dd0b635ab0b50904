"use server";

import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { formAction } from "@/app/_actions/action";
import { readyDb } from "@/lib/db/client";
import { updateSettings } from "@/lib/accounts/settings";
import { settingsSchema, type FieldErrors } from "@/lib/accounts/schemas";
import { localeCookie } from "@/app/_i18n/locale-cookie";

export type SettingsState = { ok: boolean; errors: FieldErrors; savedAt?: number };

export const saveSettingsAction = formAction({
  name: "save-settings",
  session: "required",
  fields: ["name", "locale", "timeZone", "rolloverHour", "newPerDay", "maxReviewsPerDay"],
  input: settingsSchema,
  async run({ user, input }): Promise<SettingsState> {
    const saved = await updateSettings(await readyDb(), user.id, input);
    if (!saved.ok) return { ok: false, errors: saved.errors };
    (await cookies()).set(localeCookie(input.locale));
    revalidatePath("/", "layout");
    return { ok: true, errors: {}, savedAt: Date.now() };
  },
});
