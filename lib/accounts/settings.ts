import type { Db } from "@/lib/db/client";
import { fieldErrors, settingsSchema, type FieldErrors } from "./schemas";

export type SettingsResult = { ok: true } | { ok: false; errors: FieldErrors };

export async function updateSettings(db: Db, userId: string, raw: unknown): Promise<SettingsResult> {
  const parsed = settingsSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  await db.user.update({ where: { id: userId }, data: parsed.data });
  return { ok: true };
}

export async function updateLocale(db: Db, userId: string, locale: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { locale } });
}

/** Ends every session of the user: JWTs carry the version they were issued with. */
export async function endSessions(db: Db, userId: string): Promise<void> {
  // updateMany: signing out right after the account was deleted is not an error.
  await db.user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}
