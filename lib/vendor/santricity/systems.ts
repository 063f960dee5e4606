// storage-systems, their volumes and pools. An ssid names a santricity array by id or by name
// (any case); the other personalities have no SANtricity Web Services, so they are not found here.
import { ApiError } from '../../http/api-error';
import { getVolume, listArrays, listVolumes } from '../../services/fleet';
import type { ArrayView, VolumeView } from '../../services/dto';
import type { Runtime } from '../../runtime';
import { ok, param, type Reply, type SantricityContext } from './context';
import { notFound } from './errors';
import { storageSystemView, storageVolumeView, volumeGroupView } from './views';

async function santricityArrays(runtime: Runtime): Promise<ArrayView[]> {
  const arrays = await listArrays(runtime);
  return arrays.filter((array) => array.model === 'santricity');
}

export async function resolveArray(runtime: Runtime, ssid: string): Promise<ArrayView> {
  const arrays = await santricityArrays(runtime);
  const wanted = ssid.toLowerCase();
  const found = arrays.find((array) => array.id === ssid) ?? arrays.find((array) => array.name.toLowerCase() === wanted);
  if (found === undefined) throw notFound(`storage system "${ssid}" does not exist (ssid is a SANtricity array's id or name)`);
  return found;
}

export async function arrayOf(context: SantricityContext): Promise<ArrayView> {
  return resolveArray(context.runtime, param(context, 'ssid'));
}

export function volumesOf(runtime: Runtime, array: ArrayView): Promise<VolumeView[]> {
  return listVolumes(runtime, { arrayId: array.id });
}

/**
 * The array's standard volumes: Web Services keeps snapshot volumes out of `volumes` (and of the
 * graph's volume list), in collections of their own that Grainline does not serve.
 */
export async function standardVolumesOf(runtime: Runtime, array: ArrayView): Promise<VolumeView[]> {
  return (await volumesOf(runtime, array)).filter((volume) => volume.kind === 'standard');
}

/** A volume of `array` by id, or undefined when there is none there. */
export async function volumeOf(runtime: Runtime, array: ArrayView, id: string): Promise<VolumeView | undefined> {
  try {
    const volume = await getVolume(runtime, id);
    return volume.arrayId === array.id ? volume : undefined;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return undefined;
    throw error;
  }
}

export async function listSystems(context: SantricityContext): Promise<Reply> {
  return ok((await santricityArrays(context.runtime)).map(storageSystemView));
}

export async function getSystem(context: SantricityContext): Promise<Reply> {
  return ok(storageSystemView(await arrayOf(context)));
}

export async function listStorageVolumes(context: SantricityContext): Promise<Reply> {
  const array = await arrayOf(context);
  return ok((await standardVolumesOf(context.runtime, array)).map(storageVolumeView));
}

export async function getStorageVolume(context: SantricityContext): Promise<Reply> {
  const array = await arrayOf(context);
  const id = param(context, 'volumeId');
  const volume = await volumeOf(context.runtime, array, id);
  if (volume === undefined || volume.kind !== 'standard') throw notFound(`volume "${id}" does not exist on storage system ${array.name}`);
  return ok(storageVolumeView(volume));
}

export async function listStoragePools(context: SantricityContext): Promise<Reply> {
  const array = await arrayOf(context);
  return ok(array.pools.map((pool, index) => volumeGroupView(pool, index + 1)));
}
