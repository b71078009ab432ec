-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Activity" (
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
    "isPublic" BOOLEAN NOT NULL DEFAULT false,
    "prefilledPaths" TEXT NOT NULL DEFAULT '[]',
    "createdById" TEXT,
    "updatedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Activity_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Activity_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Activity" ("approvedVersion", "archiveReason", "archivedAt", "completeness", "content", "createdAt", "createdById", "departmentId", "hasOffences", "hasSensitive", "id", "isPublic", "legalBases", "name", "nextReviewAt", "organizationId", "pendingChanges", "ref", "regime", "revision", "role", "seq", "status", "submittedAt", "updatedAt", "updatedById") SELECT "approvedVersion", "archiveReason", "archivedAt", "completeness", "content", "createdAt", "createdById", "departmentId", "hasOffences", "hasSensitive", "id", "isPublic", "legalBases", "name", "nextReviewAt", "organizationId", "pendingChanges", "ref", "regime", "revision", "role", "seq", "status", "submittedAt", "updatedAt", "updatedById" FROM "Activity";
DROP TABLE "Activity";
ALTER TABLE "new_Activity" RENAME TO "Activity";
CREATE INDEX "Activity_organizationId_status_idx" ON "Activity"("organizationId", "status");
CREATE INDEX "Activity_organizationId_departmentId_idx" ON "Activity"("organizationId", "departmentId");
CREATE INDEX "Activity_organizationId_name_idx" ON "Activity"("organizationId", "name");
CREATE UNIQUE INDEX "Activity_organizationId_seq_key" ON "Activity"("organizationId", "seq");
CREATE UNIQUE INDEX "Activity_organizationId_ref_key" ON "Activity"("organizationId", "ref");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
