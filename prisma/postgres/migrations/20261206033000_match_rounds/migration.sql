-- CreateTable
CREATE TABLE "MatchRound" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "seed" INTEGER NOT NULL,
    "requestId" TEXT NOT NULL,
    "board" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),
    "durationMs" INTEGER,
    "mistakes" INTEGER NOT NULL DEFAULT 0,
    "lastCheckId" TEXT,

    CONSTRAINT "MatchRound_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MatchRound_userId_topic_durationMs_idx" ON "MatchRound"("userId", "topic", "durationMs");

-- CreateIndex
CREATE UNIQUE INDEX "MatchRound_userId_requestId_key" ON "MatchRound"("userId", "requestId");

-- AddForeignKey
ALTER TABLE "MatchRound" ADD CONSTRAINT "MatchRound_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
