-- CreateTable
CREATE TABLE "OidcLoginState" (
    "state" TEXT NOT NULL PRIMARY KEY,
    "nonce" TEXT NOT NULL,
    "codeVerifier" TEXT NOT NULL,
    "returnTo" TEXT NOT NULL DEFAULT '/',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "SsoIdentity" (
    "issuer" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastLogin" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("issuer", "subject")
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
    "activitySeq" INTEGER NOT NULL DEFAULT 0,
    "analysisVersion" INTEGER NOT NULL DEFAULT 0,
    "passwordLoginDisabled" BOOLEAN NOT NULL DEFAULT false
);
INSERT INTO "new_Organization" ("activitySeq", "address", "analysisVersion", "createdAt", "defaultLocale", "dpoCnilNumber", "dpoEmail", "dpoName", "dpoPhone", "id", "legalRepresentative", "name", "siren", "slug", "updatedAt", "version") SELECT "activitySeq", "address", "analysisVersion", "createdAt", "defaultLocale", "dpoCnilNumber", "dpoEmail", "dpoName", "dpoPhone", "id", "legalRepresentative", "name", "siren", "slug", "updatedAt", "version" FROM "Organization";
DROP TABLE "Organization";
ALTER TABLE "new_Organization" RENAME TO "Organization";
CREATE UNIQUE INDEX "Organization_slug_key" ON "Organization"("slug");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "SsoIdentity_userId_idx" ON "SsoIdentity"("userId");
