-- AlterTable
ALTER TABLE "Vendor" ADD COLUMN "shareholdingWithinLimits" BOOLEAN;

-- AlterTable
ALTER TABLE "Service" ADD COLUMN "nonEuAccess" BOOLEAN;
ALTER TABLE "Service" ADD COLUMN "secNumCloudScope" TEXT;
ALTER TABLE "Service" ADD COLUMN "secNumCloudVersion" TEXT;

-- CreateTable
CREATE TABLE "Breach" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "ref" TEXT NOT NULL,
    "departmentId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "revision" INTEGER NOT NULL DEFAULT 1,
    "title" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "awareAt" DATETIME NOT NULL,
    "risk" TEXT,
    "vendorId" TEXT,
    "createdById" TEXT,
    "updatedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "closedAt" DATETIME
);

-- CreateTable
CREATE TABLE "BreachVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "breachId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "snapshot" TEXT NOT NULL,
    "actorId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "BreachVersion_breachId_fkey" FOREIGN KEY ("breachId") REFERENCES "Breach" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BreachComment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "breachId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "authorId" TEXT,
    "kind" TEXT NOT NULL DEFAULT 'COMMENT',
    "body" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "BreachComment_breachId_fkey" FOREIGN KEY ("breachId") REFERENCES "Breach" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BreachNotification" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "breachId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "sentAt" DATETIME NOT NULL,
    "reference" TEXT,
    "delayReason" TEXT,
    "summary" TEXT,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "BreachNotification_breachId_fkey" FOREIGN KEY ("breachId") REFERENCES "Breach" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DataSubjectRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "ref" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "regime" TEXT NOT NULL DEFAULT 'GDPR',
    "status" TEXT NOT NULL DEFAULT 'RECEIVED',
    "revision" INTEGER NOT NULL DEFAULT 1,
    "receivedAt" DATETIME NOT NULL,
    "channel" TEXT NOT NULL,
    "requesterName" TEXT,
    "requesterContact" TEXT,
    "identityCheck" TEXT NOT NULL DEFAULT 'NOT_NEEDED',
    "details" TEXT,
    "activityIds" TEXT NOT NULL DEFAULT '[]',
    "dueAt" DATETIME NOT NULL,
    "extendedDueAt" DATETIME,
    "extensionReason" TEXT,
    "extensionInformedAt" DATETIME,
    "answeredAt" DATETIME,
    "response" TEXT,
    "closedAt" DATETIME,
    "anonymizedAt" DATETIME,
    "createdById" TEXT,
    "updatedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "RequestComment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "requestId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "authorId" TEXT,
    "kind" TEXT NOT NULL DEFAULT 'COMMENT',
    "body" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RequestComment_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "DataSubjectRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MailMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT,
    "userId" TEXT,
    "toEmail" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "sentAt" DATETIME,
    "idempotencyKey" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "MailPreference" (
    "userId" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "mode" TEXT NOT NULL,

    PRIMARY KEY ("userId", "category"),
    CONSTRAINT "MailPreference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MailUnsubscribeToken" (
    "userId" TEXT NOT NULL PRIMARY KEY,
    "token" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "SchedulerJob" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "lastRunAt" DATETIME NOT NULL
);

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
    "requestSeq" INTEGER NOT NULL DEFAULT 0
);
INSERT INTO "new_Organization" ("activitySeq", "address", "analysisVersion", "createdAt", "defaultLocale", "dpoCnilNumber", "dpoEmail", "dpoName", "dpoPhone", "id", "legalRepresentative", "name", "siren", "slug", "updatedAt", "version") SELECT "activitySeq", "address", "analysisVersion", "createdAt", "defaultLocale", "dpoCnilNumber", "dpoEmail", "dpoName", "dpoPhone", "id", "legalRepresentative", "name", "siren", "slug", "updatedAt", "version" FROM "Organization";
DROP TABLE "Organization";
ALTER TABLE "new_Organization" RENAME TO "Organization";
CREATE UNIQUE INDEX "Organization_slug_key" ON "Organization"("slug");
CREATE TABLE "new_LoginThrottle" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "windowStart" DATETIME NOT NULL,
    "lockedUntil" DATETIME,
    "lockCount" INTEGER NOT NULL DEFAULT 0
);
INSERT INTO "new_LoginThrottle" ("failures", "key", "lockedUntil", "windowStart") SELECT "failures", "key", "lockedUntil", "windowStart" FROM "LoginThrottle";
DROP TABLE "LoginThrottle";
ALTER TABLE "new_LoginThrottle" RENAME TO "LoginThrottle";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Breach_organizationId_status_idx" ON "Breach"("organizationId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Breach_organizationId_seq_key" ON "Breach"("organizationId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "Breach_organizationId_ref_key" ON "Breach"("organizationId", "ref");

-- CreateIndex
CREATE UNIQUE INDEX "BreachVersion_breachId_number_key" ON "BreachVersion"("breachId", "number");

-- CreateIndex
CREATE INDEX "BreachComment_breachId_createdAt_idx" ON "BreachComment"("breachId", "createdAt");

-- CreateIndex
CREATE INDEX "BreachNotification_breachId_sentAt_idx" ON "BreachNotification"("breachId", "sentAt");

-- CreateIndex
CREATE INDEX "DataSubjectRequest_organizationId_status_idx" ON "DataSubjectRequest"("organizationId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "DataSubjectRequest_organizationId_seq_key" ON "DataSubjectRequest"("organizationId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "DataSubjectRequest_organizationId_ref_key" ON "DataSubjectRequest"("organizationId", "ref");

-- CreateIndex
CREATE INDEX "RequestComment_requestId_createdAt_idx" ON "RequestComment"("requestId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "MailMessage_idempotencyKey_key" ON "MailMessage"("idempotencyKey");

-- CreateIndex
CREATE INDEX "MailMessage_status_nextAttemptAt_idx" ON "MailMessage"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "MailMessage_organizationId_createdAt_idx" ON "MailMessage"("organizationId", "createdAt");

-- CreateIndex
CREATE INDEX "MailMessage_userId_status_idx" ON "MailMessage"("userId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "MailUnsubscribeToken_token_key" ON "MailUnsubscribeToken"("token");

-- CreateIndex
CREATE INDEX "SsoIdentity_userId_idx" ON "SsoIdentity"("userId");
