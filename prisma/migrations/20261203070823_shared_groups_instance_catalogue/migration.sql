-- CreateTable
CREATE TABLE "OrganizationGroupCoOwner" (
    "groupId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "addedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("groupId", "userId"),
    CONSTRAINT "OrganizationGroupCoOwner_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "OrganizationGroup" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OrganizationGroupCoOwner_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- AlterTable (a plain ADD COLUMN: no copy of the Organization table)
ALTER TABLE "Organization" ADD COLUMN "instanceCatalogue" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "OrganizationGroupCoOwner_userId_idx" ON "OrganizationGroupCoOwner"("userId");
