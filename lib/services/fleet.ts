// Reading the fleet: arrays with their controllers and pools, volumes with filters.
import type { Db } from '../db/client';
import type { Prisma } from '../db/generated/client';
import { ApiError } from '../http/api-error';
import type { VolumeFilter } from '../api/fleet-schemas';
import type { Engine } from '../../engine';
import { arrayView, rolesOf, volumeView, type ArrayView, type VolumeView } from './dto';

const ARRAY_INCLUDE = {
  controllers: true,
  pools: true,
  volumes: { select: { poolId: true, currentOwner: true, capacityBytes: true } },
} as const;

/** Controller status and each controller's volume count change in the engine first (failover). */
function liveArray(view: ArrayView, engine: Engine | undefined): ArrayView {
  const state = engine?.fleet.array(view.id);
  if (engine === undefined || state === undefined) return view;
  const counts = new Map<string, number>();
  for (const volume of engine.fleet.volumesOf(view.id)) counts.set(volume.currentOwner, (counts.get(volume.currentOwner) ?? 0) + 1);
  return { ...view, controllers: view.controllers.map((c) => ({ ...c, status: state.controllers[c.slot], volumeCount: counts.get(c.slot) ?? 0 })) };
}

export async function listArrays(db: Db, engine?: Engine): Promise<ArrayView[]> {
  const rows = await db.storageArray.findMany({ include: ARRAY_INCLUDE, orderBy: { name: 'asc' } });
  return rows.map((row) => liveArray(arrayView(row), engine));
}

export async function getArray(db: Db, id: string, engine?: Engine): Promise<ArrayView> {
  const row = await db.storageArray.findUnique({ where: { id }, include: ARRAY_INCLUDE });
  if (row === null) throw new ApiError(404, `array "${id}" does not exist`);
  return liveArray(arrayView(row), engine);
}

/** Ownership, roles and access change in the engine first; it is the authority for them. */
function live(view: VolumeView, engine: Engine | undefined): VolumeView {
  const volume = engine?.fleet.volume(view.id);
  if (volume === undefined) return view;
  return { ...view, currentOwner: volume.currentOwner, roles: [...volume.roles], readOnly: volume.readOnly, status: volume.status };
}

export async function listVolumes(db: Db, filter: VolumeFilter, engine?: Engine): Promise<VolumeView[]> {
  const where: Prisma.VolumeWhereInput = {};
  if (filter.arrayId !== undefined) where.arrayId = filter.arrayId;
  if (filter.poolId !== undefined) where.poolId = filter.poolId;
  if (filter.q !== undefined && filter.q !== '') where.name = { contains: filter.q };
  const rows = await db.volume.findMany({ where, orderBy: [{ arrayId: 'asc' }, { name: 'asc' }] });
  const owned = rows.map((row) => live(volumeView(row), engine)).filter((v) => filter.owner === undefined || v.currentOwner === filter.owner);
  const role = filter.role;
  if (role === undefined) return owned;
  if (role === 'none') return owned.filter((v) => v.roles.length === 0);
  return owned.filter((v) => rolesOf(v.roles).includes(role));
}

export async function getVolume(db: Db, id: string, engine?: Engine): Promise<VolumeView> {
  const row = await db.volume.findUnique({ where: { id } });
  if (row === null) throw new ApiError(404, `volume "${id}" does not exist`);
  return live(volumeView(row), engine);
}
