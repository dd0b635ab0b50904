"use server";

import { currentUser } from "@/app/_auth/current-user";

/**
 * The benchmark's framework floor (`npm run bench`): an authenticated server action that does
 * nothing else, so the grade action's latency can be compared with what any action costs.
 */
export async function noopAction(raw: unknown): Promise<{ ok: boolean }> {
  void raw;
  const user = await currentUser();
  if (!user) return { ok: false };
  return { ok: true };
}
