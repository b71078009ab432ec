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
    "activitySeq" INTEGER NOT NULL DEFAULT 0,
    "analysisVersion" INTEGER NOT NULL DEFAULT 0
);
INSERT INTO "new_Organization" ("activitySeq", "address", "createdAt", "defaultLocale", "dpoCnilNumber", "dpoEmail", "dpoName", "dpoPhone", "id", "legalRepresentative", "name", "siren", "slug", "updatedAt", "version") SELECT "activitySeq", "address", "createdAt", "defaultLocale", "dpoCnilNumber", "dpoEmail", "dpoName", "dpoPhone", "id", "legalRepresentative", "name", "siren", "slug", "updatedAt", "version" FROM "Organization";
DROP TABLE "Organization";
ALTER TABLE "new_Organization" RENAME TO "Organization";
CREATE UNIQUE INDEX "Organization_slug_key" ON "Organization"("slug");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
