import NextAuth from "next-auth";
import { authOptions } from "@/app/_auth/options";
import { currentUser } from "@/app/_auth/current-user";

const handler = NextAuth(authOptions);

type Ctx = { params: Promise<{ nextauth: string[] }> };

/**
 * next-auth answers /api/auth/session from the JWT alone. A signed-out or deleted session (its
 * version no longer the learner's) opens no page, so it gets no session here either: the same
 * empty answer as without a cookie.
 */
async function GET(req: Request, ctx: Ctx) {
  const { nextauth } = await ctx.params;
  if (nextauth.join("/") === "session" && !(await currentUser())) {
    return Response.json({}, { headers: { "Cache-Control": "private, no-cache, no-store" } });
  }
  return handler(req, ctx);
}

export { GET, handler as POST };
