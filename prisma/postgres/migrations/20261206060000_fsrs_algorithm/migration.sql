-- AlterTable
ALTER TABLE "User" ADD COLUMN "algorithm" TEXT NOT NULL DEFAULT 'sm2',
ADD COLUMN "desiredRetention" DOUBLE PRECISION NOT NULL DEFAULT 0.9,
ADD COLUMN "fsrsWeights" TEXT,
ADD COLUMN "fsrsFitStatus" TEXT,
ADD COLUMN "fsrsFitAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "ReviewState" ADD COLUMN "stability" DOUBLE PRECISION,
ADD COLUMN "difficulty" DOUBLE PRECISION;

-- AlterTable
ALTER TABLE "ReviewLog" ADD COLUMN "algorithm" TEXT NOT NULL DEFAULT 'sm2',
ADD COLUMN "stabilityBefore" DOUBLE PRECISION,
ADD COLUMN "difficultyBefore" DOUBLE PRECISION,
ADD COLUMN "stabilityAfter" DOUBLE PRECISION,
ADD COLUMN "difficultyAfter" DOUBLE PRECISION;

-- CreateTable
CREATE TABLE "AlgorithmSwitch" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "algorithm" TEXT NOT NULL,
    "desiredRetention" DOUBLE PRECISION NOT NULL,
    "weights" TEXT,

    CONSTRAINT "AlgorithmSwitch_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AlgorithmSwitch_userId_at_idx" ON "AlgorithmSwitch"("userId", "at");

-- AddForeignKey
ALTER TABLE "AlgorithmSwitch" ADD CONSTRAINT "AlgorithmSwitch_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
