// Inventory rows → the API's shapes (docs/api.md#fleet, #volumes). Byte counts stay bigint here; the JSON layer
// turns them into numbers or decimal strings. Mappers, not services: they take rows, never the
// runtime, and route handlers reach them only through a service.
import type { Controller, Event, Pool, StorageArray, Volume } from '../db/generated/client';
import { PROVISIONINGS, type Provisioning, type VolumeKind } from '../api/fleet-schemas';
import type { SnapshotState } from '../../engine/copy/snapshot';
import type { ArrayModel, ControllerSlot, ControllerStatus, VolumeStatus } from '../../engine/model';
import type { ArrayVolumeTotals } from './volume-inventory';

export interface VolumeView {
  id: string;
  arrayId: string;
  poolId: string;
  name: string;
  number: number;
  capacityBytes: bigint;
  preferredOwner: ControllerSlot;
  currentOwner: ControllerSlot;
  roles: string[];
  status: VolumeStatus;
  statusReason: string | null;
  readOnly: boolean;
  imageNote: string | null;
  provisioning: Provisioning;
  kind: VolumeKind;
  snapshot: SnapshotView | null;
  createdAt: string;
}

/** A snapshot volume's side: the row gives base and repository size; the engine the rest (liveVolume). */
export interface SnapshotView {
  baseVolumeId: string;
  state: SnapshotState;
  pointInTime: string | null;
  repositoryCapacityBytes: bigint;
  repositoryUsedBytes: bigint;
}

export interface ArrayView {
  id: string;
  name: string;
  model: ArrayModel;
  serial: string;
  controllers: { slot: ControllerSlot; status: ControllerStatus; volumeCount: number }[];
  pools: { id: string; name: string; lss?: number; capacityBytes: bigint; usedBytes: bigint }[];
  capacityBytes: bigint;
  usedBytes: bigint;
  volumeCount: number;
}

export function rolesOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((role): role is string => typeof role === 'string') : [];
}

export function volumeView(row: Volume): VolumeView {
  return {
    id: row.id,
    arrayId: row.arrayId,
    poolId: row.poolId,
    name: row.name,
    number: row.number,
    capacityBytes: row.capacityBytes,
    preferredOwner: row.preferredOwner as ControllerSlot,
    currentOwner: row.currentOwner as ControllerSlot,
    roles: rolesOf(row.roles),
    status: row.status as VolumeStatus,
    // The inventory keeps the status; the engine knows why (liveVolume adds it).
    statusReason: null,
    readOnly: row.readOnly,
    imageNote: row.imageNote,
    provisioning: (PROVISIONINGS as readonly string[]).includes(row.provisioning) ? (row.provisioning as Provisioning) : 'thick',
    kind: row.kind === 'snapshot' ? 'snapshot' : 'standard',
    snapshot:
      row.baseVolumeId === null
        ? null
        : {
            baseVolumeId: row.baseVolumeId,
            state: 'optimal',
            pointInTime: null,
            repositoryCapacityBytes: row.repositoryCapacityBytes ?? 0n,
            repositoryUsedBytes: 0n,
          },
    createdAt: row.createdAt.toISOString(),
  };
}

/** What a volume takes from its pool: a snapshot its repository, any other its capacity. */
export function poolBytesOf(volume: Pick<Volume, 'capacityBytes' | 'repositoryCapacityBytes'>): bigint {
  return volume.repositoryCapacityBytes ?? volume.capacityBytes;
}

type ArrayRow = StorageArray & { controllers: Controller[]; pools: Pool[] };

/** `totals`: the array's volumes summed (volume-inventory.ts arrayVolumeTotals). */
export function arrayView(row: ArrayRow, totals: ArrayVolumeTotals): ArrayView {
  const { usedByPool, countByOwner } = totals;
  const pools = [...row.pools]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((pool) => ({
      id: pool.id,
      name: pool.name,
      ...(pool.lss === null ? {} : { lss: pool.lss }),
      capacityBytes: pool.capacityBytes,
      usedBytes: usedByPool.get(pool.id) ?? 0n,
    }));
  return {
    id: row.id,
    name: row.name,
    model: row.model as ArrayModel,
    serial: row.serial,
    controllers: [...row.controllers]
      .sort((a, b) => a.slot.localeCompare(b.slot))
      .map((c) => ({ slot: c.slot as ControllerSlot, status: c.status as ControllerStatus, volumeCount: countByOwner.get(c.slot) ?? 0 })),
    pools,
    capacityBytes: pools.reduce((sum, pool) => sum + pool.capacityBytes, 0n),
    usedBytes: pools.reduce((sum, pool) => sum + pool.usedBytes, 0n),
    volumeCount: totals.volumeCount,
  };
}

export interface EventView {
  id: string;
  time: string;
  simulatedTime: string | null;
  kind: string;
  subjectType: string;
  subjectId: string;
  arrayId: string | null;
  actor: string;
  details: unknown;
}

export function eventView(row: Event): EventView {
  return {
    id: row.id,
    time: row.time.toISOString(),
    simulatedTime: row.simulatedTime?.toISOString() ?? null,
    kind: row.kind,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    arrayId: row.arrayId,
    actor: row.actor,
    details: row.details,
  };
}
