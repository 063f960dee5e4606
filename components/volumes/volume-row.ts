// A volume as the Volumes table shows it: the API's volume plus the names of its array and pool.
import type { StorageArray, Volume } from '@/lib/client/types';

export interface VolumeRow extends Volume {
  arrayName: string;
  poolName: string;
}

export function toVolumeRows(volumes: Volume[], arrays: StorageArray[] | undefined): VolumeRow[] {
  const arrayNames = new Map<string, string>();
  const poolNames = new Map<string, string>();
  for (const array of arrays ?? []) {
    arrayNames.set(array.id, array.name);
    for (const pool of array.pools) poolNames.set(pool.id, pool.name);
  }
  return volumes.map((volume) => ({
    ...volume,
    arrayName: arrayNames.get(volume.arrayId) ?? volume.arrayId,
    poolName: poolNames.get(volume.poolId) ?? volume.poolId,
  }));
}
