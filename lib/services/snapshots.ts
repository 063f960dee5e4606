// SANtricity snapshot volumes (engine/copy/snapshot.ts): taking one of a base volume, re-creating
// or disabling it, and removing it with its volume. The snapshot volume's row (named, numbered,
// in its base's pool, its repository counted there) commits with its log entry first; the engine
// then makes it a snapshot, and takes the row back out if it refuses.
import type { CreateSnapshotInput } from '../api/fleet-schemas';
import { ApiError } from '../http/api-error';
import { bytesToJson } from '../http/json';
import type { Runtime } from '../runtime';
import { formatBytes } from '../units';
import { SNAPSHOT_REPOSITORY_DEFAULT_RATIO } from '../../engine/copy/chosen-values';
import { smallestFreeNumber } from '../../engine/copy/names';
import { SECTOR_BYTES } from '../api/fleet-schemas';
import { poolBytesOf, volumeView, type VolumeView } from './dto';
import { liveVolume } from './fleet';
import { recordEvent } from './events';
import { runCommand, type Actor } from './run-command';

/** SANtricity names a base's snapshots <base>-1, <base>-2, … (the smallest free number). */
function defaultSnapshotName(baseName: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n += 1) if (!taken.has(`${baseName}-${n}`.toLowerCase())) return `${baseName}-${n}`;
}

/** 20 % of the base, rounded up to whole sectors. */
function defaultRepositoryBytes(baseCapacityBytes: bigint): bigint {
  const bytes = BigInt(Math.ceil(Number(baseCapacityBytes) * SNAPSHOT_REPOSITORY_DEFAULT_RATIO));
  const sector = SECTOR_BYTES;
  return ((bytes + sector - 1n) / sector) * sector;
}

export async function createSnapshot(runtime: Runtime, baseVolumeId: string, input: CreateSnapshotInput, actor: Actor): Promise<VolumeView> {
  const { db, engine } = runtime;
  const base = engine.fleet.volume(baseVolumeId);
  if (base === undefined) throw new ApiError(404, `volume "${baseVolumeId}" does not exist`);
  const blocked = engine.snapshotBlock(baseVolumeId);
  if (blocked !== null) throw new ApiError(422, blocked, [blocked]);
  const repositoryCapacityBytes = input.repositoryCapacityBytes ?? defaultRepositoryBytes(base.capacityBytes);
  if (repositoryCapacityBytes <= 0n || repositoryCapacityBytes > base.capacityBytes) {
    const reason = `the repository must be larger than 0 and at most the base's ${formatBytes(base.capacityBytes)}`;
    throw new ApiError(422, reason, [reason]);
  }
  const row = await db.$transaction(async (tx) => {
    const baseRow = await tx.volume.findUnique({ where: { id: baseVolumeId }, include: { pool: true } });
    if (baseRow === null) throw new ApiError(404, `volume "${baseVolumeId}" does not exist`);
    const onArray = await tx.volume.findMany({
      where: { arrayId: baseRow.arrayId },
      select: { name: true, number: true, poolId: true, capacityBytes: true, repositoryCapacityBytes: true },
    });
    const name = input.name ?? defaultSnapshotName(baseRow.name, new Set(onArray.map((v) => v.name.toLowerCase())));
    if (onArray.some((v) => v.name.toLowerCase() === name.toLowerCase())) throw new ApiError(409, `a volume named "${name}" already exists on this array`);
    const usedBytes = onArray.filter((v) => v.poolId === baseRow.poolId).reduce((sum, v) => sum + poolBytesOf(v), 0n);
    const freeBytes = baseRow.pool.capacityBytes - usedBytes;
    if (repositoryCapacityBytes > freeBytes) {
      const reason = `pool ${baseRow.pool.name} has ${formatBytes(freeBytes)} free, the repository needs ${formatBytes(repositoryCapacityBytes)}`;
      throw new ApiError(422, reason, [reason]);
    }
    const created = await tx.volume.create({
      data: {
        arrayId: baseRow.arrayId,
        poolId: baseRow.poolId,
        name,
        number: smallestFreeNumber(new Set(onArray.map((v) => v.number))),
        capacityBytes: baseRow.capacityBytes,
        // The base's controller owns its snapshots (they move with it: engine/copy/snapshot.ts).
        preferredOwner: baseRow.preferredOwner,
        currentOwner: base.currentOwner,
        roles: [],
        provisioning: 'thin',
        kind: 'snapshot',
        baseVolumeId: baseRow.id,
        repositoryCapacityBytes,
      },
    });
    await recordEvent(tx, {
      kind: 'snapshot.created',
      subjectType: 'volume',
      subjectId: created.id,
      arrayId: baseRow.arrayId,
      actor: actor.name,
      details: { name, base: baseRow.name, repositoryCapacityBytes: bytesToJson(repositoryCapacityBytes) },
    });
    return created;
  });
  const view = volumeView(row);
  let taken = false;
  try {
    await runCommand(runtime, actor, (engine) => {
      engine.addVolume({ ...view, roles: [] });
      try {
        engine.createSnapshot(view.id);
        taken = true;
      } finally {
        if (!taken) engine.removeVolume(view.id);
      }
    });
  } catch (error) {
    // Refused by the engine: the row and its log entry go, so the refusal changes nothing.
    if (!taken)
      await db.$transaction([db.event.deleteMany({ where: { subjectId: row.id, kind: 'snapshot.created' } }), db.volume.delete({ where: { id: row.id } })]);
    throw error;
  }
  return liveVolume(runtime, view);
}

/** POST /api/volumes/:id/snapshot/actions/:action — re-create (a new point in time) or disable. */
export async function actOnSnapshot(runtime: Runtime, snapshotVolumeId: string, action: string, actor: Actor): Promise<VolumeView> {
  const row = await runtime.db.volume.findUnique({ where: { id: snapshotVolumeId } });
  if (row === null) throw new ApiError(404, `volume "${snapshotVolumeId}" does not exist`);
  await runCommand(runtime, actor, (engine) => engine.actOnSnapshot(snapshotVolumeId, action));
  return liveVolume(runtime, volumeView(row));
}
