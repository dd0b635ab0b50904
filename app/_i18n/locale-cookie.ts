import { publicUrlIsHttps } from "@/lib/security/public-url";
import { LOCALE_COOKIE } from "./request";

/** The language cookie: a year, every path, Secure when the app is served over https. */
export function localeCookie(locale: string) {
  return { name: LOCALE_COOKIE, value: locale, path: "/", sameSite: "lax" as const, maxAge: 365 * 24 * 3600, secure: publicUrlIsHttps() };
}
