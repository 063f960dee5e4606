// The engine's view of the fleet: which arrays, controllers and volumes exist and who owns what.
// Loaded from the inventory at start; kept current by the commands the server applies.
import assert from 'node:assert';
import type { ArrayState, PoolState, VolumeState } from './model';

/**
 * A consistency group as the engine knows it: its name, for the messages that name it (a frozen
 * source's refusal). The inventory holds the rest; the group services keep this current.
 */
export interface GroupState {
  id: string;
  arrayId: string;
  name: string;
}

export interface FleetSnapshot {
  arrays: ArrayState[];
  pools: PoolState[];
  volumes: VolumeState[];
  /** Absent: none known (a test fleet); relationships still name their group by id. */
  groups?: GroupState[];
}

export class Fleet {
  private readonly arrays = new Map<string, ArrayState>();
  private readonly pools = new Map<string, PoolState>();
  private readonly volumes = new Map<string, VolumeState>();
  private readonly groups = new Map<string, GroupState>();

  load(snapshot: FleetSnapshot): void {
    this.arrays.clear();
    this.pools.clear();
    this.volumes.clear();
    this.groups.clear();
    for (const array of snapshot.arrays) this.arrays.set(array.id, { ...array, controllers: { ...array.controllers } });
    for (const pool of snapshot.pools) this.pools.set(pool.id, { ...pool });
    for (const volume of snapshot.volumes) this.addVolume(volume);
    for (const group of snapshot.groups ?? []) this.putGroup(group);
  }

  group(id: string): GroupState | undefined {
    return this.groups.get(id);
  }

  /** A group created or renamed. */
  putGroup(group: GroupState): void {
    this.groups.set(group.id, { ...group });
  }

  removeGroup(id: string): void {
    this.groups.delete(id);
  }

  array(id: string): ArrayState | undefined {
    return this.arrays.get(id);
  }

  volume(id: string): VolumeState | undefined {
    return this.volumes.get(id);
  }

  pool(id: string): PoolState | undefined {
    return this.pools.get(id);
  }

  allArrays(): IterableIterator<ArrayState> {
    return this.arrays.values();
  }

  allVolumes(): IterableIterator<VolumeState> {
    return this.volumes.values();
  }

  volumesOf(arrayId: string): VolumeState[] {
    return [...this.volumes.values()].filter((volume) => volume.arrayId === arrayId);
  }

  arrayCount(): number {
    return this.arrays.size;
  }

  volumeCount(): number {
    return this.volumes.size;
  }

  addVolume(volume: VolumeState): void {
    if (!this.arrays.has(volume.arrayId)) {
      throw new Error(`volume ${volume.id} belongs to unknown array ${volume.arrayId}`);
    }
    if (this.volumes.has(volume.id)) throw new Error(`volume ${volume.id} already loaded`);
    this.volumes.set(volume.id, { ...volume, roles: [...volume.roles] });
  }

  removeVolume(id: string): void {
    const volume = this.volumes.get(id);
    if (volume === undefined) throw new Error(`volume ${id} is not loaded`);
    assert(volume.roles.length === 0, `volume ${id} still has roles ${volume.roles.join(',')}`);
    this.volumes.delete(id);
  }
}
