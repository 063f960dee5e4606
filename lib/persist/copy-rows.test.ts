// Copy rows are written with hand-written SQL (copy-rows.ts) that must mean the same on SQLite and
// PostgreSQL: background progress as one multi-row UPDATE per batch (each row gets its own bitmap,
// byte counts and runtime fields; other columns keep theirs), and a changed relationship's whole
// row as one raw UPDATE (dates, Json, bitmaps and nulls read back as Prisma writes them). What was
// saved restores exactly. Run against both databases (an embedded PostgreSQL for the second).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bothDatabases, TEST_DIALECTS } from '../../tests/support/both-databases';
import { Clock, Engine, MemoryStore } from '../../engine';
import { openDb, type Db } from '../db/client';
import { applyMigrations } from '../db/migrate';
import { createLogger } from '../log';
import { seedIfEmpty } from '../seed/seed';
import { loadFleetSnapshot, loadRelationships } from './hydrate';
import { Persister } from './persister';

const START_MS = Date.UTC(2026, 11, 5);

const urls = bothDatabases('progress-rows');

describe.each(TEST_DIALECTS)('copy rows on %s', (dialect) => {
  let db: Db;
  beforeAll(async () => {
    await applyMigrations(urls[dialect]);
    db = openDb(urls[dialect]);
    await seedIfEmpty(db);
  }, 120_000);
  afterAll(() => db.$disconnect());

  /** Storwize FlashCopy mappings at different rates, started, their state changes saved. */
  async function startedMappings(prefix: string) {
    const snapshot = await loadFleetSnapshot(db);
    let nextId = 0;
    const engine = new Engine({
      clock: new Clock({ startMs: START_MS, speed: 0, wall: { nowMs: () => 0 } }),
      openStore: (volume) => new MemoryStore(Number(volume.capacityBytes)),
      newId: () => `${prefix}-${(nextId += 1)}`,
      seed: 5,
      deferHostWrites: true,
    });
    engine.load(snapshot);
    const persister = new Persister(db, engine, createLogger('progress-rows-test'), []);
    const storwize = snapshot.arrays.find((array) => array.model === 'storwize');
    const volumes = snapshot.volumes.filter((volume) => volume.arrayId === storwize?.id);
    const bySize = new Map<string, typeof volumes>();
    for (const volume of volumes) bySize.set(String(volume.capacityBytes), [...(bySize.get(String(volume.capacityBytes)) ?? []), volume]);
    const pairs = [...bySize.values()].filter((group) => group.length >= 2).map((group) => [group[0]!, group[1]!] as const);
    expect(pairs.length).toBeGreaterThanOrEqual(2);
    // Different copy rates, so every row's figures differ from the others'.
    const ids = pairs.map(
      ([source, target], index) =>
        engine.createCopy({
          type: 'flashcopy',
          sourceVolumeId: source.id,
          targetVolumeId: target.id,
          options: { copyRate: 30 + 10 * (index % 10) },
          start: true,
        }).id,
    );
    engine.advance(5_000);
    await persister.flush();
    return { engine, persister, snapshot, ids };
  }

  it('saves each relationship of a batch its own progress, and restores it exactly', async () => {
    const { engine, persister, snapshot, ids } = await startedMappings('progress');
    engine.advance(5_000);
    // Nothing but progress is waiting now: the progress round writes it in one batch.
    await persister.flush();
    const savedBefore = await db.copyRelationship.findMany({ where: { id: { in: ids } } });
    await persister.saveProgress();

    const rows = await db.copyRelationship.findMany({ where: { id: { in: ids } } });
    const restored = new Map((await loadRelationships(db, snapshot)).map((relationship) => [relationship.id, relationship]));
    const copied = new Set<number>();
    for (const id of ids) {
      const live = engine.requireCopy(id);
      const view = engine.progressView(live);
      const row = rows.find((candidate) => candidate.id === id)!;
      expect(Number(row.copiedBytes)).toBe(view.progress.copiedBytes);
      expect(Number(row.totalBytes)).toBe(view.progress.totalBytes);
      expect(Number(row.differentialBytes)).toBe(view.differentialBytes);
      const back = restored.get(id)!;
      expect(back.toCopy.count()).toBe(live.toCopy.count());
      expect(Buffer.from(back.toCopy.serialize()).equals(Buffer.from(live.toCopy.serialize()))).toBe(true);
      expect(back.lastUpdateCopyMs).toBe(live.lastUpdateCopyMs);
      // The other columns are the ones the last full save wrote.
      const before = savedBefore.find((candidate) => candidate.id === id)!;
      expect(row.state).toBe(before.state);
      expect(row.name).toBe(before.name);
      // …and the progress round is what moved this row's figures on.
      expect(Number(before.copiedBytes)).toBeLessThan(view.progress.copiedBytes);
      copied.add(view.progress.copiedBytes);
    }
    // The copy had moved, and by different amounts: a row given another's figures would show.
    expect(copied.size).toBe(ids.length);
    expect([...copied].every((bytes) => bytes > 0)).toBe(true);
  });
  it("writes a changed relationship's whole row as Prisma would, and restores it exactly", async () => {
    const { engine, persister, snapshot, ids } = await startedMappings('changed');
    const [stopped, renamed] = ids as [string, string];
    engine.advance(2_000);
    const stateBeforeStop = engine.requireCopy(stopped).state;
    engine.act(stopped, 'stop');
    engine.renameCopy(renamed, 'renamed-by-raw-update');
    engine.setOptions(renamed, { copyRate: 77 });
    await persister.flush();

    const restored = new Map((await loadRelationships(db, snapshot)).map((relationship) => [relationship.id, relationship]));
    for (const id of [stopped, renamed]) {
      const live = engine.requireCopy(id);
      const row = await db.copyRelationship.findUniqueOrThrow({ where: { id } });
      const view = engine.view(live);
      expect(row.state).toBe(live.state);
      expect(row.name).toBe(live.name);
      expect(row.stateChangedAt.getTime()).toBe(live.stateChangedAtMs);
      expect(row.updatedAt.getTime()).toBe(live.updatedAtMs);
      expect(row.pointInTimeAt?.getTime() ?? null).toBe(live.pointInTimeMs);
      expect(row.consistencyGroupId).toBeNull();
      expect(Number(row.copiedBytes)).toBe(view.progress.copiedBytes);
      const back = restored.get(id)!;
      expect(back.options).toEqual(live.options);
      expect(back.state).toBe(live.state);
      expect(Buffer.from(back.toCopy.serialize()).equals(Buffer.from(live.toCopy.serialize()))).toBe(true);
      expect(Buffer.from(back.sourceDiff.serialize()).equals(Buffer.from(live.sourceDiff.serialize()))).toBe(true);
      expect(back.lastUpdateCopyMs).toBe(live.lastUpdateCopyMs);
      expect(back.lastStartedMs).toBe(live.lastStartedMs);
    }
    expect(restored.get(stopped)!.state).not.toBe(stateBeforeStop);
    expect(restored.get(renamed)!.name).toBe('renamed-by-raw-update');
    expect((restored.get(renamed)!.options as { copyRate?: number }).copyRate).toBe(77);
  });
});
