// Reading the fleet: arrays with their controllers and pools, volumes with filters. The inventory
// holds what the arrays are made of; the engine is the authority for what changes as they run.
import type { Prisma } from '../db/generated/client';
import { textContains, type Db } from '../db/client';
import { ApiError } from '../http/api-error';
import type { VolumeFilter } from '../api/fleet-schemas';
import type { Runtime } from '../runtime';
import type { Engine } from '../../engine';
import { repositoryUsedBytes } from '../../engine/commands/snapshots';
import type { SnapshotState } from '../../engine/copy/snapshot';
import { arrayView, rolesOf, volumeView, type ArrayView, type SnapshotView, type VolumeView } from './dto';
import { arrayVolumeTotals, noVolumes } from './volume-inventory';

/** Controller status and each controller's volume count change in the engine first (failover). */
function liveArray(engine: Engine, view: ArrayView): ArrayView {
  const state = engine.fleet.array(view.id);
  if (state === undefined) return view;
  const counts = new Map<string, number>();
  for (const volume of engine.fleet.volumesOf(view.id)) counts.set(volume.currentOwner, (counts.get(volume.currentOwner) ?? 0) + 1);
  return { ...view, controllers: view.controllers.map((c) => ({ ...c, status: state.controllers[c.slot], volumeCount: counts.get(c.slot) ?? 0 })) };
}

/** The arrays `where` picks, as the API shows them (also what the live push sends). */
export async function arrayViews(db: Db, engine: Engine, where: Prisma.StorageArrayWhereInput = {}): Promise<ArrayView[]> {
  const rows = await db.storageArray.findMany({ where, include: { controllers: true, pools: true }, orderBy: { name: 'asc' } });
  const totals = await arrayVolumeTotals(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => liveArray(engine, arrayView(row, totals.get(row.id) ?? noVolumes())));
}

export function listArrays(runtime: Runtime): Promise<ArrayView[]> {
  return arrayViews(runtime.db, runtime.engine);
}

export async function getArray(runtime: Runtime, id: string): Promise<ArrayView> {
  const [view] = await arrayViews(runtime.db, runtime.engine, { id });
  if (view === undefined) throw new ApiError(404, `array "${id}" does not exist`);
  return view;
}

/** Ownership, roles and access change in the engine first; it is the authority for them. */
export function liveVolume(runtime: Runtime, view: VolumeView): VolumeView {
  return liveVolumeView(runtime.engine, view);
}

/** The row's view with what the engine owns taken live (the live push calls it with the engine in hand). */
export function liveVolumeView(engine: Engine, view: VolumeView): VolumeView {
  const volume = engine.fleet.volume(view.id);
  if (volume === undefined) return view;
  return {
    ...view,
    preferredOwner: volume.preferredOwner,
    currentOwner: volume.currentOwner,
    roles: [...volume.roles],
    readOnly: volume.readOnly,
    status: volume.status,
    statusReason: volume.statusReason ?? null,
    imageNote: volume.imageNote ?? null,
    snapshot: liveSnapshot(engine, view),
  };
}

function liveSnapshot(engine: Engine, view: VolumeView): SnapshotView | null {
  const relationship = view.snapshot === null ? undefined : engine.snapshotOf(view.id);
  if (view.snapshot === null || relationship === undefined) return view.snapshot;
  return {
    ...view.snapshot,
    state: relationship.state as SnapshotState,
    pointInTime: relationship.pointInTimeMs === null ? null : new Date(relationship.pointInTimeMs).toISOString(),
    repositoryUsedBytes: BigInt(repositoryUsedBytes(relationship)),
  };
}

export async function listVolumes(runtime: Runtime, filter: VolumeFilter): Promise<VolumeView[]> {
  const where: Prisma.VolumeWhereInput = {};
  if (filter.arrayId !== undefined) where.arrayId = filter.arrayId;
  if (filter.poolId !== undefined) where.poolId = filter.poolId;
  if (filter.q !== undefined && filter.q !== '') where.name = textContains(runtime.db, filter.q);
  const rows = await runtime.db.volume.findMany({ where, orderBy: [{ arrayId: 'asc' }, { name: 'asc' }] });
  const owned = rows.map((row) => liveVolume(runtime, volumeView(row))).filter((v) => filter.owner === undefined || v.currentOwner === filter.owner);
  const role = filter.role;
  if (role === undefined) return owned;
  if (role === 'none') return owned.filter((v) => v.roles.length === 0);
  return owned.filter((v) => rolesOf(v.roles).includes(role));
}

export async function getVolume(runtime: Runtime, id: string): Promise<VolumeView> {
  const row = await runtime.db.volume.findUnique({ where: { id } });
  if (row === null) throw new ApiError(404, `volume "${id}" does not exist`);
  return liveVolume(runtime, volumeView(row));
}
