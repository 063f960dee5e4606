-- AlterTable
ALTER TABLE "ClusterNode" ADD COLUMN     "nbdPort" INTEGER,
ADD COLUMN     "svcRestPort" INTEGER,
ADD COLUMN     "svcSshPort" INTEGER;

