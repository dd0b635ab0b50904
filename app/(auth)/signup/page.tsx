import { getLocale, getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { currentUser } from "@/app/_auth/current-user";
import { safeCallbackUrl } from "@/app/_components/safe-callback";
import { SignUpForm } from "./sign-up-form";

export async function generateMetadata() {
  const t = await getTranslations("auth.signUp");
  return { title: t("title") };
}

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  if (await currentUser()) redirect(callbackUrl);
  const t = await getTranslations("auth.signUp");
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="mb-6 text-2xl font-semibold">{t("title")}</h1>
      <SignUpForm callbackUrl={callbackUrl} locale={await getLocale()} />
    </div>
  );
}
