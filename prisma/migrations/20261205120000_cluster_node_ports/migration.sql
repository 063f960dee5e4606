-- AlterTable
ALTER TABLE "ClusterNode" ADD COLUMN "nbdPort" INTEGER;
ALTER TABLE "ClusterNode" ADD COLUMN "svcRestPort" INTEGER;
ALTER TABLE "ClusterNode" ADD COLUMN "svcSshPort" INTEGER;

