-- AlterTable
ALTER TABLE "ReviewLog" ADD COLUMN "lastReviewedBefore" TIMESTAMP(3);

-- Backfill: the card's previous schedule-moving grade that was still standing when the row was written.
UPDATE "ReviewLog" AS r SET "lastReviewedBefore" = (
  SELECT MAX(p."reviewedAt") FROM "ReviewLog" p
  WHERE p."userId" = r."userId" AND p."cardId" = r."cardId"
    AND p."origin" = 'review' AND p."kind" IN ('new', 'review')
    AND (p."undoneAt" IS NULL OR p."undoneAt" > r."reviewedAt")
    AND (p."reviewedAt" < r."reviewedAt" OR (p."reviewedAt" = r."reviewedAt" AND p."id" < r."id"))
);
