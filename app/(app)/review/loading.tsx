import { getTranslations } from "next-intl/server";

export default async function Loading() {
  const t = await getTranslations("common");
  return (
    <div className="card-surface flex min-h-64 items-center justify-center p-6 text-slate-600 dark:text-slate-400" role="status">
      {t("loading")}
    </div>
  );
}
