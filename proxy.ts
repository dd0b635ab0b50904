import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { ACTION_BODY_LIMIT, checkFormBody, checkJsonBody, type BodyVerdict } from "@/lib/security/action-body";

const PUBLIC = ["/", "/signin", "/signup"];

/** Per-request CSP: scripts only with this response's nonce (Next puts it on its own scripts). */
function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    // React's development build evaluates code; production never gets 'unsafe-eval'.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${process.env.NODE_ENV === "development" ? " 'unsafe-eval'" : ""}`,
    // React's style attributes (progress bars) need inline styles; scripts never get 'unsafe-*'.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * A server action post. With JavaScript it carries a Next-Action header; a form posted without
 * JavaScript (or before hydration) carries the action id in its body instead. Pages take POSTs
 * only for actions (route handlers live under /api), so every POST to a page counts as one.
 */
function isActionPost(req: NextRequest): boolean {
  return req.method === "POST" && (req.headers.has("next-action") || !req.nextUrl.pathname.startsWith("/api/"));
}

/** A server action posted from another site: refused before it reaches Next's handler. */
function crossOriginAction(req: NextRequest): boolean {
  if (!isActionPost(req)) return false;
  const origin = req.headers.get("origin");
  if (!origin) return true;
  try {
    return new URL(origin).host !== (req.headers.get("x-forwarded-host") ?? req.headers.get("host"));
  } catch {
    return true;
  }
}

/** Screens a server action's body on a copy, so the action itself still reads the original. */
async function screenActionBody(req: NextRequest): Promise<BodyVerdict> {
  if (Number(req.headers.get("content-length") ?? 0) > ACTION_BODY_LIMIT) return { ok: false, status: 413, reason: "body too large" };
  const type = req.headers.get("content-type") ?? "";
  try {
    if (type.startsWith("text/plain")) return checkJsonBody(await req.clone().text());
    if (type.startsWith("multipart/form-data")) {
      const text = await req.clone().text();
      if (text.length > ACTION_BODY_LIMIT) return { ok: false, status: 413, reason: "body too large" };
      return checkFormBody((await req.clone().formData()).entries());
    }
  } catch {
    return { ok: false, status: 400, reason: "unreadable body" };
  }
  return { ok: false, status: 415, reason: "unsupported content type" };
}

/**
 * A fast first gate: requests without a session token go to sign-in and come back after. Pages
 * still check the session against the database (a signed-out token is refused there).
 */
export async function proxy(req: NextRequest) {
  if (crossOriginAction(req)) return new NextResponse("Cross-origin request refused", { status: 403 });
  if (isActionPost(req)) {
    const verdict = await screenActionBody(req);
    if (!verdict.ok) return new NextResponse(`Bad request: ${verdict.reason}`, { status: verdict.status });
  }

  const { pathname, search } = req.nextUrl;
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce);
  const forwarded = new Headers(req.headers);
  forwarded.set("x-pathname", pathname + search);
  forwarded.set("x-nonce", nonce);
  forwarded.set("content-security-policy", csp);

  let res: NextResponse;
  const token = PUBLIC.includes(pathname) ? null : await getToken({ req, secret: process.env.NEXTAUTH_SECRET });
  if (!PUBLIC.includes(pathname) && !token) {
    const url = new URL("/signin", req.url);
    url.searchParams.set("callbackUrl", pathname + search);
    res = NextResponse.redirect(url);
  } else {
    res = NextResponse.next({ request: { headers: forwarded } });
  }
  res.headers.set("Content-Security-Policy", csp);
  return res;
}

export const config = {
  // Everything but Next's assets, the icons and web app manifest (a signed-out browser asks for
  // them too), the auth endpoints and the health check.
  matcher: ["/((?!_next/static|_next/image|api/auth|api/health|favicon|icon|apple-icon|manifest.webmanifest|robots.txt).*)"],
};
