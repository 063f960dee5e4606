// The inventory's answers about an array's volumes (volume-inventory.ts) against what reading every
// volume would give (dto.ts poolBytesOf summed, engine smallestFreeNumber), on SQLite and on an
// embedded PostgreSQL: pool usage with snapshot repositories among the volumes, and free numbers
// at 0, in a gap, and after the last.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bothDatabases, TEST_DIALECTS } from '../../tests/support/both-databases';
import { smallestFreeNumber } from '../../engine/copy/names';
import { openDb, type Db } from '../db/client';
import { applyMigrations } from '../db/migrate';
import { seedIfEmpty } from '../seed/seed';
import { poolBytesOf } from './dto';
import { arrayVolumeTotals, freeVolumeNumber, usedByPool } from './volume-inventory';

const GiB = 1024n ** 3n;

const urls = bothDatabases('volume-inventory');

describe.each(TEST_DIALECTS)('volume inventory on %s', (dialect) => {
  let db: Db;
  let arrayId: string;
  let poolIds: string[];
  beforeAll(async () => {
    await applyMigrations(urls[dialect]);
    db = openDb(urls[dialect]);
    await seedIfEmpty(db);
    const array = await db.storageArray.findFirstOrThrow({ where: { model: 'storwize' }, include: { pools: true } });
    arrayId = array.id;
    poolIds = array.pools.map((pool) => pool.id);
  }, 120_000);
  afterAll(() => db.$disconnect());

  /** What reading every volume of the array gives. */
  async function byReadingAll() {
    const volumes = await db.volume.findMany({ where: { arrayId } });
    const used = new Map<string, bigint>();
    for (const volume of volumes) used.set(volume.poolId, (used.get(volume.poolId) ?? 0n) + poolBytesOf(volume));
    return { used, free: smallestFreeNumber(new Set(volumes.map((volume) => volume.number))) };
  }

  async function answers() {
    return db.$transaction(async (tx) => ({ used: await usedByPool(tx, { arrayId }), free: await freeVolumeNumber(tx, arrayId) }));
  }

  async function addVolume(name: string, number: number, poolId: string, capacityBytes: bigint, repositoryCapacityBytes: bigint | null = null) {
    return db.volume.create({
      data: { arrayId, poolId, name, number, capacityBytes, repositoryCapacityBytes, preferredOwner: 'A', currentOwner: 'A', roles: [] },
    });
  }

  it('sums each pool, counting a snapshot by its repository, and counts volumes, as reading every volume does', async () => {
    const base = await addVolume('inv_base', 900, poolIds[0]!, 8n * GiB);
    await addVolume('inv_snap', 901, poolIds[0]!, 8n * GiB, 1n * GiB);
    await addVolume('inv_other', 902, poolIds.at(-1)!, 3n * GiB);
    const expected = await byReadingAll();
    const got = await answers();
    expect(got.used).toEqual(expected.used);
    expect(got.used.get(poolIds[0]!)).toBeGreaterThanOrEqual(9n * GiB);
    // The array's view sums the same, counts its volumes, and each controller's.
    const volumes = await db.volume.findMany({ where: { arrayId } });
    const totals = (await db.$transaction((tx) => arrayVolumeTotals(tx, [arrayId, 'no-such-array']))).get(arrayId);
    expect(totals?.usedByPool).toEqual(expected.used);
    expect(totals?.volumeCount).toBe(volumes.length);
    expect(Object.fromEntries(totals?.countByOwner ?? [])).toEqual({
      A: volumes.filter((v) => v.currentOwner === 'A').length,
      B: volumes.filter((v) => v.currentOwner === 'B').length,
    });
    // One pool alone, as growing a volume asks.
    const onePool = await db.$transaction((tx) => usedByPool(tx, { poolId: base.poolId }));
    expect([...onePool]).toEqual([[base.poolId, expected.used.get(base.poolId)]]);
  });

  it('finds the smallest free number: 0, a gap, or one past the last', async () => {
    const numbers = async () => (await answers()).free;
    // The seed's volumes start at 0; free what they hold below 3 and make a gap.
    const low = await db.volume.findMany({ where: { arrayId, number: { lt: 3 } } });
    const highest = (await db.volume.aggregate({ where: { arrayId }, _max: { number: true } }))._max.number ?? 0;
    for (const [index, volume] of low.entries()) await db.volume.update({ where: { id: volume.id }, data: { number: highest + 1 + index } });
    expect(await numbers()).toBe(0);
    expect(await numbers()).toBe((await byReadingAll()).free);
    await addVolume('inv_n0', 0, poolIds[0]!, GiB);
    await addVolume('inv_n1', 1, poolIds[0]!, GiB);
    expect(await numbers()).toBe(2);
    await addVolume('inv_n2', 2, poolIds[0]!, GiB);
    expect(await numbers()).toBe((await byReadingAll()).free);
    // Fill every gap: the answer is one past the last number.
    const taken = new Set((await db.volume.findMany({ where: { arrayId }, select: { number: true } })).map((v) => v.number));
    const last = Math.max(...taken);
    for (let n = 0; n < last; n++) if (!taken.has(n)) await addVolume(`inv_fill_${n}`, n, poolIds[0]!, GiB);
    expect(await numbers()).toBe(last + 1);
  });
});
