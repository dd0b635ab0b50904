import type { AppLocale } from "@/lib/core/i18n/negotiate";

/** One file per feature, so features can grow their texts without touching each other's. */
export const NAMESPACES = ["common", "auth", "settings", "errors", "home", "review", "decks", "quiz", "quizFormats", "progress", "prediction", "account", "offline", "crash"] as const;

export async function loadMessages(locale: AppLocale): Promise<Record<string, unknown>> {
  const entries = await Promise.all(
    NAMESPACES.map(async (ns) => [ns, (await import(`./messages/${locale}/${ns}.json`)).default] as const),
  );
  return Object.fromEntries(entries);
}
