// Creating, renaming, growing and deleting volumes: the inventory row and its log entry commit in
// one transaction, then the engine follows through runCommand (so what the engine changed as a
// consequence is saved before the answer too).
import type { Prisma } from '../db/generated/client';
import { ApiError } from '../http/api-error';
import { bytesToJson } from '../http/json';
import type { CreateVolumeInput, PatchVolumeInput } from '../api/fleet-schemas';
import type { Runtime } from '../runtime';
import { formatBytes } from '../units';
import { otherSlot, type ControllerSlot } from '../../engine/model';
import { volumeView, rolesOf, type VolumeView } from './dto';
import { liveVolume } from './fleet';
import { recordEvent } from './events';
import { freeVolumeNumber, usedByPool } from './volume-inventory';
import { runCommand, type Actor } from './run-command';

type Tx = Prisma.TransactionClient;

async function choosePool(tx: Tx, arrayId: string, input: Pick<CreateVolumeInput, 'poolId'>) {
  const pools = await tx.pool.findMany({ where: { arrayId } });
  const used = await usedByPool(tx, { arrayId });
  const withFree = pools.map((pool) => ({ pool, freeBytes: pool.capacityBytes - (used.get(pool.id) ?? 0n) }));
  if (input.poolId !== undefined) {
    const chosen = withFree.find((p) => p.pool.id === input.poolId);
    if (chosen === undefined) {
      throw new ApiError(422, `pool "${input.poolId}" is not on this array`, [`pool "${input.poolId}" is not on array "${arrayId}"`]);
    }
    return chosen;
  }
  const roomiest = withFree.sort((a, b) => (b.freeBytes > a.freeBytes ? 1 : b.freeBytes < a.freeBytes ? -1 : 0))[0];
  if (roomiest === undefined) throw new ApiError(422, 'the array has no pool to allocate from', ['no pool on the array']);
  return roomiest;
}

async function balancedOwner(tx: Tx, arrayId: string): Promise<ControllerSlot> {
  const onA = await tx.volume.count({ where: { arrayId, preferredOwner: 'A' } });
  const onB = await tx.volume.count({ where: { arrayId, preferredOwner: 'B' } });
  return onB < onA ? 'B' : 'A';
}

export async function createVolume(runtime: Runtime, input: CreateVolumeInput, actor: Actor): Promise<VolumeView> {
  const { db } = runtime;
  const row = await db.$transaction(async (tx) => {
    const array = await tx.storageArray.findUnique({ where: { id: input.arrayId }, include: { controllers: true } });
    if (array === null) throw new ApiError(404, `array "${input.arrayId}" does not exist`);
    const clash = await tx.volume.findUnique({ where: { arrayId_name: { arrayId: array.id, name: input.name } } });
    if (clash !== null) throw new ApiError(409, `a volume named "${input.name}" already exists on array ${array.name}`);
    const { pool, freeBytes } = await choosePool(tx, array.id, input);
    if (input.capacityBytes > freeBytes) {
      const reason = `pool ${pool.name} has ${formatBytes(freeBytes)} free, the volume needs ${formatBytes(input.capacityBytes)}`;
      throw new ApiError(422, reason, [reason]);
    }
    const preferredOwner = input.preferredOwner ?? (await balancedOwner(tx, array.id));
    const preferredOnline = array.controllers.some((c) => c.slot === preferredOwner && c.status === 'online');
    const currentOwner = preferredOnline ? preferredOwner : otherSlot(preferredOwner);
    const created = await tx.volume.create({
      data: {
        arrayId: array.id,
        poolId: pool.id,
        name: input.name,
        number: await freeVolumeNumber(tx, array.id),
        capacityBytes: input.capacityBytes,
        preferredOwner,
        currentOwner,
        roles: [],
        provisioning: input.provisioning ?? 'thick',
      },
    });
    await recordEvent(tx, {
      kind: 'volume.created',
      subjectType: 'volume',
      subjectId: created.id,
      arrayId: array.id,
      actor: actor.name,
      details: { name: created.name, capacityBytes: bytesToJson(created.capacityBytes), pool: pool.name, preferredOwner },
    });
    return created;
  });
  const view = volumeView(row);
  let added = false;
  try {
    await runCommand(runtime, actor, (engine) => {
      engine.addVolume({ ...view, roles: [] });
      added = true;
    });
  } catch (error) {
    // The engine refused what the inventory accepted (a store the data directory cannot hold):
    // take the row and its log entry back out, so the refusal changes nothing. A save that failed
    // after the engine took the volume leaves both as they are: the row is already committed.
    if (!added)
      await db.$transaction([db.event.deleteMany({ where: { subjectId: row.id, kind: 'volume.created' } }), db.volume.delete({ where: { id: row.id } })]);
    throw error;
  }
  return view;
}

