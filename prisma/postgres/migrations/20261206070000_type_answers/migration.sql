-- AlterTable
ALTER TABLE "User" ADD COLUMN "typeAnswers" BOOLEAN NOT NULL DEFAULT false;
