-- CreateTable
CREATE TABLE "Vendor" (
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
    "dpaStatus" TEXT NOT NULL DEFAULT 'NONE',
    "dpaSignedAt" DATETIME,
    "dpaReference" TEXT,
    "dpaNextReview" DATETIME,
    "dpaFileHash" TEXT,
    "dpaFileName" TEXT,
    "dpaFileSize" INTEGER,
    "notes" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Vendor_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Service" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "secNumCloudQualified" BOOLEAN NOT NULL DEFAULT false,
    "secNumCloudDate" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Service_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ServiceLocation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "serviceId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "region" TEXT,
    "providerServiceId" TEXT,
    "safeguard" TEXT,
    "tiaDone" BOOLEAN NOT NULL DEFAULT false,
    "safeguardUrl" TEXT,
    CONSTRAINT "ServiceLocation_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ServiceLocation_providerServiceId_fkey" FOREIGN KEY ("providerServiceId") REFERENCES "Service" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "HostingSite" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "country" TEXT NOT NULL DEFAULT 'FR',
    "city" TEXT,
    "description" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "HostingSite_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ActivityLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "activityId" TEXT NOT NULL,
    "serviceId" TEXT,
    "siteId" TEXT,
    "role" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ActivityLink_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "Activity" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ActivityLink_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ActivityLink_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "HostingSite" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Vendor_organizationId_country_idx" ON "Vendor"("organizationId", "country");

-- CreateIndex
CREATE UNIQUE INDEX "Vendor_organizationId_name_key" ON "Vendor"("organizationId", "name");

-- CreateIndex
CREATE INDEX "Service_organizationId_idx" ON "Service"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "Service_vendorId_name_key" ON "Service"("vendorId", "name");

-- CreateIndex
CREATE INDEX "ServiceLocation_serviceId_idx" ON "ServiceLocation"("serviceId");

-- CreateIndex
CREATE INDEX "ServiceLocation_providerServiceId_idx" ON "ServiceLocation"("providerServiceId");

-- CreateIndex
CREATE UNIQUE INDEX "HostingSite_organizationId_name_key" ON "HostingSite"("organizationId", "name");

-- CreateIndex
CREATE INDEX "ActivityLink_activityId_idx" ON "ActivityLink"("activityId");

-- CreateIndex
CREATE INDEX "ActivityLink_serviceId_idx" ON "ActivityLink"("serviceId");

-- CreateIndex
CREATE INDEX "ActivityLink_organizationId_idx" ON "ActivityLink"("organizationId");
