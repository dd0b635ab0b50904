-- AlterTable
ALTER TABLE "ReviewLog" ADD COLUMN "lastReviewedBefore" DATETIME;

-- Backfill: the card's previous schedule-moving grade that was still standing when the row was written.
UPDATE "ReviewLog" SET "lastReviewedBefore" = (
  SELECT MAX(p."reviewedAt") FROM "ReviewLog" p
  WHERE p."userId" = "ReviewLog"."userId" AND p."cardId" = "ReviewLog"."cardId"
    AND p."origin" = 'review' AND p."kind" IN ('new', 'review')
    AND (p."undoneAt" IS NULL OR p."undoneAt" > "ReviewLog"."reviewedAt")
    AND (p."reviewedAt" < "ReviewLog"."reviewedAt" OR (p."reviewedAt" = "ReviewLog"."reviewedAt" AND p."id" < "ReviewLog"."id"))
);
