import { getTranslations } from "next-intl/server";
import { requireUser } from "@/app/_auth/current-user";

export default async function Page() {
  await requireUser();
  const t = await getTranslations("common");
  return (
    <div className="card-surface p-6">
      <h1 className="text-2xl font-semibold">{t("nav.progress")}</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">{t("comingSoon")}</p>
    </div>
  );
}
