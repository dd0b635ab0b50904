-- CreateTable
CREATE TABLE "MatchRound" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "seed" INTEGER NOT NULL,
    "requestId" TEXT NOT NULL,
    "board" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME,
    "durationMs" INTEGER,
    "mistakes" INTEGER NOT NULL DEFAULT 0,
    "lastCheckId" TEXT,
    CONSTRAINT "MatchRound_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "MatchRound_userId_topic_durationMs_idx" ON "MatchRound"("userId", "topic", "durationMs");

-- CreateIndex
CREATE UNIQUE INDEX "MatchRound_userId_requestId_key" ON "MatchRound"("userId", "requestId");
