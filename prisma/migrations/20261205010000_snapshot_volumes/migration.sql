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
    "imageNote" TEXT,
    "roles" JSONB NOT NULL,
    "provisioning" TEXT NOT NULL DEFAULT 'thick',
    "kind" TEXT NOT NULL DEFAULT 'standard',
    "baseVolumeId" TEXT,
    "repositoryCapacityBytes" BIGINT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Volume_arrayId_fkey" FOREIGN KEY ("arrayId") REFERENCES "StorageArray" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Volume_poolId_fkey" FOREIGN KEY ("poolId") REFERENCES "Pool" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Volume_baseVolumeId_fkey" FOREIGN KEY ("baseVolumeId") REFERENCES "Volume" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Volume" ("arrayId", "capacityBytes", "createdAt", "currentOwner", "id", "imageNote", "name", "number", "poolId", "preferredOwner", "provisioning", "readOnly", "roles", "status", "updatedAt") SELECT "arrayId", "capacityBytes", "createdAt", "currentOwner", "id", "imageNote", "name", "number", "poolId", "preferredOwner", "provisioning", "readOnly", "roles", "status", "updatedAt" FROM "Volume";
DROP TABLE "Volume";
ALTER TABLE "new_Volume" RENAME TO "Volume";
CREATE INDEX "Volume_arrayId_idx" ON "Volume"("arrayId");
CREATE UNIQUE INDEX "Volume_arrayId_name_key" ON "Volume"("arrayId", "name");
CREATE UNIQUE INDEX "Volume_arrayId_number_key" ON "Volume"("arrayId", "number");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

