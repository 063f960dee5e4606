// The engine's view of the fleet: which arrays, controllers and volumes exist and who owns what.
// Loaded from the inventory at start; kept current by the commands the server applies.
import { type ArrayState, type VolumeState } from './model';

export interface FleetSnapshot {
  arrays: ArrayState[];
  volumes: VolumeState[];
}

export class Fleet {
  private readonly arrays = new Map<string, ArrayState>();
  private readonly volumes = new Map<string, VolumeState>();

  load(snapshot: FleetSnapshot): void {
    this.arrays.clear();
    this.volumes.clear();
    for (const array of snapshot.arrays) this.arrays.set(array.id, { ...array });
    for (const volume of snapshot.volumes) this.addVolume(volume);
  }

  array(id: string): ArrayState | undefined {
    return this.arrays.get(id);
  }

  volume(id: string): VolumeState | undefined {
    return this.volumes.get(id);
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
    if (volume.roles.length > 0) {
      throw new Error(`volume ${id} still has roles ${volume.roles.join(',')}`);
    }
    this.volumes.delete(id);
  }
}
