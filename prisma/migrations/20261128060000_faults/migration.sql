-- CreateTable
CREATE TABLE "Fault" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "arrayId" TEXT NOT NULL,
    "volumeId" TEXT,
    "copyId" TEXT,
    "slot" TEXT,
    "targetName" TEXT NOT NULL,
    "effect" TEXT NOT NULL,
    "resumeState" TEXT,
    "since" DATETIME NOT NULL,
    CONSTRAINT "Fault_arrayId_fkey" FOREIGN KEY ("arrayId") REFERENCES "StorageArray" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Fault_arrayId_idx" ON "Fault"("arrayId");

