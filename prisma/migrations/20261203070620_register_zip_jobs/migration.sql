-- CreateTable
CREATE TABLE "RegisterZipJob" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ownerId" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "failReason" TEXT,
    "organizations" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "size" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME
);

-- CreateIndex
CREATE INDEX "RegisterZipJob_ownerId_state_idx" ON "RegisterZipJob"("ownerId", "state");

-- CreateIndex
CREATE INDEX "RegisterZipJob_createdAt_idx" ON "RegisterZipJob"("createdAt");
