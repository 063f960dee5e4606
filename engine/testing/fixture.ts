// A small fleet in memory with a paused virtual clock, for engine tests and simulations.
import { Engine } from '../engine';
import { MemoryStore } from '../data/memory-store';
import type { ArrayModel, ControllerSlot, PoolState, VolumeState } from '../model';
import { Clock } from '../time/clock';

export const FIXTURE_START_MS = Date.UTC(2026, 0, 1);
export const MiB = 1024 * 1024;

export interface FixtureOptions {
  /** Volumes per array (default 12). */
  volumesPerArray?: number;
  /** Capacity of every volume, bytes (default 1 MiB). */
  capacityBytes?: number;
  /** Capacity of particular volume indexes, bytes. */
  capacityOverrides?: Record<number, number>;
  seed?: number;
  /** Hold host writes until applyHostWrites, as the server does (io/write-queue.ts). */
  deferHostWrites?: boolean;
  /** Bound of the deferred host-write queue (default: the engine's). */
  hostWritesQueuedMax?: number;
  /** Ticks visit every relationship and forget chains (the reference for the active set: schedule/active.ts). */
  exhaustiveTicks?: boolean;
}

export interface Fixture {
  engine: Engine;
  arrayId: (model: ArrayModel) => string;
  /** The i-th volume of the model's array. */
  volume: (model: ArrayModel, index: number) => VolumeState;
}

export function createFixture(options: FixtureOptions = {}): Fixture {
  const volumesPerArray = options.volumesPerArray ?? 12;
  const capacityBytes = options.capacityBytes ?? MiB;
  let nextId = 0;
  const engine = new Engine({
    clock: new Clock({ startMs: FIXTURE_START_MS, speed: 0, wall: { nowMs: () => 0 } }),
    openStore: (volume) => new MemoryStore(Number(volume.capacityBytes)),
    newId: () => `c${(nextId += 1)}`,
    seed: options.seed ?? 7,
    deferHostWrites: options.deferHostWrites ?? false,
    ...(options.hostWritesQueuedMax === undefined ? {} : { hostWritesQueuedMax: options.hostWritesQueuedMax }),
    ...(options.exhaustiveTicks === undefined ? {} : { exhaustiveTicks: options.exhaustiveTicks }),
  });
  const models: ArrayModel[] = ['santricity', 'xp7', 'storwize', 'ds6000'];
  const pools: PoolState[] = models.flatMap((model) => [
    { id: `${model}-p0`, arrayId: model, name: 'P0', lss: model === 'ds6000' ? 0x10 : null },
    { id: `${model}-p1`, arrayId: model, name: 'P1', lss: model === 'ds6000' ? 0x11 : null },
  ]);
  const volumes: VolumeState[] = models.flatMap((model) =>
    Array.from({ length: volumesPerArray }, (_, index) => {
      const owner: ControllerSlot = index % 2 === 0 ? 'A' : 'B';
      return {
        id: `${model}-v${index}`,
        arrayId: model,
        // The last quarter of the volumes sit in the second pool (another LSS on ds6000).
        poolId: index >= Math.floor(volumesPerArray * 0.75) ? `${model}-p1` : `${model}-p0`,
        name: `${model}_vol_${index}`,
        capacityBytes: BigInt(options.capacityOverrides?.[index] ?? capacityBytes),
        preferredOwner: owner,
        currentOwner: owner,
        status: 'online' as const,
        readOnly: false,
        roles: [],
      };
    }),
  );
  engine.load({
    arrays: models.map((model) => ({ id: model, name: `${model}-array`, model, serial: `SN-${model}`, controllers: { A: 'online', B: 'online' } })),
    pools,
    volumes,
  });
  return {
    engine,
    arrayId: (model) => model,
    volume: (model, index) => {
      const volume = engine.fleet.volume(`${model}-v${index}`);
      if (volume === undefined) throw new Error(`no volume ${index} on ${model}`);
      return volume;
    },
  };
}

/** Bytes that differ from every other fill, so a mix-up shows. */
export function pattern(lengthBytes: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(lengthBytes);
  for (let i = 0; i < lengthBytes; i += 1) bytes[i] = (i * 31 + seed * 97 + (i >> 8)) & 0xff;
  return bytes;
}
