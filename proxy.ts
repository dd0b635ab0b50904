import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";

const PUBLIC = ["/", "/signin", "/signup"];

/**
 * A fast first gate: requests without a session token go to sign-in and come back after. Pages
 * still check the session against the database (a signed-out token is refused there).
 */
export async function proxy(req: NextRequest) {
  const { pathname, search } = req.nextUrl;
  const forwarded = new Headers(req.headers);
  forwarded.set("x-pathname", pathname + search);
  if (!PUBLIC.includes(pathname)) {
    const token = await getToken({ req, secret: process.env.NEXTAUTH_SECRET });
    if (!token) {
      const url = new URL("/signin", req.url);
      url.searchParams.set("callbackUrl", pathname + search);
      return NextResponse.redirect(url);
    }
  }
  return NextResponse.next({ request: { headers: forwarded } });
}

export const config = {
  // Everything but Next's assets, the auth endpoints and the health check.
  matcher: ["/((?!_next/|api/auth|api/health|favicon|icon|robots.txt).*)"],
};
