-- CreateIndex
CREATE INDEX "ReviewLog_userId_origin_undoneAt_reviewedAt_idx" ON "ReviewLog"("userId", "origin", "undoneAt", "reviewedAt");
