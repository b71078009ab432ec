-- CreateTable
CREATE TABLE "SsoAccessRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "pendingKey" TEXT,
    "role" TEXT,
    "departmentIds" TEXT NOT NULL DEFAULT '[]',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" DATETIME,
    "decidedById" TEXT,
    CONSTRAINT "SsoAccessRequest_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SsoAccessRequest_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "SsoAccessRequest_pendingKey_key" ON "SsoAccessRequest"("pendingKey");

-- CreateIndex
CREATE INDEX "SsoAccessRequest_organizationId_status_idx" ON "SsoAccessRequest"("organizationId", "status");

-- CreateIndex
CREATE INDEX "SsoAccessRequest_userId_idx" ON "SsoAccessRequest"("userId");
