-- AlterTable
ALTER TABLE "QuizAttempt" ADD COLUMN "requestId" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Deck" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "key" TEXT NOT NULL,
    "titleZh" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "sourcePath" TEXT NOT NULL,
    "sourceHash" TEXT NOT NULL,
    "facts" TEXT NOT NULL DEFAULT '{}',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Deck" ("createdAt", "id", "key", "sourceHash", "sourcePath", "titleEn", "titleZh", "updatedAt") SELECT "createdAt", "id", "key", "sourceHash", "sourcePath", "titleEn", "titleZh", "updatedAt" FROM "Deck";
DROP TABLE "Deck";
ALTER TABLE "new_Deck" RENAME TO "Deck";
CREATE UNIQUE INDEX "Deck_key_key" ON "Deck"("key");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "QuizAttempt_userId_requestId_key" ON "QuizAttempt"("userId", "requestId");
