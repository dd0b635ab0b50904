import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { currentUser } from "@/app/_auth/current-user";
import { ForgetKeptPages } from "./forget-kept-pages";
import { OutboxCourier } from "./outbox-courier";
import { LanguageSwitch } from "./language-switch";
import { signOutAction } from "./sign-out-action";
import { SignOutButton } from "./sign-out-button";
import { MainNav } from "./main-nav";

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
      <div className="mx-auto flex max-w-4xl flex-wrap items-center gap-x-3 gap-y-2 px-4 py-2 sm:gap-x-4">
        <Link href="/" className="inline-flex min-h-11 items-center text-lg font-semibold text-brand-600 dark:text-brand-100">
          {t("appName")}
        </Link>
        <div className="order-1 ms-auto sm:order-2">
          <LanguageSwitch current={locale} />
        </div>
        {user ? <OutboxCourier userId={user.id} /> : null}
        {user ? (
          <MainNav
            links={links}
            label={t("nav.main")}
            menuLabel={t("nav.menu")}
            account={
              <>
                <span className="max-w-[14rem] truncate text-sm text-slate-600 sm:max-w-[10rem] dark:text-slate-300" data-testid="user-name">
                  {user.name}
                </span>
                <form action={signOutAction}>
                  <SignOutButton label={t("nav.signOut")} />
                </form>
              </>
            }
          />
        ) : (
          <>
            <ForgetKeptPages />
            <Link href="/signin" className="order-2 inline-flex min-h-11 items-center px-1 text-sm font-medium text-brand-600 hover:underline dark:text-brand-100">
              {t("nav.signIn")}
            </Link>
          </>
        )}
      </div>
    </header>
  );
}
