import { cache } from "react";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { readyDb } from "@/lib/db/client";
import { readSessionUser } from "@/lib/accounts/session-user";
import { authOptions } from "./options";

export type CurrentUser = NonNullable<Awaited<ReturnType<typeof loadUser>>>;

async function loadUser() {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (!id) return null;
  const user = await readSessionUser(await readyDb(), id);
  // A JWT issued before the last sign-out carries an older version: that session has ended.
  if (!user || user.sessionVersion !== session.user.sv) return null;
  return user;
}

/** The signed-in learner, checked against the database once per request. */
export const currentUser = cache(loadUser);

/** For pages: the learner, or a redirect to sign-in that comes back to this page. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await currentUser();
  if (user) return user;
  const path = (await headers()).get("x-pathname") ?? "/";
  redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
}
