import { getLocale, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { requireUser } from "@/app/_auth/current-user";
import { readyDb } from "@/lib/db/client";
import { attemptView } from "@/lib/quizzes/queries";
import { QuizRunner } from "./quiz-runner";

export async function generateMetadata() {
  const t = await getTranslations("quiz");
  return { title: t("title") };
}

export default async function QuizAttemptPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const view = /^[A-Za-z0-9_-]{1,64}$/.test(id) ? await attemptView(await readyDb(), user.id, id) : null;
  if (!view) notFound();
  const locale = (await getLocale()) === "zh-CN" ? "zh-CN" : "en";
  return <QuizRunner initial={view} locale={locale} />;
}
