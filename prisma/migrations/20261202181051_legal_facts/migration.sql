-- AlterTable
ALTER TABLE "Organization" ADD COLUMN "headcount" INTEGER;

-- AlterTable
ALTER TABLE "Vendor" ADD COLUMN "shareholdingWithinLimits" BOOLEAN;

-- AlterTable
ALTER TABLE "Service" ADD COLUMN "nonEuAccess" BOOLEAN;
ALTER TABLE "Service" ADD COLUMN "secNumCloudScope" TEXT;
ALTER TABLE "Service" ADD COLUMN "secNumCloudVersion" TEXT;
