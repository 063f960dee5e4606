// The persister against a real SQLite inventory: what a command's flush makes durable, what may
// be saved late, and how background progress gives way to commands.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Clock, Engine, MemoryStore, type VolumeState } from '../../engine';
import { openDb, type Db } from '../db/client';
import { applyMigrations } from '../db/migrate';
import { createLogger } from '../log';
import { seedIfEmpty } from '../seed/seed';
import { loadClock, loadFleetSnapshot } from './hydrate';
import { Persister, type SaveRecord } from './persister';

const START_MS = Date.UTC(2026, 10, 28);

let dir: string;
let db: Db;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'grainline-persister-'));
  const url = `file:${path.join(dir, 'grainline.db')}`;
  await applyMigrations(url);
  db = openDb(url);
  await seedIfEmpty(db);
}, 120_000);

afterAll(async () => {
  await db.$disconnect();
  fs.rmSync(dir, { recursive: true, force: true });
});

let engine: Engine;
let persister: Persister;
/** Transactions the persister opened; `failTransaction` makes the n-th (1-based) fail. */
let transactions = 0;
let failTransaction = 0;

/** The inventory as the persister sees it, counting its transactions (and failing one on demand). */
function countingDb(): Db {
  return new Proxy(db, {
    get(target, property, receiver) {
      if (property !== '$transaction') return Reflect.get(target, property, receiver) as unknown;
      return (...args: Parameters<Db['$transaction']>) => {
        transactions += 1;
        if (transactions === failTransaction) return Promise.reject(new Error('disk I/O error'));
        return target.$transaction(...args);
      };
    },
  });
}
/** Storwize FlashCopy mappings between the demo fleet's equal-size volume pairs, copying. */
let copyIds: string[];

beforeEach(async () => {
  await db.copyRelationship.deleteMany();
  const snapshot = await loadFleetSnapshot(db);
  let nextId = 0;
  engine = new Engine({
    clock: new Clock({ startMs: START_MS, speed: 0, wall: { nowMs: () => 0 } }),
    openStore: (volume) => new MemoryStore(Number(volume.capacityBytes)),
    newId: () => `copy-${(nextId += 1)}`,
    seed: 11,
    deferHostWrites: true, // as the server runs it
  });
  engine.load(snapshot);
  transactions = 0;
  failTransaction = 0;
  persister = new Persister(countingDb(), engine, createLogger('persister-test'), [], { progressRowsPerTransaction: 1 });
  const storwize = snapshot.arrays.find((array) => array.model === 'storwize');
  const volumes = snapshot.volumes.filter((volume) => volume.arrayId === storwize?.id);
  const pairs = pairsOfEqualSize(volumes).slice(0, 3);
  copyIds = pairs.map(
    ([source, target]) =>
      engine.createCopy({ type: 'flashcopy', sourceVolumeId: source.id, targetVolumeId: target.id, options: { copyRate: 50 }, start: true }).id,
  );
  // Preparing → prepared → copying happen on the simulated clock: save those state changes, then
  // let the copier run, so what is pending afterwards is background progress alone.
  engine.advance(5_000);
  await persister.flush();
  engine.advance(5_000);
  expect(copyIds.every((id) => engine.view(engine.requireCopy(id)).progress.copiedBytes > 0)).toBe(true);
});

function pairsOfEqualSize(volumes: VolumeState[]): [VolumeState, VolumeState][] {
  const bySize = new Map<string, VolumeState[]>();
  for (const volume of volumes) bySize.set(String(volume.capacityBytes), [...(bySize.get(String(volume.capacityBytes)) ?? []), volume]);
  return [...bySize.values()].filter((group) => group.length >= 2).map((group) => [group[0]!, group[1]!]);
}

async function savedCopiedBytes(id: string): Promise<number> {
  const row = await db.copyRelationship.findUniqueOrThrow({ where: { id } });
  return Number(row.copiedBytes);
}

const liveCopiedBytes = (id: string) => engine.view(engine.requireCopy(id)).progress.copiedBytes;

