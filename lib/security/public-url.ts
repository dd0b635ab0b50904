/**
 * Whether the operator serves the app over https (NEXTAUTH_URL, the documented public URL). Then
 * browsers get HSTS and every cookie the app sets is Secure, as next-auth's own cookies are.
 */
export function publicUrlIsHttps(env: Record<string, string | undefined> = process.env): boolean {
  return /^https:\/\//i.test(env.NEXTAUTH_URL ?? "");
}

export const HSTS = "max-age=63072000; includeSubDomains";
