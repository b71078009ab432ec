-- CreateTable
CREATE TABLE "Screening" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "activityId" TEXT NOT NULL,
    "answers" TEXT NOT NULL DEFAULT '{}',
    "cnilListType" TEXT,
    "exemptListType" TEXT,
    "art35c" BOOLEAN NOT NULL DEFAULT false,
    "result" TEXT NOT NULL,
    "decision" TEXT,
    "decisionReason" TEXT,
    "decidedById" TEXT,
    "decidedAt" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Screening_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "Activity" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ScreeningVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "screeningId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "snapshot" TEXT NOT NULL,
    "actorId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ScreeningVersion_screeningId_fkey" FOREIGN KEY ("screeningId") REFERENCES "Screening" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Dpia" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "activityId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "version" INTEGER NOT NULL DEFAULT 1,
    "answers" TEXT NOT NULL DEFAULT '{}',
    "measures" TEXT NOT NULL DEFAULT '[]',
    "risks" TEXT NOT NULL DEFAULT '{}',
    "actionPlan" TEXT NOT NULL DEFAULT '[]',
    "opinions" TEXT NOT NULL DEFAULT '{}',
    "validation" TEXT NOT NULL DEFAULT '{}',
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Dpia_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "Activity" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DpiaVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "dpiaId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "snapshot" TEXT NOT NULL,
    "actorId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DpiaVersion_dpiaId_fkey" FOREIGN KEY ("dpiaId") REFERENCES "Dpia" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Screening_activityId_key" ON "Screening"("activityId");

-- CreateIndex
CREATE INDEX "Screening_organizationId_result_idx" ON "Screening"("organizationId", "result");

-- CreateIndex
CREATE UNIQUE INDEX "ScreeningVersion_screeningId_number_key" ON "ScreeningVersion"("screeningId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Dpia_activityId_key" ON "Dpia"("activityId");

-- CreateIndex
CREATE INDEX "Dpia_organizationId_status_idx" ON "Dpia"("organizationId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "DpiaVersion_dpiaId_number_key" ON "DpiaVersion"("dpiaId", "number");
