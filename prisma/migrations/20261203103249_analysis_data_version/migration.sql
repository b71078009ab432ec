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
    "headcount" INTEGER,
    "defaultLocale" TEXT NOT NULL DEFAULT 'fr',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "activitySeq" INTEGER NOT NULL DEFAULT 0,
    "analysisVersion" INTEGER NOT NULL DEFAULT 0,
    "onboardingDismissedAt" DATETIME,
    "accessibilityContact" TEXT,
    "passwordLoginDisabled" BOOLEAN NOT NULL DEFAULT false,
    "requestRetentionMonths" INTEGER NOT NULL DEFAULT 36,
    "breachSeq" INTEGER NOT NULL DEFAULT 0,
    "requestSeq" INTEGER NOT NULL DEFAULT 0,
    "kind" TEXT,
    "departmentCode" TEXT,
    "instanceCatalogue" BOOLEAN NOT NULL DEFAULT false,
    "activityDataVersion" INTEGER NOT NULL DEFAULT 0
);
INSERT INTO "new_Organization" ("accessibilityContact", "activitySeq", "address", "analysisVersion", "breachSeq", "createdAt", "defaultLocale", "departmentCode", "dpoCnilNumber", "dpoEmail", "dpoName", "dpoPhone", "headcount", "id", "instanceCatalogue", "kind", "legalRepresentative", "name", "onboardingDismissedAt", "passwordLoginDisabled", "requestRetentionMonths", "requestSeq", "siren", "slug", "updatedAt", "version") SELECT "accessibilityContact", "activitySeq", "address", "analysisVersion", "breachSeq", "createdAt", "defaultLocale", "departmentCode", "dpoCnilNumber", "dpoEmail", "dpoName", "dpoPhone", "headcount", "id", "instanceCatalogue", "kind", "legalRepresentative", "name", "onboardingDismissedAt", "passwordLoginDisabled", "requestRetentionMonths", "requestSeq", "siren", "slug", "updatedAt", "version" FROM "Organization";
DROP TABLE "Organization";
ALTER TABLE "new_Organization" RENAME TO "Organization";
CREATE UNIQUE INDEX "Organization_slug_key" ON "Organization"("slug");
CREATE INDEX "Organization_siren_idx" ON "Organization"("siren");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Hand-written (ADR 027): the organization's activity data version. The whole-organization analysis keeps
-- the activity rows and links it read and reads them again only when this number moved, so every change
-- to what it reads must move it, in the same transaction. Triggers do it for every writer (units of work,
-- the import's batched inserts, cascaded deletes, raw SQL): none can forget. Any update of an Activity row
-- counts, not only the analysed columns, so a column later added to the analysis is covered too.
-- tests/unit/analysis-data-version.test.ts checks each table and operation, cascades included.
CREATE TRIGGER "Activity_data_version_insert" AFTER INSERT ON "Activity"
BEGIN UPDATE "Organization" SET "activityDataVersion" = "activityDataVersion" + 1 WHERE "id" = NEW."organizationId"; END;
CREATE TRIGGER "Activity_data_version_update" AFTER UPDATE ON "Activity"
BEGIN UPDATE "Organization" SET "activityDataVersion" = "activityDataVersion" + 1 WHERE "id" IN (OLD."organizationId", NEW."organizationId"); END;
CREATE TRIGGER "Activity_data_version_delete" AFTER DELETE ON "Activity"
BEGIN UPDATE "Organization" SET "activityDataVersion" = "activityDataVersion" + 1 WHERE "id" = OLD."organizationId"; END;
CREATE TRIGGER "ActivityLink_data_version_insert" AFTER INSERT ON "ActivityLink"
BEGIN UPDATE "Organization" SET "activityDataVersion" = "activityDataVersion" + 1 WHERE "id" = NEW."organizationId"; END;
CREATE TRIGGER "ActivityLink_data_version_update" AFTER UPDATE ON "ActivityLink"
BEGIN UPDATE "Organization" SET "activityDataVersion" = "activityDataVersion" + 1 WHERE "id" IN (OLD."organizationId", NEW."organizationId"); END;
CREATE TRIGGER "ActivityLink_data_version_delete" AFTER DELETE ON "ActivityLink"
BEGIN UPDATE "Organization" SET "activityDataVersion" = "activityDataVersion" + 1 WHERE "id" = OLD."organizationId"; END;
CREATE TRIGGER "HostingSite_data_version_insert" AFTER INSERT ON "HostingSite"
BEGIN UPDATE "Organization" SET "activityDataVersion" = "activityDataVersion" + 1 WHERE "id" = NEW."organizationId"; END;
CREATE TRIGGER "HostingSite_data_version_update" AFTER UPDATE ON "HostingSite"
BEGIN UPDATE "Organization" SET "activityDataVersion" = "activityDataVersion" + 1 WHERE "id" IN (OLD."organizationId", NEW."organizationId"); END;
CREATE TRIGGER "HostingSite_data_version_delete" AFTER DELETE ON "HostingSite"
BEGIN UPDATE "Organization" SET "activityDataVersion" = "activityDataVersion" + 1 WHERE "id" = OLD."organizationId"; END;
