-- DropIndex
DROP INDEX "Activity_organizationId_status_idx";

-- CreateIndex
CREATE INDEX "Activity_organizationId_status_seq_idx" ON "Activity"("organizationId", "status", "seq");

-- CreateIndex
CREATE INDEX "Activity_organizationId_id_status_seq_idx" ON "Activity"("organizationId", "id", "status", "seq");

-- CreateIndex
CREATE INDEX "Activity_organizationId_updatedAt_seq_idx" ON "Activity"("organizationId", "updatedAt", "seq");

-- CreateIndex
CREATE INDEX "Activity_organizationId_nextReviewAt_seq_idx" ON "Activity"("organizationId", "nextReviewAt", "seq");

-- CreateIndex
CREATE INDEX "Activity_organizationId_completeness_seq_idx" ON "Activity"("organizationId", "completeness", "seq");

-- Hand-written: the register's sort by name is case-insensitive (ORDER BY name COLLATE NOCASE, seq),
-- which the BINARY index on (organizationId, name) cannot serve. Prisma cannot declare a collation.
CREATE INDEX "Activity_organizationId_name_nocase_seq_idx" ON "Activity"("organizationId", "name" COLLATE NOCASE, "seq");
