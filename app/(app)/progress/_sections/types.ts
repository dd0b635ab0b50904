import type { getTranslations } from "next-intl/server";

/** The "progress" namespace's translator, handed to the plain section components. */
export type T = Awaited<ReturnType<typeof getTranslations>>;

export const SECTION = "card-surface min-w-0 space-y-3 p-4 sm:p-6";
export const INTRO = "text-sm text-slate-600 dark:text-slate-400";
