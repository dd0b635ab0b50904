-- AlterTable
ALTER TABLE "ReviewState" ADD COLUMN "difficulty" REAL;
ALTER TABLE "ReviewState" ADD COLUMN "stability" REAL;

-- CreateTable
CREATE TABLE "AlgorithmSwitch" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "algorithm" TEXT NOT NULL,
    "desiredRetention" REAL NOT NULL,
    "weights" TEXT,
    CONSTRAINT "AlgorithmSwitch_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ReviewLog" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "cardId" TEXT NOT NULL,
    "grade" INTEGER NOT NULL,
    "origin" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "repsBefore" INTEGER NOT NULL,
    "easeBefore" REAL NOT NULL,
    "intervalBefore" INTEGER NOT NULL,
    "dueBefore" DATETIME,
    "lapsesBefore" INTEGER NOT NULL,
    "repsAfter" INTEGER NOT NULL,
    "easeAfter" REAL NOT NULL,
    "intervalAfter" INTEGER NOT NULL,
    "dueAfter" DATETIME NOT NULL,
    "lapsesAfter" INTEGER NOT NULL,
    "lastReviewedBefore" DATETIME,
    "algorithm" TEXT NOT NULL DEFAULT 'sm2',
    "stabilityBefore" REAL,
    "difficultyBefore" REAL,
    "stabilityAfter" REAL,
    "difficultyAfter" REAL,
    "reviewedAt" DATETIME NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "requestId" TEXT NOT NULL,
    "undoneAt" DATETIME,
    CONSTRAINT "ReviewLog_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReviewLog_cardId_fkey" FOREIGN KEY ("cardId") REFERENCES "Card" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ReviewLog" ("cardId", "dueAfter", "dueBefore", "durationMs", "easeAfter", "easeBefore", "grade", "id", "intervalAfter", "intervalBefore", "kind", "lapsesAfter", "lapsesBefore", "lastReviewedBefore", "origin", "repsAfter", "repsBefore", "requestId", "reviewedAt", "undoneAt", "userId") SELECT "cardId", "dueAfter", "dueBefore", "durationMs", "easeAfter", "easeBefore", "grade", "id", "intervalAfter", "intervalBefore", "kind", "lapsesAfter", "lapsesBefore", "lastReviewedBefore", "origin", "repsAfter", "repsBefore", "requestId", "reviewedAt", "undoneAt", "userId" FROM "ReviewLog";
DROP TABLE "ReviewLog";
ALTER TABLE "new_ReviewLog" RENAME TO "ReviewLog";
CREATE INDEX "ReviewLog_userId_reviewedAt_idx" ON "ReviewLog"("userId", "reviewedAt");
CREATE INDEX "ReviewLog_cardId_idx" ON "ReviewLog"("cardId");
CREATE UNIQUE INDEX "ReviewLog_userId_requestId_key" ON "ReviewLog"("userId", "requestId");
-- The table was rebuilt above: the grades index of 20261206050000_review_grades_index again.
CREATE INDEX "ReviewLog_userId_origin_undoneAt_reviewedAt_idx" ON "ReviewLog"("userId", "origin", "undoneAt", "reviewedAt");
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'en',
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "rolloverHour" INTEGER NOT NULL DEFAULT 4,
    "newPerDay" INTEGER NOT NULL DEFAULT 20,
    "maxReviewsPerDay" INTEGER NOT NULL DEFAULT 200,
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "algorithm" TEXT NOT NULL DEFAULT 'sm2',
    "desiredRetention" REAL NOT NULL DEFAULT 0.9,
    "fsrsWeights" TEXT,
    "fsrsFitStatus" TEXT,
    "fsrsFitAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_User" ("createdAt", "email", "id", "locale", "maxReviewsPerDay", "name", "newPerDay", "passwordHash", "rolloverHour", "sessionVersion", "timeZone", "updatedAt") SELECT "createdAt", "email", "id", "locale", "maxReviewsPerDay", "name", "newPerDay", "passwordHash", "rolloverHour", "sessionVersion", "timeZone", "updatedAt" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "AlgorithmSwitch_userId_at_idx" ON "AlgorithmSwitch"("userId", "at");
