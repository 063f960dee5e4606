import { jsonResponse, noContent } from '@/lib/http/json';
import { otherMethods, route } from '@/lib/http/route';
import { getRuntime } from '@/lib/runtime';
import { getVolume } from '@/lib/services/fleet';
import { deleteVolume, growVolume, renameVolume } from '@/lib/services/volumes';
import { PatchVolumeBody } from '@/lib/api/fleet-schemas';
import { readJson } from '@/lib/http/request';

export const GET = route<{ id: string }>('read', async (_request, { id }) => jsonResponse(await getVolume(getRuntime().db, id, getRuntime().engine)));

export const DELETE = route<{ id: string }>('operate', async (_request, { id }, { actor }) => {
  const { db, engine } = getRuntime();
  await deleteVolume(db, engine, id, actor);
  return noContent();
});

export const PATCH = route<{ id: string }>('operate', async (request, { id }, { actor }) => {
  const { name, capacityBytes } = await readJson(request, PatchVolumeBody);
  const { db, engine } = getRuntime();
  if (capacityBytes !== undefined) return jsonResponse(await growVolume(db, engine, id, capacityBytes, actor));
  return jsonResponse(await renameVolume(db, engine, id, name as string, actor));
});

export const { OPTIONS, POST, PUT } = otherMethods('GET', 'PATCH', 'DELETE');
