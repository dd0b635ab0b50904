import { currentUser, type CurrentUser } from "./current-user";

export type Refused = { ok: false; error: "unauthorized" };

/**
 * Runs a server action body only for a signed-in learner; the learner comes from the session,
 * never from the action's input.
 */
export async function withUser<T>(fn: (user: CurrentUser) => Promise<T>): Promise<T | Refused> {
  const user = await currentUser();
  if (!user) return { ok: false, error: "unauthorized" };
  return fn(user);
}
