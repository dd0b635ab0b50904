import { getTranslations } from "next-intl/server";
import { requireUser } from "@/app/_auth/current-user";
import { readyDb } from "@/lib/db/client";
import { bestMatchTimes } from "@/lib/quizzes/match";
import { StartMatchForm } from "./start-match-form";

export async function generateMetadata() {
  const t = await getTranslations("quizFormats.match");
  return { title: t("title") };
}

export default async function MatchPage() {
  const user = await requireUser();
  const [t, best] = await Promise.all([getTranslations("quizFormats.match"), bestMatchTimes(await readyDb(), user.id)]);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-slate-600 dark:text-slate-400">{t("intro")}</p>
      </div>
      <StartMatchForm best={best} />
    </div>
  );
}
