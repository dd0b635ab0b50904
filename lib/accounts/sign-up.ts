import { isUniqueViolation, type Db } from "@/lib/db/client";
import { fieldErrors, signUpSchema, type FieldErrors } from "./schemas";
import { hashPassword } from "./password";

export type SignUpResult = { ok: true; userId: string } | { ok: false; errors: FieldErrors };

export async function createAccount(db: Db, raw: unknown): Promise<SignUpResult> {
  const parsed = signUpSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const { email, name, password, timeZone, locale } = parsed.data;

  if (await db.user.findUnique({ where: { email }, select: { id: true } })) {
    return { ok: false, errors: { email: "email.taken" } };
  }
  const passwordHash = await hashPassword(password);
  try {
    const user = await db.user.create({ data: { email, name, passwordHash, timeZone, locale } });
    return { ok: true, userId: user.id };
  } catch (e) {
    // Two sign-ups racing for one email: the unique index decides.
    if (isUniqueViolation(e)) return { ok: false, errors: { email: "email.taken" } };
    throw e;
  }
}
