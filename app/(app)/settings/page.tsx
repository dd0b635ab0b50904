import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/app/_auth/current-user";
import { SettingsForm } from "./settings-form";
import { AlgorithmForm } from "./algorithm-form";

export async function generateMetadata() {
  const t = await getTranslations("settings");
  return { title: t("title") };
}

export default async function SettingsPage() {
  const user = await requireUser();
  const t = await getTranslations("settings");
  const ta = await getTranslations("account.settingsLink");
  const zones = Intl.supportedValuesOf("timeZone");
  return (
    <div className="mx-auto max-w-lg">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mb-6 mt-1 text-slate-600 dark:text-slate-400">{t("intro")}</p>
      <SettingsForm
        zones={zones.includes(user.timeZone) ? zones : [user.timeZone, ...zones]}
        initial={{
          name: user.name,
          locale: user.locale,
          timeZone: user.timeZone,
          rolloverHour: user.rolloverHour,
          newPerDay: user.newPerDay,
          maxReviewsPerDay: user.maxReviewsPerDay,
          typeAnswers: user.typeAnswers,
        }}
      />
      <AlgorithmForm
        initial={{ algorithm: user.algorithm, desiredRetention: user.desiredRetention, fitted: user.fsrsWeights !== null, fitStatus: user.fsrsFitStatus }}
      />
      <section aria-labelledby="account-link-heading" className="card-surface mt-6 p-5">
        <h2 id="account-link-heading" className="text-lg font-semibold">
          {ta("heading")}
        </h2>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{ta("body")}</p>
        <Link href="/settings/account" className="btn-secondary mt-3" data-testid="account-link">
          {ta("link")}
        </Link>
      </section>
    </div>
  );
}
