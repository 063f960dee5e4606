-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Volume" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "arrayId" TEXT NOT NULL,
    "poolId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "number" INTEGER NOT NULL DEFAULT 0,
    "capacityBytes" BIGINT NOT NULL,
    "preferredOwner" TEXT NOT NULL,
    "currentOwner" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'online',
    "readOnly" BOOLEAN NOT NULL DEFAULT false,
    "roles" JSONB NOT NULL,
    "provisioning" TEXT NOT NULL DEFAULT 'thick',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Volume_arrayId_fkey" FOREIGN KEY ("arrayId") REFERENCES "StorageArray" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Volume_poolId_fkey" FOREIGN KEY ("poolId") REFERENCES "Pool" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
-- Existing volumes are numbered per array in creation order, from 0 (SVC vdisk ids).
INSERT INTO "new_Volume" ("arrayId", "capacityBytes", "createdAt", "currentOwner", "id", "name", "number", "poolId", "preferredOwner", "readOnly", "roles", "status", "updatedAt") SELECT "arrayId", "capacityBytes", "createdAt", "currentOwner", "id", "name", ROW_NUMBER() OVER (PARTITION BY "arrayId" ORDER BY "createdAt", "name") - 1, "poolId", "preferredOwner", "readOnly", "roles", "status", "updatedAt" FROM "Volume";
DROP TABLE "Volume";
ALTER TABLE "new_Volume" RENAME TO "Volume";
CREATE INDEX "Volume_arrayId_idx" ON "Volume"("arrayId");
CREATE UNIQUE INDEX "Volume_arrayId_name_key" ON "Volume"("arrayId", "name");
CREATE UNIQUE INDEX "Volume_arrayId_number_key" ON "Volume"("arrayId", "number");
CREATE TABLE "new_CopyRelationship" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL DEFAULT '',
    "number" INTEGER NOT NULL DEFAULT 0,
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
-- Existing relationships are numbered per array in creation order and named as new ones are
-- (engine/copy/names.ts): the model's prefix and the number, e.g. fcmap0.
INSERT INTO "new_CopyRelationship" ("arrayId", "checkpoint", "consistencyGroupId", "copiedBytes", "createdAt", "cycleGrains", "differentialBytes", "grainBytes", "id", "name", "number", "options", "pendingBitmap", "pointInTimeAt", "runtime", "sourceDiffBitmap", "sourceVolumeId", "state", "stateChangedAt", "targetDiffBitmap", "targetVolumeId", "totalBytes", "type", "updatedAt") SELECT "arrayId", "checkpoint", "consistencyGroupId", "copiedBytes", "createdAt", "cycleGrains", "differentialBytes", "grainBytes", "id", "prefix" || "rank", "rank", "options", "pendingBitmap", "pointInTimeAt", "runtime", "sourceDiffBitmap", "sourceVolumeId", "state", "stateChangedAt", "targetDiffBitmap", "targetVolumeId", "totalBytes", "type", "updatedAt" FROM (
    SELECT c.*, ROW_NUMBER() OVER (PARTITION BY c."arrayId" ORDER BY c."createdAt", c."id") - 1 AS "rank",
        CASE a."model" WHEN 'storwize' THEN 'fcmap' WHEN 'santricity' THEN 'volcopy' WHEN 'xp7' THEN 'sipair' ELSE 'fcrel' END AS "prefix"
    FROM "CopyRelationship" c JOIN "StorageArray" a ON a."id" = c."arrayId"
);
DROP TABLE "CopyRelationship";
ALTER TABLE "new_CopyRelationship" RENAME TO "CopyRelationship";
CREATE INDEX "CopyRelationship_arrayId_idx" ON "CopyRelationship"("arrayId");
CREATE INDEX "CopyRelationship_sourceVolumeId_idx" ON "CopyRelationship"("sourceVolumeId");
CREATE INDEX "CopyRelationship_targetVolumeId_idx" ON "CopyRelationship"("targetVolumeId");
CREATE TABLE "new_ConsistencyGroup" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "arrayId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "number" INTEGER NOT NULL DEFAULT 0,
    "autoDelete" BOOLEAN NOT NULL DEFAULT false,
    "state" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ConsistencyGroup_arrayId_fkey" FOREIGN KEY ("arrayId") REFERENCES "StorageArray" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- Existing groups are numbered per array in creation order from 1 (SVC keeps 0 for no group).
INSERT INTO "new_ConsistencyGroup" ("arrayId", "createdAt", "id", "name", "number", "state") SELECT "arrayId", "createdAt", "id", "name", ROW_NUMBER() OVER (PARTITION BY "arrayId" ORDER BY "createdAt", "id"), "state" FROM "ConsistencyGroup";
DROP TABLE "ConsistencyGroup";
ALTER TABLE "new_ConsistencyGroup" RENAME TO "ConsistencyGroup";
CREATE UNIQUE INDEX "ConsistencyGroup_arrayId_name_key" ON "ConsistencyGroup"("arrayId", "name");
CREATE UNIQUE INDEX "ConsistencyGroup_arrayId_number_key" ON "ConsistencyGroup"("arrayId", "number");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

