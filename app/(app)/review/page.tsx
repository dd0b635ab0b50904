import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/app/_auth/current-user";
import { readyDb } from "@/lib/db/client";
import { sessionView } from "@/lib/reviews/view";
import { toClientSession } from "./client-session";
import { ReviewSession } from "./review-session";

export async function generateMetadata() {
  const t = await getTranslations("review");
  return { title: t("title") };
}

export default async function ReviewPage() {
  const user = await requireUser();
  const session = toClientSession(await sessionView(await readyDb(), user, new Date()));
  const locale = (await getLocale()) === "zh-CN" ? "zh-CN" : "en";
  return <ReviewSession initial={session} locale={locale} timeZone={user.timeZone} />;
}
