// One storwize array as its SVC commands see it: pools, volumes, mappings and groups read through
// Grainline's services at the moment of the command, and lookups by SVC id (number) or name.
import { listCopies, type CopyDto } from '../../services/copies';
import { listGroups, type GroupDto } from '../../services/consistency-groups';
import { listVolumes } from '../../services/fleet';
import type { ArrayView, VolumeView } from '../../services/dto';
import type { Runtime } from '../../runtime';
import { notFound } from './errors';

export type SvcPool = ArrayView['pools'][number] & { number: number };

export interface SvcSystem {
  runtime: Runtime;
  array: ArrayView;
  /** Pools in name order; a pool's SVC id is its place in that order (pools are never created or deleted). */
  pools: SvcPool[];
  volumes: VolumeView[];
  mappings: CopyDto[];
  groups: GroupDto[];
}

export async function loadSystem(runtime: Runtime, array: ArrayView): Promise<SvcSystem> {
  const volumes = await listVolumes(runtime, { arrayId: array.id });
  const mappings = listCopies(runtime, { arrayId: array.id, type: 'flashcopy' });
  const groups = await listGroups(runtime, array.id);
  return {
    runtime,
    array,
    pools: [...array.pools].sort((a, b) => a.name.localeCompare(b.name)).map((pool, number) => ({ ...pool, number })),
    volumes: volumes.sort((a, b) => a.number - b.number),
    mappings: mappings.sort((a, b) => a.number - b.number),
    groups: groups.sort((a, b) => a.number - b.number),
  };
}

/** SVC names never start with a digit, so an all-digit reference is an id. */
function byIdOrName<T extends { name: string }>(items: readonly T[], reference: string, idOf: (item: T) => number): T | undefined {
  if (/^\d+$/.test(reference)) return items.find((item) => idOf(item) === Number(reference));
  return items.find((item) => item.name === reference);
}

export function findVolume(system: SvcSystem, reference: string): VolumeView | undefined {
  return byIdOrName(system.volumes, reference, (v) => v.number);
}

export function requireVolume(system: SvcSystem, reference: string): VolumeView {
  const volume = findVolume(system, reference);
  if (volume === undefined) throw notFound(`no vdisk "${reference}" on ${system.array.name}`);
  return volume;
}

export function requirePool(system: SvcSystem, reference: string): SvcPool {
  const pool = byIdOrName(system.pools, reference, (p) => p.number);
  if (pool === undefined) throw notFound(`no storage pool (mdisk group) "${reference}" on ${system.array.name}`);
  return pool;
}

export function findMapping(system: SvcSystem, reference: string): CopyDto | undefined {
  return byIdOrName(system.mappings, reference, (m) => m.number);
}

export function requireMapping(system: SvcSystem, reference: string): CopyDto {
  const mapping = findMapping(system, reference);
  if (mapping === undefined) throw notFound(`no FlashCopy mapping "${reference}" on ${system.array.name}`);
  return mapping;
}

export function findGroup(system: SvcSystem, reference: string): GroupDto | undefined {
  return byIdOrName(system.groups, reference, (g) => g.number);
}

export function requireGroup(system: SvcSystem, reference: string): GroupDto {
  const group = findGroup(system, reference);
  if (group === undefined) throw notFound(`no FlashCopy consistency group "${reference}" on ${system.array.name}`);
  return group;
}

export function poolOf(system: SvcSystem, volume: VolumeView): SvcPool {
  const pool = system.pools.find((p) => p.id === volume.poolId);
  if (pool === undefined) throw new Error(`volume ${volume.id} names pool ${volume.poolId}, which is not on its array`);
  return pool;
}

export function volumeById(system: SvcSystem, id: string): VolumeView | undefined {
  return system.volumes.find((v) => v.id === id);
}

export function groupById(system: SvcSystem, id: string | null): GroupDto | undefined {
  return id === null ? undefined : system.groups.find((g) => g.id === id);
}
