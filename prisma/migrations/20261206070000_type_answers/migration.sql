-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
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
    "typeAnswers" BOOLEAN NOT NULL DEFAULT false,
    "fsrsWeights" TEXT,
    "fsrsFitStatus" TEXT,
    "fsrsFitAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_User" ("algorithm", "createdAt", "desiredRetention", "email", "fsrsFitAt", "fsrsFitStatus", "fsrsWeights", "id", "locale", "maxReviewsPerDay", "name", "newPerDay", "passwordHash", "rolloverHour", "sessionVersion", "timeZone", "updatedAt") SELECT "algorithm", "createdAt", "desiredRetention", "email", "fsrsFitAt", "fsrsFitStatus", "fsrsWeights", "id", "locale", "maxReviewsPerDay", "name", "newPerDay", "passwordHash", "rolloverHour", "sessionVersion", "timeZone", "updatedAt" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
