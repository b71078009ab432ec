-- AlterTable
ALTER TABLE "Organization" ADD COLUMN "departmentCode" TEXT;
ALTER TABLE "Organization" ADD COLUMN "kind" TEXT;

-- CreateTable
CREATE TABLE "OrganizationGroup" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "OrganizationGroup_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OrganizationGroupMember" (
    "groupId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,

    PRIMARY KEY ("groupId", "organizationId"),
    CONSTRAINT "OrganizationGroupMember_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "OrganizationGroup" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OrganizationGroupMember_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ExposureSnapshot" (
    "organizationId" TEXT NOT NULL PRIMARY KEY,
    "analysisVersion" INTEGER NOT NULL,
    "level" TEXT NOT NULL,
    "previousLevel" TEXT,
    "changedAt" DATETIME,
    "computedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ExposureSnapshot_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "OrganizationGroup_ownerId_name_key" ON "OrganizationGroup"("ownerId", "name");

-- CreateIndex
CREATE INDEX "OrganizationGroupMember_organizationId_idx" ON "OrganizationGroupMember"("organizationId");

-- CreateIndex
CREATE INDEX "Organization_siren_idx" ON "Organization"("siren");

-- CreateIndex
CREATE INDEX "Activity_organizationId_status_completeness_nextReviewAt_departmentId_idx" ON "Activity"("organizationId", "status", "completeness", "nextReviewAt", "departmentId");
