import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/app/_auth/current-user";
import { readyDb } from "@/lib/db/client";
import { applyOps, localSession } from "@/lib/core/srs/day-pack";
import { packCardIds } from "@/lib/core/srs/pack-cards";
import { algorithmFor } from "@/lib/core/srs/fsrs-algorithm";
import { loadCardContents, loadDayPack } from "@/lib/reviews/day-pack";
import { toContentsPayload } from "./client-session";
import { ReviewSession } from "./review-session";

export async function generateMetadata() {
  const t = await getTranslations("review");
  return { title: t("title") };
}

/** The learner's day for the browser to run (today's and tomorrow's cards with their text). */
export default async function ReviewPage() {
  const user = await requireUser();
  const db = await readyDb();
  const pack = await loadDayPack(db, user, new Date());
  const contents = toContentsPayload(await loadCardContents(db, user, packCardIds(pack)));
  // What the browser shows until its own copy of this code has loaded (app/(app)/review/day-engine).
  const algorithm = algorithmFor({ algorithm: pack.learner.algorithm, desiredRetention: pack.learner.desiredRetention, weights: pack.learner.fsrsWeights });
  const session = localSession(applyOps(pack, [], pack.builtAt, algorithm), pack.builtAt, algorithm);
  const locale = (await getLocale()) === "zh-CN" ? "zh-CN" : "en";
  return <ReviewSession userId={user.id} initialPack={pack} initialSession={session} initialContents={contents} locale={locale} timeZone={user.timeZone} />;
}
