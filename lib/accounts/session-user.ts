import type { Db } from "@/lib/db/client";

/** What a request needs of the signed-in learner, read once per request by app/_auth/current-user. */
export async function readSessionUser(db: Db, id: string) {
  return db.user.findUnique({
    where: { id },
    select: {
      id: true, email: true, name: true, locale: true, timeZone: true, rolloverHour: true,
      newPerDay: true, maxReviewsPerDay: true, sessionVersion: true, algorithm: true, desiredRetention: true, typeAnswers: true, fsrsWeights: true, fsrsFitStatus: true, fsrsFitAt: true,
    },
  });
}
