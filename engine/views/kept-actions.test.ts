// Engine.actions keeps its answers while the chains are kept (nothing but progress happened): the
// console's pushes ask for every moving copy's actions twice a second. Anything else answers afresh.
import { describe, expect, it } from 'vitest';
import { Engine } from '../engine';
import { MemoryStore } from '../data/memory-store';
import { Clock } from '../time/clock';
import { MiB } from '../testing/fixture';

function storwize(): { engine: Engine; advanceWall: (ms: number) => void } {
  let wallMs = 0;
  let nextId = 0;
  const engine = new Engine({
    clock: new Clock({ startMs: Date.UTC(2026, 0, 1), speed: 0, wall: { nowMs: () => wallMs } }),
    openStore: (volume) => new MemoryStore(Number(volume.capacityBytes)),
    newId: () => `c${(nextId += 1)}`,
    seed: 7,
  });
  engine.load({
    arrays: [{ id: 'sw', name: 'storwize-array', model: 'storwize', serial: 'SN-sw', controllers: { A: 'online', B: 'online' } }],
    pools: [{ id: 'sw-p0', arrayId: 'sw', name: 'P0', lss: null }],
    volumes: Array.from({ length: 4 }, (_, index) => ({
      id: `sw-v${index}`,
      arrayId: 'sw',
      poolId: 'sw-p0',
      name: `sw_vol_${index}`,
      capacityBytes: BigInt(64 * MiB),
      preferredOwner: 'A' as const,
      currentOwner: 'A' as const,
      status: 'online' as const,
      readOnly: false,
      roles: [],
    })),
  });
  return { engine, advanceWall: (ms) => (wallMs += ms) };
}

const allowed = (engine: Engine, id: string) =>
  engine
    .actions(engine.requireCopy(id))
    .filter((a) => a.allowed)
    .map((a) => a.action);

describe('kept actions', () => {
  it('are the same answer across ticks that only move progress, and fresh after a fault, a command or a state change', () => {
    const { engine, advanceWall } = storwize();
    const moving = engine.createCopy({ type: 'flashcopy', sourceVolumeId: 'sw-v0', targetVolumeId: 'sw-v1', options: { copyRate: 50 } });
    const idle = engine.createCopy({ type: 'flashcopy', sourceVolumeId: 'sw-v2', targetVolumeId: 'sw-v3', start: false });
    engine.setSpeed(1);
    for (let i = 0; i < 100 && engine.requireCopy(moving.id).state !== 'copying'; i += 1) {
      advanceWall(100);
      engine.tick();
    }
    expect(engine.requireCopy(moving.id).state).toBe('copying');
    const before = engine.actions(idle);
    expect(before.find((a) => a.action === 'start')?.allowed).toBe(true);
    // Progress alone: the kept answer.
    const copiedBefore = engine.view(moving).progress.copiedBytes;
    advanceWall(1_000);
    engine.tick();
    expect(engine.view(moving).progress.copiedBytes).toBeGreaterThan(copiedBefore);
    expect(engine.actions(idle)).toBe(before);

    // A fault (a command) refuses what would move data.
    const fault = engine.injectFault({ kind: 'volume-io-error', volumeId: 'sw-v3' });
    expect(engine.actions(idle).find((a) => a.action === 'start')).toMatchObject({ allowed: false, reason: expect.stringMatching(/I\/O error/) });
    engine.clearFault(fault.id);
    expect(engine.actions(idle).find((a) => a.action === 'start')?.allowed).toBe(true);

    // A state change in a tick (the copy completes), not a command: its actions follow.
    const whileCopying = allowed(engine, moving.id);
    for (let i = 0; i < 200 && engine.requireCopy(moving.id).state === 'copying'; i += 1) {
      advanceWall(1_000);
      engine.tick();
    }
    expect(engine.requireCopy(moving.id).state).not.toBe('copying');
    expect(allowed(engine, moving.id)).not.toEqual(whileCopying);
  });
});
