type HeaderBag = Headers | Record<string, string | string[] | undefined> | undefined;

function header(h: HeaderBag, name: string): string | undefined {
  if (!h) return undefined;
  if (h instanceof Headers) return h.get(name) ?? undefined;
  const v = h[name];
  return Array.isArray(v) ? v.join(",") : v;
}

/**
 * The client's address. instrumentation.ts replaces X-Forwarded-For on every request with the
 * one address worth trusting (the socket's peer, or the entry TRUSTED_PROXY_COUNT proxies
 * vouch for: lib/security/client-address.ts), so a single entry is all there is to read.
 */
export function clientIp(h: HeaderBag): string {
  return header(h, "x-forwarded-for")?.split(",")[0]?.trim() || "unknown";
}
