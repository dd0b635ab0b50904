"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { currentUser } from "@/app/_auth/current-user";
import { readyDb } from "@/lib/db/client";
import { updateLocale } from "@/lib/accounts/settings";
import { localeSchema } from "@/lib/accounts/schemas";

const input = z.strictObject({ locale: localeSchema });

/** Works signed out too (cookie only); signed in, the choice is saved on the account. */
export async function setLocaleAction(raw: unknown): Promise<{ ok: boolean; error?: string }> {
  const parsed = input.safeParse(raw);
  if (!parsed.success) return { ok: false, error: "badInput" };
  const { locale } = parsed.data;
  (await cookies()).set("NEXT_LOCALE", locale, { path: "/", sameSite: "lax", maxAge: 365 * 24 * 3600 });
  const user = await currentUser();
  if (user) await updateLocale(await readyDb(), user.id, locale);
  return { ok: true };
}
