// Any fixed origin does: the value is resolved against it and must stay on it.
const HOME = "http://kubecards.invalid";
// C0 controls, DEL and C1 controls: browsers drop tabs and newlines from URLs ("/\t/evil.example"
// becomes "//evil.example"), and others make an invalid Location header.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * Only same-site paths: a callbackUrl must never send a learner to another site. The value is
 * resolved the way a browser resolves a Location header (the URL API), and anything that leaves
 * the app's origin, or carries a control character, falls back.
 */
export function safeCallbackUrl(raw: string | null | undefined, fallback = "/"): string {
  if (typeof raw !== "string" || !raw.startsWith("/") || CONTROL.test(raw)) return fallback;
  let url: URL;
  try {
    url = new URL(raw, HOME);
  } catch {
    return fallback;
  }
  if (url.origin !== HOME) return fallback;
  if (url.pathname.startsWith("/signin") || url.pathname.startsWith("/signup")) return fallback;
  return url.pathname + url.search + url.hash;
}
