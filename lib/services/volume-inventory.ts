// What creating or growing a volume asks of the inventory about the volumes already there: the
// bytes each pool has given out, and the smallest free volume number. Both are answered by the
// database (a sum per pool; a gap search on the (arrayId, number) index) rather than by reading
// every volume of the array into the server: with 10,000 volumes on an array that read was most
// of a volume creation's cost, and it grew with every volume created (#16).
import type { Prisma } from '../db/generated/client';

type Tx = Prisma.TransactionClient;

/**
 * Bytes each pool gives its volumes, for the pools of `where`: a snapshot's repository, any
 * other volume's capacity (dto.ts poolBytesOf, summed).
 */
export async function usedByPool(tx: Tx, where: Prisma.VolumeWhereInput): Promise<Map<string, bigint>> {
  const used = new Map<string, bigint>();
  for (const { poolId, bytes } of await poolBytes(tx, where)) used.set(poolId, (used.get(poolId) ?? 0n) + bytes);
  return used;
}

/** Bytes given out per array and pool: two sums, one per kind of volume (a sum over COALESCE(repository, capacity) is not a groupBy). */
async function poolBytes(tx: Tx, where: Prisma.VolumeWhereInput): Promise<{ arrayId: string; poolId: string; bytes: bigint }[]> {
  const plain = await tx.volume.groupBy({ by: ['arrayId', 'poolId'], where: { ...where, repositoryCapacityBytes: null }, _sum: { capacityBytes: true } });
  const repositories = await tx.volume.groupBy({
    by: ['arrayId', 'poolId'],
    where: { ...where, repositoryCapacityBytes: { not: null } },
    _sum: { repositoryCapacityBytes: true },
  });
  return [
    ...plain.map((row) => ({ arrayId: row.arrayId, poolId: row.poolId, bytes: row._sum.capacityBytes ?? 0n })),
    ...repositories.map((row) => ({ arrayId: row.arrayId, poolId: row.poolId, bytes: row._sum.repositoryCapacityBytes ?? 0n })),
  ];
}

/**
 * The smallest number (from 0) no volume of the array has, as engine/copy/names.ts
 * smallestFreeNumber would find among them all: 0 if free, else the smallest n + 1 whose
 * successor is free. The same SQL on SQLite and PostgreSQL.
 */
export async function freeVolumeNumber(tx: Tx, arrayId: string): Promise<number> {
  const [row] = await tx.$queryRaw<{ free: number | bigint }[]>`
    SELECT CASE
      WHEN NOT EXISTS (SELECT 1 FROM "Volume" WHERE "arrayId" = ${arrayId} AND "number" = 0) THEN 0
      ELSE (
        SELECT MIN(v."number" + 1) FROM "Volume" v
        WHERE v."arrayId" = ${arrayId}
          AND NOT EXISTS (SELECT 1 FROM "Volume" w WHERE w."arrayId" = ${arrayId} AND w."number" = v."number" + 1)
      )
    END AS "free"`;
  return Number(row?.free ?? 0);
}

/** What an array's view says of its volumes (dto.ts arrayView). */
export interface ArrayVolumeTotals {
  /** Bytes each pool gives its volumes. */
  usedByPool: Map<string, bigint>;
  /** Volumes by the controller that owns them now, as the inventory last saved it. */
  countByOwner: Map<string, number>;
  volumeCount: number;
}

export function noVolumes(): ArrayVolumeTotals {
  return { usedByPool: new Map(), countByOwner: new Map(), volumeCount: 0 };
}

/**
 * Each array's volume totals, summed by the database: an array's view read every volume of the
 * array, and the live push reads it after every volume created (at 10,000 volumes, a fifth of a
 * creation's cost).
 */
export async function arrayVolumeTotals(tx: Tx, arrayIds: readonly string[]): Promise<Map<string, ArrayVolumeTotals>> {
  const totals = new Map<string, ArrayVolumeTotals>(arrayIds.map((id) => [id, noVolumes()]));
  if (arrayIds.length === 0) return totals;
  const where = { arrayId: { in: [...arrayIds] } };
  for (const { arrayId, poolId, bytes } of await poolBytes(tx, where)) {
    const used = totals.get(arrayId)?.usedByPool;
    used?.set(poolId, (used.get(poolId) ?? 0n) + bytes);
  }
  const owners = await tx.volume.groupBy({ by: ['arrayId', 'currentOwner'], where, _count: { _all: true } });
  for (const row of owners) {
    const total = totals.get(row.arrayId);
    if (total === undefined) continue;
    total.countByOwner.set(row.currentOwner, row._count._all);
    total.volumeCount += row._count._all;
  }
  return totals;
}
