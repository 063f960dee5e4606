// Builds the engine's starting state from the inventory.
import type { Db } from '../db/client';
import type { FleetSnapshot, Relationship } from '../../engine';
import { isClockSpeed, type ClockSpeed } from '../../engine';
import { relationshipOfRow } from './copy-rows';
import { SIMULATION_SETTING_KEY } from './persister';
import type { ArrayModel, ControllerSlot, ControllerStatus } from '../../engine/model';
import { volumeView } from '../services/dto';

export async function loadFleetSnapshot(db: Db): Promise<FleetSnapshot> {
  const arrays = await db.storageArray.findMany({ include: { controllers: true } });
  const pools = await db.pool.findMany();
  const volumes = await db.volume.findMany();
  const groups = await db.consistencyGroup.findMany({ select: { id: true, arrayId: true, name: true } });
  return {
    arrays: arrays.map((row) => {
      const status = (slot: ControllerSlot): ControllerStatus =>
        (row.controllers.find((c) => c.slot === slot)?.status as ControllerStatus | undefined) ?? 'offline';
      return {
        id: row.id,
        name: row.name,
        model: row.model as ArrayModel,
        serial: row.serial,
        controllers: { A: status('A'), B: status('B') },
      };
    }),
    pools: pools.map((pool) => ({ id: pool.id, arrayId: pool.arrayId, name: pool.name, lss: pool.lss })),
    volumes: volumes.map(volumeView),
    groups,
  };
}

/** The relationships as last saved, ready for the engine to resume. */
export async function loadRelationships(db: Db, snapshot: FleetSnapshot): Promise<Relationship[]> {
  const rows = await db.copyRelationship.findMany({ orderBy: { createdAt: 'asc' } });
  const models = new Map(snapshot.arrays.map((array) => [array.id, array.model]));
  const capacities = new Map(snapshot.volumes.map((volume) => [volume.id, Number(volume.capacityBytes)]));
  return rows.map((row) => {
    const model = models.get(row.arrayId);
    const capacity = capacities.get(row.sourceVolumeId);
    if (model === undefined || capacity === undefined) throw new Error(`copy ${row.id} refers to a missing array or volume`);
    return relationshipOfRow(row, model, capacity);
  });
}

export interface SavedClock {
  simulatedTimeMs: number;
  speed: ClockSpeed;
}

/** The simulation clock as last saved, so simulated time never runs backwards across a restart. */
export async function loadClock(db: Db): Promise<SavedClock | null> {
  const row = await db.setting.findUnique({ where: { key: SIMULATION_SETTING_KEY } });
  const value = row?.value as { simulatedTimeMs?: unknown; speed?: unknown } | undefined;
  if (value === undefined || typeof value.simulatedTimeMs !== 'number' || !isClockSpeed(value.speed)) return null;
  return { simulatedTimeMs: Math.round(value.simulatedTimeMs), speed: value.speed };
}
