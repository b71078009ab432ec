-- AlterTable
ALTER TABLE "Organization" ADD COLUMN "accessibilityContact" TEXT;
ALTER TABLE "Organization" ADD COLUMN "onboardingDismissedAt" DATETIME;
