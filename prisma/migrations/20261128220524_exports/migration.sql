-- CreateTable
CREATE TABLE "ExportRecord" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "actorId" TEXT,
    "format" TEXT NOT NULL,
    "params" TEXT NOT NULL DEFAULT '{}',
    "sha256" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "fileName" TEXT NOT NULL,
    "channel" TEXT NOT NULL DEFAULT 'ui',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ExportRecord_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ShareLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "exportId" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "passphraseHash" TEXT,
    "expiresAt" DATETIME NOT NULL,
    "revokedAt" DATETIME,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ShareLink_exportId_fkey" FOREIGN KEY ("exportId") REFERENCES "ExportRecord" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ShareAccess" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shareLinkId" TEXT NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ipAddress" TEXT,
    "userAgent" TEXT,
    "outcome" TEXT NOT NULL,
    CONSTRAINT "ShareAccess_shareLinkId_fkey" FOREIGN KEY ("shareLinkId") REFERENCES "ShareLink" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

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
    "createdById" TEXT,
    "updatedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Activity_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Activity_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Activity" ("approvedVersion", "archiveReason", "archivedAt", "completeness", "content", "createdAt", "createdById", "departmentId", "hasOffences", "hasSensitive", "id", "legalBases", "name", "nextReviewAt", "organizationId", "pendingChanges", "ref", "regime", "revision", "role", "seq", "status", "submittedAt", "updatedAt", "updatedById") SELECT "approvedVersion", "archiveReason", "archivedAt", "completeness", "content", "createdAt", "createdById", "departmentId", "hasOffences", "hasSensitive", "id", "legalBases", "name", "nextReviewAt", "organizationId", "pendingChanges", "ref", "regime", "revision", "role", "seq", "status", "submittedAt", "updatedAt", "updatedById" FROM "Activity";
DROP TABLE "Activity";
ALTER TABLE "new_Activity" RENAME TO "Activity";
CREATE INDEX "Activity_organizationId_status_idx" ON "Activity"("organizationId", "status");
CREATE INDEX "Activity_organizationId_departmentId_idx" ON "Activity"("organizationId", "departmentId");
CREATE INDEX "Activity_organizationId_name_idx" ON "Activity"("organizationId", "name");
CREATE UNIQUE INDEX "Activity_organizationId_seq_key" ON "Activity"("organizationId", "seq");
CREATE UNIQUE INDEX "Activity_organizationId_ref_key" ON "Activity"("organizationId", "ref");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ExportRecord_sha256_idx" ON "ExportRecord"("sha256");

-- CreateIndex
CREATE INDEX "ExportRecord_organizationId_createdAt_idx" ON "ExportRecord"("organizationId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ShareLink_tokenHash_key" ON "ShareLink"("tokenHash");

-- CreateIndex
CREATE INDEX "ShareLink_organizationId_idx" ON "ShareLink"("organizationId");

-- CreateIndex
CREATE INDEX "ShareAccess_shareLinkId_at_idx" ON "ShareAccess"("shareLinkId", "at");
