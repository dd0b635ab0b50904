/** Only same-site paths: a callbackUrl must never send a learner to another site. */
export function safeCallbackUrl(raw: string | null | undefined, fallback = "/"): string {
  if (!raw || !raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) return fallback;
  if (raw.startsWith("/signin") || raw.startsWith("/signup")) return fallback;
  return raw;
}
