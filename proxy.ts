import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { ACTION_BODY_LIMIT, checkActionBody, type BodyVerdict } from "@/lib/security/action-body";
import { HSTS, publicUrlIsHttps } from "@/lib/security/public-url";

const PUBLIC = ["/", "/signin", "/signup"];
/**
 * Paths that need no session: Next's assets, next-auth's endpoints, the health check, icons, the
 * service worker (a browser fetches it for updates with or without a session) and its offline page.
 */
const OPEN = /^\/(_next\/|api\/auth(\/|$)|api\/health(\/|$)|favicon|icon|apple-icon|manifest\.webmanifest|robots\.txt|sitemap\.xml|serwist\/|offline$)/;

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
    // The service worker (/serwist/sw.js): without this, workers fall back to script-src, whose
    // 'strict-dynamic' ignores 'self'.
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * A post that can reach a server action. With JavaScript it carries a Next-Action header; a form
 * posted without JavaScript (or before hydration) is multipart with the action id in its body,
 * and any path that renders a page takes it, the not-found page included (it holds the sign-out
 * and language actions), so /robots.txt or /api/nothing too. Our route handlers (next-auth's
 * included) take no multipart posts; every other POST to a page counts as an action post.
 */
function isActionPost(req: NextRequest): boolean {
  if (req.method !== "POST") return false;
  const multipart = (req.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/");
  return req.headers.has("next-action") || multipart || !req.nextUrl.pathname.startsWith("/api/");
}

/** A server action posted from another site: refused before it reaches Next's handler. */
function crossOriginAction(req: NextRequest): boolean {
  const origin = req.headers.get("origin");
  if (!origin) return true;
  try {
    return new URL(origin).host !== (req.headers.get("x-forwarded-host") ?? req.headers.get("host"));
  } catch {
    return true;
  }
}

/**
 * Screens a server action's body. Browsers always send a Content-Length with a form or fetch
 * body, so a post without one (chunked) is refused before any of it is read; Next buffers at most
 * ACTION_BODY_LIMIT of any body for the proxy (proxyClientMaxBodySize in next.config.js), so a
 * body that lies about its length can't grow the server either.
 */
async function screenActionBody(req: NextRequest): Promise<BodyVerdict> {
  const declared = req.headers.get("content-length");
  if (declared === null || !/^\d+$/.test(declared)) return { ok: false, status: 411, reason: "length required" };
  if (Number(declared) > ACTION_BODY_LIMIT) return { ok: false, status: 413, reason: "body too large" };
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await req.clone().arrayBuffer());
  } catch {
    return { ok: false, status: 400, reason: "unreadable body" };
  }
  if (bytes.byteLength !== Number(declared)) return { ok: false, status: 400, reason: "body length differs from Content-Length" };
  return checkActionBody(bytes, req.headers.get("content-type") ?? "", req.headers.has("next-action"));
}

function refuse(status: number, text: string): NextResponse {
  const res = new NextResponse(text, { status });
  if (publicUrlIsHttps()) res.headers.set("Strict-Transport-Security", HSTS);
  return res;
}

/**
 * Runs for every request (no matcher), so no path can take an action post past the gate. A fast
 * first gate for pages: requests without a session token go to sign-in and come back after.
 * Pages still check the session against the database (a signed-out token is refused there).
 */
export async function proxy(req: NextRequest) {
  if (isActionPost(req)) {
    if (crossOriginAction(req)) return refuse(403, "Cross-origin request refused");
    const verdict = await screenActionBody(req);
    if (!verdict.ok) return refuse(verdict.status, `Bad request: ${verdict.reason}`);
  }

  const { pathname, search } = req.nextUrl;
  const open = OPEN.test(pathname);
  let res: NextResponse;
  if (pathname.startsWith("/_next/")) {
    res = NextResponse.next();
  } else {
    const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
    const csp = contentSecurityPolicy(nonce);
    const forwarded = new Headers(req.headers);
    forwarded.set("x-pathname", pathname + search);
    forwarded.set("x-nonce", nonce);
    forwarded.set("content-security-policy", csp);
    const needsToken = !open && !PUBLIC.includes(pathname);
    if (needsToken && !(await getToken({ req, secret: process.env.NEXTAUTH_SECRET }))) {
      const url = new URL("/signin", req.url);
      url.searchParams.set("callbackUrl", pathname + search);
      res = NextResponse.redirect(url);
    } else {
      res = NextResponse.next({ request: { headers: forwarded } });
    }
    // next-auth's own pages (/api/auth/signout, /api/auth/error, …) get the app's policy too.
    res.headers.set("Content-Security-Policy", csp);
  }
  if (publicUrlIsHttps()) res.headers.set("Strict-Transport-Security", HSTS);
  return res;
}
