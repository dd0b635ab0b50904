/**
 * The client's address, from what a client cannot forge. Without proxies in front (the default)
 * that is the socket's peer: an X-Forwarded-For the client sent is its own invention. With
 * `trustedProxies` proxies in front, each appends the address it saw to X-Forwarded-For, so the
 * client is the entry that many places from the end (the last proxy is the socket's peer and
 * appends nothing here); a header shorter than that was forged or mis-configured, and the
 * socket's peer is used.
 */
export function clientAddress(forwardedFor: string | undefined, socketAddress: string | undefined, trustedProxies: number): string {
  const socket = socketAddress || "unknown";
  if (trustedProxies <= 0 || !forwardedFor) return socket;
  const hops = forwardedFor.split(",").map((s) => s.trim());
  const entry = hops.length >= trustedProxies ? hops[hops.length - trustedProxies] : "";
  return /^[0-9A-Fa-f:.]{2,45}$/.test(entry) ? entry : socket;
}

/** TRUSTED_PROXY_COUNT: how many proxies in front of the server append to X-Forwarded-For. */
export function trustedProxyCount(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.TRUSTED_PROXY_COUNT ?? 0);
  return Number.isInteger(n) && n >= 0 && n <= 10 ? n : 0;
}
