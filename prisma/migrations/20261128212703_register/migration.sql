-- CreateTable
CREATE TABLE "Activity" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "ref" TEXT NOT NULL,
    "departmentId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "content" TEXT NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "name" TEXT NOT NULL,
    "regime" TEXT NOT NULL DEFAULT 'GDPR',
    "role" TEXT NOT NULL DEFAULT 'CONTROLLER',
    "legalBases" TEXT NOT NULL DEFAULT '|',
    "hasSensitive" BOOLEAN NOT NULL DEFAULT false,
    "hasOffences" BOOLEAN NOT NULL DEFAULT false,
    "completeness" INTEGER NOT NULL DEFAULT 0,
    "nextReviewAt" DATETIME,
    "approvedVersion" INTEGER,
    "pendingChanges" BOOLEAN NOT NULL DEFAULT false,
    "submittedAt" DATETIME,
    "archivedAt" DATETIME,
    "archiveReason" TEXT,
    "createdById" TEXT,
    "updatedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Activity_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Activity_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ActivityVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "activityId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "content" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "departmentId" TEXT,
    "departmentName" TEXT,
    "approvedAt" DATETIME NOT NULL,
    "approvedById" TEXT,
    "validFrom" DATETIME NOT NULL,
    "validTo" DATETIME,
    CONSTRAINT "ActivityVersion_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "Activity" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ActivityComment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "activityId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "authorId" TEXT,
    "kind" TEXT NOT NULL DEFAULT 'COMMENT',
    "body" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ActivityComment_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "Activity" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Organization" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "siren" TEXT,
    "address" TEXT,
    "legalRepresentative" TEXT,
    "dpoName" TEXT,
    "dpoEmail" TEXT,
    "dpoPhone" TEXT,
    "dpoCnilNumber" TEXT,
    "defaultLocale" TEXT NOT NULL DEFAULT 'fr',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "activitySeq" INTEGER NOT NULL DEFAULT 0
);
INSERT INTO "new_Organization" ("address", "createdAt", "defaultLocale", "dpoCnilNumber", "dpoEmail", "dpoName", "dpoPhone", "id", "legalRepresentative", "name", "siren", "slug", "updatedAt", "version") SELECT "address", "createdAt", "defaultLocale", "dpoCnilNumber", "dpoEmail", "dpoName", "dpoPhone", "id", "legalRepresentative", "name", "siren", "slug", "updatedAt", "version" FROM "Organization";
DROP TABLE "Organization";
ALTER TABLE "new_Organization" RENAME TO "Organization";
CREATE UNIQUE INDEX "Organization_slug_key" ON "Organization"("slug");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Activity_organizationId_status_idx" ON "Activity"("organizationId", "status");

-- CreateIndex
CREATE INDEX "Activity_organizationId_departmentId_idx" ON "Activity"("organizationId", "departmentId");

-- CreateIndex
CREATE INDEX "Activity_organizationId_name_idx" ON "Activity"("organizationId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Activity_organizationId_seq_key" ON "Activity"("organizationId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "Activity_organizationId_ref_key" ON "Activity"("organizationId", "ref");

-- CreateIndex
CREATE INDEX "ActivityVersion_organizationId_validFrom_idx" ON "ActivityVersion"("organizationId", "validFrom");

-- CreateIndex
CREATE UNIQUE INDEX "ActivityVersion_activityId_number_key" ON "ActivityVersion"("activityId", "number");

-- CreateIndex
CREATE INDEX "ActivityComment_activityId_createdAt_idx" ON "ActivityComment"("activityId", "createdAt");

-- Hand-written: full-text search over the register, kept in sync by app/models/activity-search.server.ts.
CREATE VIRTUAL TABLE "ActivitySearch" USING fts5(
  activityId UNINDEXED,
  organizationId UNINDEXED,
  name,
  purposes,
  description,
  categories,
  department,
  tokenize = "unicode61 remove_diacritics 2"
);

-- Approved versions are immutable: only validTo may be set, once.
CREATE TRIGGER "ActivityVersion_immutable" BEFORE UPDATE ON "ActivityVersion"
WHEN NEW.content IS NOT OLD.content OR NEW.number IS NOT OLD.number OR NEW.approvedAt IS NOT OLD.approvedAt
  OR NEW.validFrom IS NOT OLD.validFrom OR (OLD.validTo IS NOT NULL AND NEW.validTo IS NOT OLD.validTo)
BEGIN SELECT RAISE(ABORT, 'ActivityVersion is immutable'); END;
