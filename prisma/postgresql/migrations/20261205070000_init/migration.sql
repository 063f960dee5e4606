-- CreateTable
CREATE TABLE "StorageArray" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "serial" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StorageArray_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Controller" (
    "id" TEXT NOT NULL,
    "arrayId" TEXT NOT NULL,
    "slot" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'online',

    CONSTRAINT "Controller_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Pool" (
    "id" TEXT NOT NULL,
    "arrayId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "lss" INTEGER,
    "capacityBytes" BIGINT NOT NULL,

    CONSTRAINT "Pool_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Volume" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Volume_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CopyRelationship" (
    "id" TEXT NOT NULL,
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
    "pendingBitmap" BYTEA,
    "sourceDiffBitmap" BYTEA,
    "targetDiffBitmap" BYTEA,
    "consistencyGroupId" TEXT,
    "pointInTimeAt" TIMESTAMP(3),
    "cycleGrains" INTEGER NOT NULL DEFAULT 0,
    "stateChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "runtime" JSONB,
    "checkpoint" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CopyRelationship_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsistencyGroup" (
    "id" TEXT NOT NULL,
    "arrayId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "number" INTEGER NOT NULL DEFAULT 0,
    "autoDelete" BOOLEAN NOT NULL DEFAULT false,
    "state" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConsistencyGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Event" (
    "id" TEXT NOT NULL,
    "time" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "simulatedTime" TIMESTAMP(3),
    "kind" TEXT NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "arrayId" TEXT,
    "actor" TEXT NOT NULL,
    "details" JSONB NOT NULL,

    CONSTRAINT "Event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Fault" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "arrayId" TEXT NOT NULL,
    "volumeId" TEXT,
    "copyId" TEXT,
    "slot" TEXT,
    "targetName" TEXT NOT NULL,
    "effect" TEXT NOT NULL,
    "resumeState" TEXT,
    "since" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Fault_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Setting_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "csrfToken" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "userAgent" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "secretHash" TEXT NOT NULL,
    "role" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClusterNode" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "heartbeatAt" TIMESTAMP(3) NOT NULL,
    "stoppedAt" TIMESTAMP(3),

    CONSTRAINT "ClusterNode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClusterLease" (
    "id" TEXT NOT NULL,
    "holderId" TEXT,
    "epoch" INTEGER NOT NULL DEFAULT 0,
    "acquiredAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),

    CONSTRAINT "ClusterLease_pkey" PRIMARY KEY ("id")
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
CREATE UNIQUE INDEX "Volume_arrayId_number_key" ON "Volume"("arrayId", "number");

-- CreateIndex
CREATE INDEX "CopyRelationship_arrayId_idx" ON "CopyRelationship"("arrayId");

-- CreateIndex
CREATE INDEX "CopyRelationship_sourceVolumeId_idx" ON "CopyRelationship"("sourceVolumeId");

-- CreateIndex
CREATE INDEX "CopyRelationship_targetVolumeId_idx" ON "CopyRelationship"("targetVolumeId");

-- CreateIndex
CREATE UNIQUE INDEX "ConsistencyGroup_arrayId_name_key" ON "ConsistencyGroup"("arrayId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "ConsistencyGroup_arrayId_number_key" ON "ConsistencyGroup"("arrayId", "number");

-- CreateIndex
CREATE INDEX "Event_time_idx" ON "Event"("time");

-- CreateIndex
CREATE INDEX "Event_arrayId_time_idx" ON "Event"("arrayId", "time");

-- CreateIndex
CREATE INDEX "Event_actor_time_idx" ON "Event"("actor", "time");

-- CreateIndex
CREATE INDEX "Fault_arrayId_idx" ON "Fault"("arrayId");

-- CreateIndex
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_secretHash_key" ON "ApiToken"("secretHash");

-- CreateIndex
CREATE INDEX "ApiToken_userId_idx" ON "ApiToken"("userId");

-- AddForeignKey
ALTER TABLE "Controller" ADD CONSTRAINT "Controller_arrayId_fkey" FOREIGN KEY ("arrayId") REFERENCES "StorageArray"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pool" ADD CONSTRAINT "Pool_arrayId_fkey" FOREIGN KEY ("arrayId") REFERENCES "StorageArray"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Volume" ADD CONSTRAINT "Volume_arrayId_fkey" FOREIGN KEY ("arrayId") REFERENCES "StorageArray"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Volume" ADD CONSTRAINT "Volume_poolId_fkey" FOREIGN KEY ("poolId") REFERENCES "Pool"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Volume" ADD CONSTRAINT "Volume_baseVolumeId_fkey" FOREIGN KEY ("baseVolumeId") REFERENCES "Volume"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CopyRelationship" ADD CONSTRAINT "CopyRelationship_arrayId_fkey" FOREIGN KEY ("arrayId") REFERENCES "StorageArray"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CopyRelationship" ADD CONSTRAINT "CopyRelationship_sourceVolumeId_fkey" FOREIGN KEY ("sourceVolumeId") REFERENCES "Volume"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CopyRelationship" ADD CONSTRAINT "CopyRelationship_targetVolumeId_fkey" FOREIGN KEY ("targetVolumeId") REFERENCES "Volume"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CopyRelationship" ADD CONSTRAINT "CopyRelationship_consistencyGroupId_fkey" FOREIGN KEY ("consistencyGroupId") REFERENCES "ConsistencyGroup"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsistencyGroup" ADD CONSTRAINT "ConsistencyGroup_arrayId_fkey" FOREIGN KEY ("arrayId") REFERENCES "StorageArray"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Fault" ADD CONSTRAINT "Fault_arrayId_fkey" FOREIGN KEY ("arrayId") REFERENCES "StorageArray"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

