type HeaderBag = Headers | Record<string, string | string[] | undefined> | undefined;

function header(h: HeaderBag, name: string): string | undefined {
  if (!h) return undefined;
  if (h instanceof Headers) return h.get(name) ?? undefined;
  const v = h[name];
  return Array.isArray(v) ? v.join(",") : v;
}

/**
 * The address the nearest proxy saw. Next's own server appends the socket address to
 * X-Forwarded-For, so the last entry is the one a client cannot forge.
 */
export function clientIp(h: HeaderBag): string {
  const xff = header(h, "x-forwarded-for");
  const last = xff?.split(",").map((s) => s.trim()).filter(Boolean).pop();
  return last ?? header(h, "x-real-ip") ?? "unknown";
}
