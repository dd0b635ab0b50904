import type { Metadata, Viewport } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { AppHeader } from "./_components/app-header";
import { OfflineBanner } from "./_components/offline-banner";
import { SwRegister } from "./_components/sw-register";
import { ClientMessages } from "./_i18n/client-messages";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return { title: { default: t("appName"), template: `%s · ${t("appName")}` }, description: t("tagline") };
}

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#f8fafc" },
    { media: "(prefers-color-scheme: dark)", color: "#020617" },
  ],
};

// What the header's language switch and the error boundary (app/error.tsx) show; feature
// layouts give their own client components theirs.
// The offline banner and the update prompt are in every page.
const CLIENT_MESSAGES = ["common.language", "crash", "offline.banner", "offline.update"];

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations("common");
  return (
    <html lang={locale}>
      <body className="min-h-screen">
        <ClientMessages paths={CLIENT_MESSAGES}>
          <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-slate-900">
            {t("skipToContent")}
          </a>
          <AppHeader />
          <OfflineBanner />
          <main id="main" className="mx-auto w-full max-w-4xl px-4 py-6 sm:py-10">
            {children}
          </main>
          <SwRegister />
        </ClientMessages>
      </body>
    </html>
  );
}
