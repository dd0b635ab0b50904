import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { createAccount } from "@/lib/accounts/sign-up";

export async function makeUser(db: Db, over: Partial<{ email: string; name: string; password: string; timeZone: string }> = {}) {
  const email = over.email ?? `learner-${randomUUID().slice(0, 8)}@example.com`;
  const result = await createAccount(db, {
    email,
    name: over.name ?? "Learner",
    password: over.password ?? "correct horse battery",
    timeZone: over.timeZone ?? "UTC",
    locale: "en",
  });
  if (!result.ok) throw new Error(`makeUser failed: ${JSON.stringify(result.errors)}`);
  return db.user.findUniqueOrThrow({ where: { id: result.userId } });
}
