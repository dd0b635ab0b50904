"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { plainFormAction } from "@/app/_actions/action";
import { readyDb } from "@/lib/db/client";
import { endSessions } from "@/lib/accounts/settings";

// next-auth's session cookie: "__Secure-" behind https, and ".0", ".1"… when a large JWT is split.
const SESSION_COOKIE = /^(__Secure-)?next-auth\.session-token(\.\d+)?$/;

/**
 * Ends the session from a plain form post, so signing out needs no client JavaScript. A post
 * from another site never gets here: proxy.ts refuses cross-origin action posts, forms included.
 * The form's fields carry nothing the action reads.
 */
export const signOutAction = plainFormAction({
  name: "sign-out",
  session: "optional",
  async run({ user }) {
    // Bumping the version refuses every copy of the JWT, not just the cookie this browser drops.
    if (user) await endSessions(await readyDb(), user.id);
    const jar = await cookies();
    for (const { name } of jar.getAll()) {
      if (SESSION_COOKIE.test(name)) jar.delete({ name, path: "/", httpOnly: true, sameSite: "lax", secure: name.startsWith("__Secure-") });
    }
    redirect("/signin?signedOut=1");
  },
});
