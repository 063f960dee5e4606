import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARRAY_MODELS } from '../../engine/model';
import { GiB, TiB } from '../units';
import { openDb, type Db } from '../db/client';
import { applyMigrations } from '../db/migrate';
import { CreateVolumeBody } from '../api/fleet-schemas';
import { DEMO_FLEET } from './demo-fleet';
import { seedIfEmpty } from './seed';

describe('the demo fleet definition', () => {
  it('has one array per model with distinct names and serials', () => {
    expect(DEMO_FLEET.map((a) => a.model).sort()).toEqual([...ARRAY_MODELS].sort());
    expect(new Set(DEMO_FLEET.map((a) => a.name)).size).toBe(DEMO_FLEET.length);
    expect(new Set(DEMO_FLEET.map((a) => a.serial)).size).toBe(DEMO_FLEET.length);
  });

  it.each(DEMO_FLEET.map((a) => [a.name, a] as const))('%s: two pools, 16+ volumes from 1 GiB to 2 TiB on both controllers, all fitting', (_name, array) => {
    expect(array.pools.length).toBeGreaterThanOrEqual(2);
    expect(array.volumes.length).toBeGreaterThanOrEqual(16);
    const sizes = array.volumes.map((v) => v.capacityBytes);
    expect(sizes.every((s) => s >= GiB && s <= 2n * TiB)).toBe(true);
    expect(sizes).toContain(GiB);
    expect(sizes).toContain(2n * TiB);
    expect(new Set(array.volumes.map((v) => v.preferredOwner))).toEqual(new Set(['A', 'B']));
    expect(new Set(array.volumes.map((v) => v.name)).size).toBe(array.volumes.length);
    for (const pool of array.pools) {
      const used = array.volumes.filter((v) => v.pool === pool.name).reduce((sum, v) => sum + v.capacityBytes, 0n);
      expect(used).toBeLessThanOrEqual(pool.capacityBytes);
    }
    for (const volume of array.volumes) {
      expect(CreateVolumeBody.safeParse({ arrayId: 'x', name: volume.name, capacityBytes: Number(volume.capacityBytes) }).success).toBe(true);
    }
  });

  it('gives ds6000 pools an LSS and names each volume after it', () => {
    const ds = DEMO_FLEET.find((a) => a.model === 'ds6000');
    for (const volume of ds?.volumes ?? []) {
      const pool = ds?.pools.find((p) => p.name === volume.pool);
      expect(pool?.lss).toBeDefined();
      expect(volume.name.slice(0, 2)).toBe((pool?.lss ?? 0).toString(16));
    }
  });
});

describe('seedIfEmpty on a real SQLite inventory', () => {
  let dir: string;
  let db: Db;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'grainline-seed-'));
    const url = `file:${path.join(dir, 'grainline.db')}`;
    await applyMigrations(url);
    db = openDb(url);
  });

  afterAll(async () => {
    await db.$disconnect();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('seeds an empty inventory once and leaves a populated one alone', async () => {
    expect(await seedIfEmpty(db)).toBe(true);
    const volumes = DEMO_FLEET.reduce((sum, a) => sum + a.volumes.length, 0);
    expect(await db.storageArray.count()).toBe(4);
    expect(await db.controller.count()).toBe(8);
    expect(await db.volume.count()).toBe(volumes);
    expect(await db.event.count({ where: { kind: 'array.added' } })).toBe(4);

    expect(await seedIfEmpty(db)).toBe(false);
    expect(await db.volume.count()).toBe(volumes);
  });
});