export async function deleteVolume(runtime: Runtime, id: string, actor: Actor): Promise<void> {
  const { db, engine } = runtime;
  const snapshots = engine.snapshotsOfBase(id);
  if (snapshots.length > 0) {
    const names = snapshots.map((r) => r.name).join(', ');
    throw new ApiError(
      409,
      `volume ${engine.requireVolume(id).name} is the base of snapshot${snapshots.length === 1 ? '' : 's'} ${names}: delete ${snapshots.length === 1 ? 'it' : 'them'} first`,
    );
  }
  const held = engine.copiesOf(id)[0];
  if (held !== undefined) {
    throw new ApiError(
      409,
      `volume ${engine.requireVolume(id).name} cannot be deleted while it is in ${held.type} relationship ${held.name} (state ${held.state}): remove the relationship first`,
    );
  }
  // A snapshot volume: the snapshot ends first (its repository released, its record removed).
  if (engine.snapshotOf(id) !== undefined) {
    const blocked = engine.snapshotRemovalBlock(id);
    if (blocked !== null) throw new ApiError(409, blocked);
    await runCommand(runtime, actor, (engine) => engine.removeSnapshot(id));
  }
  await db.$transaction(async (tx) => {
    const volume = await tx.volume.findUnique({ where: { id } });
    if (volume === null) throw new ApiError(404, `volume "${id}" does not exist`);
    const copy = await tx.copyRelationship.findFirst({
      where: { OR: [{ sourceVolumeId: id }, { targetVolumeId: id }] },
      select: { id: true, type: true, state: true },
    });
    const roles = rolesOf(volume.roles);
    if (copy !== null || roles.length > 0) {
      const what = copy ? `${copy.type} relationship ${copy.id} (state ${copy.state})` : `its roles (${roles.join(', ')})`;
      throw new ApiError(409, `volume ${volume.name} cannot be deleted while it is in a copy relationship: remove ${what} first`);
    }
    await tx.volume.delete({ where: { id } });
    await recordEvent(tx, {
      kind: 'volume.deleted',
      subjectType: 'volume',
      subjectId: id,
      arrayId: volume.arrayId,
      actor: actor.name,
      details: { name: volume.name, capacityBytes: bytesToJson(volume.capacityBytes) },
    });
  });
  await runCommand(runtime, actor, (engine) => engine.removeVolume(id));
  runtime.hostIo.counters.forget(id);
}

/** Renames a volume: unique on its array, as when it was created. */
export async function renameVolume(runtime: Runtime, id: string, name: string, actor: Actor): Promise<VolumeView> {
  const row = await runtime.db.$transaction(async (tx) => {
    const volume = await tx.volume.findUnique({ where: { id } });
    if (volume === null) throw new ApiError(404, `volume "${id}" does not exist`);
    if (volume.name === name) return volume;
    const clash = await tx.volume.findUnique({ where: { arrayId_name: { arrayId: volume.arrayId, name } } });
    if (clash !== null) throw new ApiError(409, `a volume named "${name}" already exists on this array`);
    const renamed = await tx.volume.update({ where: { id }, data: { name } });
    await recordEvent(tx, {
      kind: 'volume.renamed',
      subjectType: 'volume',
      subjectId: id,
      arrayId: volume.arrayId,
      actor: actor.name,
      details: { name, from: volume.name },
    });
    return renamed;
  });
  await runCommand(runtime, actor, (engine) => engine.renameVolume(id, row.name));
  return liveVolume(runtime, volumeView(row));
}

