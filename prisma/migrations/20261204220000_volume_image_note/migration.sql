-- AlterTable
ALTER TABLE "Volume" ADD COLUMN "imageNote" TEXT;

