// Builds the engine's starting state from the inventory.
import type { Db } from '../db/client';
import type { FleetSnapshot } from '../../engine';
import type { ArrayModel, ControllerSlot, ControllerStatus } from '../../engine/model';
import { volumeView } from '../services/dto';

export async function loadFleetSnapshot(db: Db): Promise<FleetSnapshot> {
  const arrays = await db.storageArray.findMany({ include: { controllers: true } });
  const pools = await db.pool.findMany();
  const volumes = await db.volume.findMany();
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
  };
}
