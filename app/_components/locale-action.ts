"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { jsonAction } from "@/app/_actions/action";
import { readyDb } from "@/lib/db/client";
import { updateLocale } from "@/lib/accounts/settings";
import { localeSchema } from "@/lib/accounts/schemas";
import { localeCookie } from "@/app/_i18n/locale-cookie";

/** Works signed out too (cookie only); signed in, the choice is saved on the account. */
export const setLocaleAction = jsonAction({
  name: "set-locale",
  session: "optional",
  input: z.strictObject({ locale: localeSchema }),
  async run({ user, input }): Promise<{ ok: true }> {
    (await cookies()).set(localeCookie(input.locale));
    if (user) await updateLocale(await readyDb(), user.id, input.locale);
    return { ok: true };
  },
});