describe('Persister', () => {
  it('saves the clock at once when a command moves it (creating its row the first time), and an idle flush writes nothing', async () => {
    await db.setting.deleteMany({ where: { key: 'simulation' } });
    engine.advance(1_000);
    await persister.flush();
    expect(await loadClock(db)).toEqual({ simulatedTimeMs: engine.clock.nowMs(), speed: 0 });
    engine.advance(7_000);
    engine.setSpeed(10);
    await persister.flush();
    expect(await loadClock(db)).toEqual({ simulatedTimeMs: engine.clock.nowMs(), speed: 10 });
    // Nothing changed: no transaction (and no fsync) until CLOCK_SAVE_INTERVAL_MS has passed.
    transactions = 0;
    await persister.flush();
    expect(transactions).toBe(0);
  });

  it("saves a command's changes on flush() but leaves background progress for later", async () => {
    const [first, second] = copyIds as [string, string];
    const savedBefore = await savedCopiedBytes(first);
    engine.setOptions(second, { copyRate: 60 });
    await persister.flush();
    // The option change is on record, with the progress its row had at that moment.
    const row = await db.copyRelationship.findUniqueOrThrow({ where: { id: second } });
    expect((row.options as { copyRate: number }).copyRate).toBe(60);
    expect(Number(row.copiedBytes)).toBe(liveCopiedBytes(second));
    // The untouched copy's background progress waits: copying a grain again after a crash is harmless.
    expect(await savedCopiedBytes(first)).toBe(savedBefore);
    expect(liveCopiedBytes(first)).toBeGreaterThan(savedBefore);
  });

  it('saves every relationship a host write went through before the write is acknowledged', async () => {
    const [first] = copyIds as [string];
    const copy = engine.requireCopy(first);
    // A grain the copier already copied: the write marks nothing new, but the copier's mark must
    // be durable before the source grain changes, or a restart would copy the new data.
    const write = engine.hostWrite(copy.sourceVolumeId, 0, new Uint8Array(4096).fill(7));
    expect(write.state).toBe('pending');
    await persister.flush();
    // The data went to the volume only once the save of the relationship committed.
    expect(write.state).toBe('applied');
    expect(engine.hostRead(copy.sourceVolumeId, 0, 1)[0]).toBe(7);
    expect(await savedCopiedBytes(first)).toBe(liveCopiedBytes(first));
    const row = await db.copyRelationship.findUniqueOrThrow({ where: { id: first } });
    expect(Buffer.from(row.pendingBitmap ?? [])).toEqual(Buffer.from(copy.toCopy.serialize()));
  });

  it('a save of a changed relationship covers its background progress too, so writes through it need no other save', async () => {
    const [first] = copyIds as [string];
    engine.advance(1_000);
    expect(persister.saveState(first)).toBe('unsaved'); // background progress, for the next progress round
    engine.setOptions(first, { copyRate: 40 });
    await persister.flush();
    // The whole row went in that save, progress as it was then included.
    expect(persister.saveState(first)).toBe('saved');
    expect(await savedCopiedBytes(first)).toBe(liveCopiedBytes(first));
  });

  it('shows no unsaved progress once saves of changed relationships have covered all of it', async () => {
    engine.advance(1_000);
    expect(persister.oldestUnsaved().progressMs).not.toBeNull();
    // Every copy with progress waiting changes: their rows, progress included, go in the next save.
    for (const id of copyIds) engine.setOptions(id, { copyRate: 40 });
    await persister.flush();
    expect(copyIds.every((id) => persister.saveState(id) === 'saved')).toBe(true);
    expect(persister.oldestUnsaved()).toEqual({ changesMs: null, progressMs: null });
  });

  it('writes background progress one batch per transaction and gives way to a command', async () => {
    transactions = 0;
    const savedBefore = await Promise.all(copyIds.map(savedCopiedBytes));
    const progress = persister.saveProgress();
    engine.setOptions(copyIds[2]!, { copyRate: 70 });
    const command = persister.flush();
    await Promise.all([progress, command]);
    // One transaction: the progress round's changes (the option change, noted before it ran). The
    // command found nothing left to save, and the round stopped for it without a progress batch.
    expect(transactions).toBe(1);
    expect(await Promise.all(copyIds.slice(0, 2).map(savedCopiedBytes))).toEqual(savedBefore.slice(0, 2));
    expect(await savedCopiedBytes(copyIds[2]!)).toBe(liveCopiedBytes(copyIds[2]!));

    transactions = 0;
    await persister.saveProgress();
    // One transaction for the (no) changes, then one per progress row (progressRowsPerTransaction 1).
    expect(transactions).toBe(1 + 2);
    for (const id of copyIds) expect(await savedCopiedBytes(id)).toBe(liveCopiedBytes(id));
  });

  it('keeps progress a failed batch could not write for the next round', async () => {
    transactions = 0;
    failTransaction = 3; // the changes, the first progress row, then this one
    await expect(persister.saveProgress()).rejects.toThrow('disk I/O error');
    // The first row made it; the failed one and the one after it did not (rows go in the order
    // their progress arrived, which the copier's rotating start decides).
    const upToDate = await Promise.all(copyIds.map(async (id) => (await savedCopiedBytes(id)) === liveCopiedBytes(id)));
    expect(upToDate.filter(Boolean)).toHaveLength(1);
    await persister.saveProgress();
    for (const id of copyIds) expect(await savedCopiedBytes(id)).toBe(liveCopiedBytes(id));
  });

  it('applies no host write when the save of its marks fails, and applies it with the next', async () => {
    const copy = engine.requireCopy(copyIds[0]!);
    const write = engine.hostWrite(copy.sourceVolumeId, 0, new Uint8Array(16).fill(5));
    transactions = 0;
    failTransaction = 1;
    await expect(persister.flush()).rejects.toThrow('disk I/O error');
    expect(write.state).toBe('pending');
    expect(engine.hostRead(copy.sourceVolumeId, 0, 1)[0]).not.toBe(5);
    await persister.flush();
    expect(write.state).toBe('applied');
    expect(engine.hostRead(copy.sourceVolumeId, 0, 1)[0]).toBe(5);
  });

  it('lets commands that arrive together share one save (group commit)', async () => {
    const copy = engine.requireCopy(copyIds[0]!);
    transactions = 0;
    const writes = [0, 1, 2, 3].map((index) => engine.hostWrite(copy.sourceVolumeId, index * 4096, new Uint8Array(16).fill(index + 1)));
    await Promise.all(writes.map(() => persister.flush()));
    expect(transactions).toBe(1);
    expect(writes.map((write) => write.state)).toEqual(['applied', 'applied', 'applied', 'applied']);
  });

  it('gives up when failed saves leave more log entries waiting than its bound, keeping them until then', async () => {
    const full: number[] = [];
    const bounded = new Persister(countingDb(), engine, createLogger('persister-test'), [], { eventsHeldMax: 3, onBacklogFull: (held) => full.push(held) });
    const copy = engine.requireCopy(copyIds[0]!);
    engine.renameCopy(copy.id, 'first');
    transactions = 0;
    failTransaction = 1;
    await expect(bounded.flush()).rejects.toThrow('disk I/O error');
    expect(full).toEqual([]);
    engine.renameCopy(copy.id, 'second');
    engine.renameCopy(copy.id, 'third');
    engine.renameCopy(copy.id, 'fourth');
    transactions = 0;
    await expect(bounded.flush()).rejects.toThrow('disk I/O error');
    expect(full.length).toBe(1);
    expect(full[0]).toBeGreaterThan(3);
  });

  it('tells since when its oldest unsaved change of each kind waits, and reports every save', async () => {
    const [, second] = copyIds as [string, string];
    const saves: SaveRecord[] = [];
    persister.onSaved((save) => saves.push(save));
    // The copier's progress since the last flush waits for a progress round; no change does.
    expect(persister.oldestUnsaved().changesMs).toBeNull();
    const progressSinceMs = persister.oldestUnsaved().progressMs;
    expect(progressSinceMs).not.toBeNull();
    const beforeMs = Date.now();
    engine.setOptions(second, { copyRate: 60 });
    const changedMs = persister.oldestUnsaved().changesMs;
    expect(changedMs).toBeGreaterThanOrEqual(beforeMs);
    await persister.flush();
    expect(persister.oldestUnsaved()).toEqual({ changesMs: null, progressMs: progressSinceMs });
    // A save that fails gives its changes back as old as they were.
    engine.setOptions(second, { copyRate: 70 });
    const failedMs = persister.oldestUnsaved().changesMs;
    failTransaction = transactions + 1;
    await expect(persister.flush()).rejects.toThrow('disk I/O error');
    expect(persister.oldestUnsaved().changesMs).toBe(failedMs);
    await persister.saveProgress();
    expect(persister.oldestUnsaved()).toEqual({ changesMs: null, progressMs: null });
    expect(saves.map(({ scope, ok }) => ({ scope, ok }))).toEqual([
      { scope: 'changes', ok: true },
      { scope: 'changes', ok: false },
      { scope: 'progress', ok: true },
    ]);
    expect(saves.every((save) => save.durationMs >= 0)).toBe(true);
  });

  it('saves all progress when it stops', async () => {
    await persister.stop();
    for (const id of copyIds) expect(await savedCopiedBytes(id)).toBe(liveCopiedBytes(id));
  });
});
