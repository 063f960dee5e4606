-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" JSONB NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_CopyRelationship" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "type" TEXT NOT NULL,
    "arrayId" TEXT NOT NULL,
    "sourceVolumeId" TEXT NOT NULL,
    "targetVolumeId" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "options" JSONB NOT NULL,
    "grainBytes" INTEGER NOT NULL,
    "copiedBytes" BIGINT NOT NULL DEFAULT 0,
    "totalBytes" BIGINT NOT NULL DEFAULT 0,
    "differentialBytes" BIGINT NOT NULL DEFAULT 0,
    "pendingBitmap" BLOB,
    "sourceDiffBitmap" BLOB,
    "targetDiffBitmap" BLOB,
    "consistencyGroupId" TEXT,
    "pointInTimeAt" DATETIME,
    "cycleGrains" INTEGER NOT NULL DEFAULT 0,
    "stateChangedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "runtime" JSONB,
    "checkpoint" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "CopyRelationship_arrayId_fkey" FOREIGN KEY ("arrayId") REFERENCES "StorageArray" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CopyRelationship_sourceVolumeId_fkey" FOREIGN KEY ("sourceVolumeId") REFERENCES "Volume" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "CopyRelationship_targetVolumeId_fkey" FOREIGN KEY ("targetVolumeId") REFERENCES "Volume" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "CopyRelationship_consistencyGroupId_fkey" FOREIGN KEY ("consistencyGroupId") REFERENCES "ConsistencyGroup" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_CopyRelationship" ("arrayId", "checkpoint", "consistencyGroupId", "copiedBytes", "createdAt", "differentialBytes", "grainBytes", "id", "options", "pointInTimeAt", "sourceDiffBitmap", "sourceVolumeId", "state", "targetDiffBitmap", "targetVolumeId", "totalBytes", "type", "updatedAt") SELECT "arrayId", "checkpoint", "consistencyGroupId", "copiedBytes", "createdAt", "differentialBytes", "grainBytes", "id", "options", "pointInTimeAt", "sourceDiffBitmap", "sourceVolumeId", "state", "targetDiffBitmap", "targetVolumeId", "totalBytes", "type", "updatedAt" FROM "CopyRelationship";
DROP TABLE "CopyRelationship";
ALTER TABLE "new_CopyRelationship" RENAME TO "CopyRelationship";
CREATE INDEX "CopyRelationship_arrayId_idx" ON "CopyRelationship"("arrayId");
CREATE INDEX "CopyRelationship_sourceVolumeId_idx" ON "CopyRelationship"("sourceVolumeId");
CREATE INDEX "CopyRelationship_targetVolumeId_idx" ON "CopyRelationship"("targetVolumeId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

