// Writes the demo fleet into an empty inventory.
import type { Db } from '../db/client';
import { DEMO_FLEET, type DemoArray } from './demo-fleet';
import { recordEvent } from '../services/events';

async function createArray(db: Db, demo: DemoArray): Promise<void> {
  await db.$transaction(async (tx) => {
    const array = await tx.storageArray.create({
      data: {
        name: demo.name,
        model: demo.model,
        serial: demo.serial,
        controllers: { create: [{ slot: 'A' }, { slot: 'B' }] },
        pools: { create: demo.pools.map((p) => ({ name: p.name, capacityBytes: p.capacityBytes, lss: p.lss ?? null })) },
      },
      include: { pools: true },
    });
    const poolId = new Map(array.pools.map((p) => [p.name, p.id]));
    await tx.volume.createMany({
      data: demo.volumes.map((v, number) => {
        const id = poolId.get(v.pool);
        if (id === undefined) throw new Error(`demo volume ${v.name} names unknown pool ${v.pool}`);
        return {
          arrayId: array.id,
          poolId: id,
          name: v.name,
          number,
          capacityBytes: v.capacityBytes,
          preferredOwner: v.preferredOwner,
          currentOwner: v.preferredOwner,
          roles: [],
        };
      }),
    });
    await recordEvent(tx, {
      kind: 'array.added',
      subjectType: 'array',
      subjectId: array.id,
      arrayId: array.id,
      actor: 'system',
      details: { name: demo.name, model: demo.model, serial: demo.serial, volumes: demo.volumes.length },
    });
  });
}

/** Seeds the demo fleet when the inventory has no array; returns whether it did. */
export async function seedIfEmpty(db: Db, fleet: DemoArray[] = DEMO_FLEET): Promise<boolean> {
  if ((await db.storageArray.count()) > 0) return false;
  for (const demo of fleet) await createArray(db, demo);
  return true;
}