/**
 * Grows a volume to `capacityBytes` (never shrinks): the pool must hold the growth, and a volume
 * in a copy relationship keeps its size (relationship bitmaps are sized to it). The inventory
 * commits first; the engine then extends the volume's store (a crash in between is finished at
 * the next start, engine/data/file-store.ts).
 */
export async function growVolume(runtime: Runtime, id: string, capacityBytes: bigint, actor: Actor): Promise<VolumeView> {
  const volume = runtime.engine.requireVolume(id);
  const blocked = runtime.engine.growBlock(id, capacityBytes);
  if (blocked !== null) throw new ApiError(409, blocked);
  const row = await runtime.db.$transaction(async (tx) => {
    const current = await tx.volume.findUnique({ where: { id } });
    if (current === null) throw new ApiError(404, `volume "${id}" does not exist`);
    const pool = await tx.pool.findUnique({ where: { id: current.poolId } });
    const used = (await usedByPool(tx, { poolId: current.poolId })).get(current.poolId) ?? 0n;
    const freeBytes = (pool?.capacityBytes ?? 0n) - used;
    const growthBytes = capacityBytes - current.capacityBytes;
    if (growthBytes > freeBytes) {
      const reason = `pool ${pool?.name ?? current.poolId} has ${formatBytes(freeBytes)} free, growing ${volume.name} needs ${formatBytes(growthBytes)}`;
      throw new ApiError(422, reason, [reason]);
    }
    const grown = await tx.volume.update({ where: { id }, data: { capacityBytes } });
    await recordEvent(tx, {
      kind: 'volume.grown',
      subjectType: 'volume',
      subjectId: id,
      arrayId: current.arrayId,
      actor: actor.name,
      details: { name: current.name, fromBytes: bytesToJson(current.capacityBytes), capacityBytes: bytesToJson(capacityBytes) },
    });
    return grown;
  });
  await runCommand(runtime, actor, (engine) => engine.growVolume(id, capacityBytes));
  return liveVolume(runtime, volumeView(row));
}

/**
 * PUT /api/volumes/:id/owner: the administrator gives the volume to a controller. The inventory's
 * preferred owner changes first; if the engine then refuses (a copy began meanwhile), it is put back.
 */
export async function changeVolumeOwner(runtime: Runtime, id: string, owner: ControllerSlot, actor: Actor): Promise<VolumeView> {
  const blocked = runtime.engine.ownerChangeBlock(id, owner);
  if (blocked !== null) throw new ApiError(409, blocked);
  const before = await runtime.db.volume.findUnique({ where: { id } });
  if (before === null) throw new ApiError(404, `volume "${id}" does not exist`);
  const row = await runtime.db.volume.update({ where: { id }, data: { preferredOwner: owner } });
  try {
    await runCommand(runtime, actor, (engine) => engine.changeOwner(id, owner));
  } catch (error) {
    if (runtime.engine.requireVolume(id).preferredOwner !== owner)
      await runtime.db.volume.update({ where: { id }, data: { preferredOwner: before.preferredOwner } });
    throw error;
  }
  return liveVolume(runtime, volumeView(row));
}

/** PATCH /api/volumes/:id: one change per request (the schema allows a name or a size, not both). */
export async function changeVolume(runtime: Runtime, id: string, change: PatchVolumeInput, actor: Actor): Promise<VolumeView> {
  if (change.capacityBytes !== undefined) return growVolume(runtime, id, change.capacityBytes, actor);
  if (change.name !== undefined) return renameVolume(runtime, id, change.name, actor);
  throw new ApiError(400, 'give a new name or a new capacityBytes');
}
