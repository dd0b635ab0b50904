import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { currentUser } from "@/app/_auth/current-user";
import { LanguageSwitch } from "./language-switch";
import { signOutAction } from "./sign-out-action";
import { SignOutButton } from "./sign-out-button";
import { NavLinks } from "./nav-links";

export async function AppHeader() {
  const [user, t, locale] = await Promise.all([currentUser(), getTranslations("common"), getLocale()]);
  const links = [
    { href: "/review", label: t("nav.review") },
    { href: "/quizzes", label: t("nav.quizzes") },
    { href: "/progress", label: t("nav.progress") },
    { href: "/decks", label: t("nav.decks") },
    { href: "/settings", label: t("nav.settings") },
  ];
  return (
    <header className="border-b border-slate-200 bg-white/90 backdrop-blur dark:border-slate-800 dark:bg-slate-900/90">
      <div className="mx-auto flex max-w-4xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
        <Link href="/" className="text-lg font-semibold text-brand-600 dark:text-brand-100">
          {t("appName")}
        </Link>
        {user ? (
          <nav aria-label={t("nav.main")} className="order-last w-full sm:order-none sm:w-auto">
            <NavLinks links={links} />
          </nav>
        ) : null}
        <div className="ms-auto flex items-center gap-3">
          <LanguageSwitch current={locale} />
          {user ? (
            <>
              <span className="hidden max-w-[10rem] truncate text-sm text-slate-600 sm:inline dark:text-slate-300" data-testid="user-name">
                {user.name}
              </span>
              <form action={signOutAction}>
                <SignOutButton label={t("nav.signOut")} />
              </form>
            </>
          ) : (
            <Link href="/signin" className="text-sm font-medium text-brand-600 hover:underline dark:text-brand-100">
              {t("nav.signIn")}
            </Link>
          )}
        </div>
      </div>
    </header>
  );
}
