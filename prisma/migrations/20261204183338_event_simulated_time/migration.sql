-- AlterTable
ALTER TABLE "Event" ADD COLUMN "simulatedTime" DATETIME;

