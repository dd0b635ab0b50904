import { headers } from "next/headers";

/**
 * Was this request posted by a page of this site? A form posted without JavaScript carries no
 * Next-Action header, so proxy.ts's cross-origin gate does not see it; actions that must not be
 * triggered from another site check here too. No Origin header counts as foreign, as in proxy.ts.
 */
export async function postedFromThisSite(): Promise<boolean> {
  const h = await headers();
  const origin = h.get("origin");
  if (!origin) return false;
  try {
    return new URL(origin).host === (h.get("x-forwarded-host") ?? h.get("host"));
  } catch {
    return false;
  }
}
