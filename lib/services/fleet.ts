// Reading the fleet: arrays with their controllers and pools, volumes with filters.
import type { Db } from '../db/client';
import type { Prisma } from '../db/generated/client';
import { ApiError } from '../http/api-error';
import type { VolumeFilter } from '../api/fleet-schemas';
import { arrayView, rolesOf, volumeView, type ArrayView, type VolumeView } from './dto';

const ARRAY_INCLUDE = {
  controllers: true,
  pools: true,
  volumes: { select: { poolId: true, currentOwner: true, capacityBytes: true } },
} as const;

export async function listArrays(db: Db): Promise<ArrayView[]> {
  const rows = await db.storageArray.findMany({ include: ARRAY_INCLUDE, orderBy: { name: 'asc' } });
  return rows.map(arrayView);
}

export async function getArray(db: Db, id: string): Promise<ArrayView> {
  const row = await db.storageArray.findUnique({ where: { id }, include: ARRAY_INCLUDE });
  if (row === null) throw new ApiError(404, `array "${id}" does not exist`);
  return arrayView(row);
}

export async function listVolumes(db: Db, filter: VolumeFilter): Promise<VolumeView[]> {
  const where: Prisma.VolumeWhereInput = {};
  if (filter.arrayId !== undefined) where.arrayId = filter.arrayId;
  if (filter.poolId !== undefined) where.poolId = filter.poolId;
  if (filter.owner !== undefined) where.currentOwner = filter.owner;
  if (filter.q !== undefined && filter.q !== '') where.name = { contains: filter.q };
  const rows = await db.volume.findMany({ where, orderBy: [{ arrayId: 'asc' }, { name: 'asc' }] });
  const views = rows.map(volumeView);
  // Roles live in a JSON column, which SQLite and PostgreSQL filter differently: filter here.
  const role = filter.role;
  if (role === undefined) return views;
  if (role === 'none') return views.filter((v) => v.roles.length === 0);
  return views.filter((v) => rolesOf(v.roles).includes(role));
}

export async function getVolume(db: Db, id: string): Promise<VolumeView> {
  const row = await db.volume.findUnique({ where: { id } });
  if (row === null) throw new ApiError(404, `volume "${id}" does not exist`);
  return volumeView(row);
}
