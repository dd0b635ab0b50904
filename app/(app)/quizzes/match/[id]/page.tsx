import { getLocale, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { requireUser } from "@/app/_auth/current-user";
import { readyDb } from "@/lib/db/client";
import { matchView } from "@/lib/quizzes/match";
import { MatchBoard } from "./match-board";

export async function generateMetadata() {
  const t = await getTranslations("quizFormats.match");
  return { title: t("title") };
}

export default async function MatchRoundPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const view = /^[A-Za-z0-9_-]{1,64}$/.test(id) ? await matchView(await readyDb(), user.id, id) : null;
  if (!view) notFound();
  const lang = (await getLocale()) === "zh-CN" ? "zh" : "en";
  return <MatchBoard view={view} lang={lang} />;
}
