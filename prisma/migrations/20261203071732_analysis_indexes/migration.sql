-- DropIndex
DROP INDEX "ActivityLink_organizationId_idx";

-- CreateIndex
CREATE INDEX "ActivityLink_organizationId_createdAt_activityId_role_serviceId_siteId_idx" ON "ActivityLink"("organizationId", "createdAt", "activityId", "role", "serviceId", "siteId");

-- Hand-written (ADR 021): the whole-organization sovereignty analysis reads, for every activity, a few
-- columns and the declared transfers. `content` (several KB) sits before name, regime and legalBases in
-- the row, so reading them, and json_extract of the transfers, walked every activity's overflow pages on
-- each analysis. This index covers that statement (ANALYSIS_ACTIVITIES_SQL in sovereignty.server.ts),
-- with the transfers as an indexed expression that SQLite keeps up to date on every write. Prisma cannot
-- declare an expression index; tests/unit/register-query-plan.test.ts checks the statement is covered.
CREATE INDEX "Activity_analysis_covering_idx" ON "Activity"(
  "organizationId", "seq", "status", "id", "ref", "name", "hasSensitive", "hasOffences", "regime", "legalBases",
  json_extract("content", '$.transfers')
);
