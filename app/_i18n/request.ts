import { getRequestConfig } from "next-intl/server";
import { cookies, headers } from "next/headers";
import { currentUser } from "@/app/_auth/current-user";
import { isAppLocale, localeFromAcceptLanguage, type AppLocale } from "@/lib/core/i18n/negotiate";
import { loadMessages } from "./load-messages";

export const LOCALE_COOKIE = "NEXT_LOCALE";

/** The learner's saved language, else the language cookie, else the browser's preference. */
export async function resolveLocale(): Promise<AppLocale> {
  const user = await currentUser().catch(() => null);
  if (user && isAppLocale(user.locale)) return user.locale;
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isAppLocale(cookie)) return cookie;
  return localeFromAcceptLanguage((await headers()).get("accept-language"));
}

export default getRequestConfig(async () => {
  const locale = await resolveLocale();
  return { locale, messages: await loadMessages(locale), timeZone: "UTC" };
});
