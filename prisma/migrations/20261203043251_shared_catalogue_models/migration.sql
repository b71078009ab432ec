-- AlterTable
ALTER TABLE "Activity" ADD COLUMN "modelId" TEXT;
ALTER TABLE "Activity" ADD COLUMN "modelVersion" INTEGER;

-- CreateTable
CREATE TABLE "CatalogueGrant" (
    "ownerOrgId" TEXT NOT NULL,
    "subscriberOrgId" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("ownerOrgId", "subscriberOrgId")
);

-- CreateTable
CREATE TABLE "VendorSubscription" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "dpaStatus" TEXT NOT NULL DEFAULT 'NONE',
    "dpaSignedAt" DATETIME,
    "dpaReference" TEXT,
    "dpaNextReview" DATETIME,
    "dpaFileHash" TEXT,
    "dpaFileName" TEXT,
    "dpaFileSize" INTEGER,
    "notes" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "VendorSubscription_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CatalogueChange" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ownerOrgId" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "vendorName" TEXT NOT NULL,
    "actorId" TEXT,
    "before" TEXT NOT NULL,
    "after" TEXT NOT NULL,
    "fields" TEXT NOT NULL DEFAULT '[]',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "CatalogueImpact" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "changeId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "exposureChanges" TEXT,
    "computedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CatalogueImpact_changeId_fkey" FOREIGN KEY ("changeId") REFERENCES "CatalogueChange" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "params" TEXT NOT NULL DEFAULT '{}',
    "impactId" TEXT,
    "url" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "clearedAt" DATETIME
);

-- CreateTable
CREATE TABLE "ActivityModel" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ownerOrgId" TEXT NOT NULL,
    "sourceActivityId" TEXT NOT NULL,
    "templateId" TEXT,
    "name" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ActivityModelVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "modelId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "content" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ActivityModelVersion_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "ActivityModel" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Vendor" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "legalName" TEXT,
    "registrationNumber" TEXT,
    "website" TEXT,
    "country" TEXT NOT NULL,
    "parentName" TEXT,
    "parentCountry" TEXT,
    "contactName" TEXT,
    "contactEmail" TEXT,
    "hdsActivities" TEXT,
    "hdsExpiry" DATETIME,
    "iso27001Expiry" DATETIME,
    "dpfCertified" BOOLEAN,
    "dpfCheckedAt" DATETIME,
    "shareholdingWithinLimits" BOOLEAN,
    "dpaStatus" TEXT NOT NULL DEFAULT 'NONE',
    "dpaSignedAt" DATETIME,
    "dpaReference" TEXT,
    "dpaNextReview" DATETIME,
    "dpaFileHash" TEXT,
    "dpaFileName" TEXT,
    "dpaFileSize" INTEGER,
    "notes" TEXT,
    "shared" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Vendor_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Vendor" ("contactEmail", "contactName", "country", "createdAt", "dpaFileHash", "dpaFileName", "dpaFileSize", "dpaNextReview", "dpaReference", "dpaSignedAt", "dpaStatus", "dpfCertified", "dpfCheckedAt", "hdsActivities", "hdsExpiry", "id", "iso27001Expiry", "legalName", "name", "notes", "organizationId", "parentCountry", "parentName", "registrationNumber", "shareholdingWithinLimits", "updatedAt", "version", "website") SELECT "contactEmail", "contactName", "country", "createdAt", "dpaFileHash", "dpaFileName", "dpaFileSize", "dpaNextReview", "dpaReference", "dpaSignedAt", "dpaStatus", "dpfCertified", "dpfCheckedAt", "hdsActivities", "hdsExpiry", "id", "iso27001Expiry", "legalName", "name", "notes", "organizationId", "parentCountry", "parentName", "registrationNumber", "shareholdingWithinLimits", "updatedAt", "version", "website" FROM "Vendor";
DROP TABLE "Vendor";
ALTER TABLE "new_Vendor" RENAME TO "Vendor";
CREATE INDEX "Vendor_organizationId_country_idx" ON "Vendor"("organizationId", "country");
CREATE UNIQUE INDEX "Vendor_organizationId_name_key" ON "Vendor"("organizationId", "name");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "CatalogueGrant_subscriberOrgId_idx" ON "CatalogueGrant"("subscriberOrgId");

-- CreateIndex
CREATE INDEX "VendorSubscription_vendorId_idx" ON "VendorSubscription"("vendorId");

-- CreateIndex
CREATE UNIQUE INDEX "VendorSubscription_organizationId_vendorId_key" ON "VendorSubscription"("organizationId", "vendorId");

-- CreateIndex
CREATE INDEX "CatalogueChange_vendorId_createdAt_idx" ON "CatalogueChange"("vendorId", "createdAt");

-- CreateIndex
CREATE INDEX "CatalogueImpact_organizationId_createdAt_idx" ON "CatalogueImpact"("organizationId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "CatalogueImpact_changeId_organizationId_key" ON "CatalogueImpact"("changeId", "organizationId");

-- CreateIndex
CREATE INDEX "Notification_userId_organizationId_clearedAt_idx" ON "Notification"("userId", "organizationId", "clearedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ActivityModel_sourceActivityId_key" ON "ActivityModel"("sourceActivityId");

-- CreateIndex
CREATE INDEX "ActivityModel_ownerOrgId_idx" ON "ActivityModel"("ownerOrgId");

-- CreateIndex
CREATE UNIQUE INDEX "ActivityModelVersion_modelId_number_key" ON "ActivityModelVersion"("modelId", "number");

-- CreateIndex
CREATE INDEX "Activity_modelId_idx" ON "Activity"("modelId");
