-- CreateTable
CREATE TABLE "StorageArray" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "serial" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Controller" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "arrayId" TEXT NOT NULL,
    "slot" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'online',
    CONSTRAINT "Controller_arrayId_fkey" FOREIGN KEY ("arrayId") REFERENCES "StorageArray" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Pool" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "arrayId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "lss" INTEGER,
    "capacityBytes" BIGINT NOT NULL,
    CONSTRAINT "Pool_arrayId_fkey" FOREIGN KEY ("arrayId") REFERENCES "StorageArray" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Volume" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "arrayId" TEXT NOT NULL,
    "poolId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "capacityBytes" BIGINT NOT NULL,
    "preferredOwner" TEXT NOT NULL,
    "currentOwner" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'online',
    "readOnly" BOOLEAN NOT NULL DEFAULT false,
    "roles" JSONB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Volume_arrayId_fkey" FOREIGN KEY ("arrayId") REFERENCES "StorageArray" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Volume_poolId_fkey" FOREIGN KEY ("poolId") REFERENCES "Pool" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CopyRelationship" (
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
    "copiedBitmap" BLOB,
    "sourceDiffBitmap" BLOB,
    "targetDiffBitmap" BLOB,
    "consistencyGroupId" TEXT,
    "pointInTimeAt" DATETIME,
    "checkpoint" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "CopyRelationship_arrayId_fkey" FOREIGN KEY ("arrayId") REFERENCES "StorageArray" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CopyRelationship_sourceVolumeId_fkey" FOREIGN KEY ("sourceVolumeId") REFERENCES "Volume" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "CopyRelationship_targetVolumeId_fkey" FOREIGN KEY ("targetVolumeId") REFERENCES "Volume" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "CopyRelationship_consistencyGroupId_fkey" FOREIGN KEY ("consistencyGroupId") REFERENCES "ConsistencyGroup" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ConsistencyGroup" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "arrayId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ConsistencyGroup_arrayId_fkey" FOREIGN KEY ("arrayId") REFERENCES "StorageArray" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Event" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "time" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" TEXT NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "arrayId" TEXT,
    "actor" TEXT NOT NULL,
    "details" JSONB NOT NULL
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "username" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "StorageArray_name_key" ON "StorageArray"("name");

-- CreateIndex
CREATE UNIQUE INDEX "StorageArray_serial_key" ON "StorageArray"("serial");

-- CreateIndex
CREATE UNIQUE INDEX "Controller_arrayId_slot_key" ON "Controller"("arrayId", "slot");

-- CreateIndex
CREATE UNIQUE INDEX "Pool_arrayId_name_key" ON "Pool"("arrayId", "name");

-- CreateIndex
CREATE INDEX "Volume_arrayId_idx" ON "Volume"("arrayId");

-- CreateIndex
CREATE UNIQUE INDEX "Volume_arrayId_name_key" ON "Volume"("arrayId", "name");

-- CreateIndex
CREATE INDEX "CopyRelationship_arrayId_idx" ON "CopyRelationship"("arrayId");

-- CreateIndex
CREATE INDEX "CopyRelationship_sourceVolumeId_idx" ON "CopyRelationship"("sourceVolumeId");

-- CreateIndex
CREATE INDEX "CopyRelationship_targetVolumeId_idx" ON "CopyRelationship"("targetVolumeId");

-- CreateIndex
CREATE UNIQUE INDEX "ConsistencyGroup_arrayId_name_key" ON "ConsistencyGroup"("arrayId", "name");

-- CreateIndex
CREATE INDEX "Event_time_idx" ON "Event"("time");

-- CreateIndex
CREATE INDEX "Event_arrayId_time_idx" ON "Event"("arrayId", "time");

-- CreateIndex
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");

