-- CreateTable
CREATE TABLE "ClusterNode" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "heartbeatAt" DATETIME NOT NULL,
    "stoppedAt" DATETIME
);

-- CreateTable
CREATE TABLE "ClusterLease" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "holderId" TEXT,
    "epoch" INTEGER NOT NULL DEFAULT 0,
    "acquiredAt" DATETIME,
    "expiresAt" DATETIME
);

