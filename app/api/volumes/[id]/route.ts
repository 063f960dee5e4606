import { PatchVolumeBody } from '@/lib/api/fleet-schemas';
import { jsonResponse, noContent } from '@/lib/http/json';
import { readJson } from '@/lib/http/request';
import { otherMethods, route } from '@/lib/http/route';
import { getRuntime } from '@/lib/runtime';
import { getVolume } from '@/lib/services/fleet';
import { changeVolume, deleteVolume } from '@/lib/services/volumes';

export const GET = route<{ id: string }>('read', async (_request, { id }) => jsonResponse(await getVolume(getRuntime(), id)));

export const DELETE = route<{ id: string }>('operate', async (_request, { id }, { actor }) => {
  await deleteVolume(getRuntime(), id, actor);
  return noContent();
});

export const PATCH = route<{ id: string }>('operate', async (request, { id }, { actor }) => {
  const change = await readJson(request, PatchVolumeBody);
  return jsonResponse(await changeVolume(getRuntime(), id, change, actor));
});

export const { OPTIONS, POST, PUT } = otherMethods('GET', 'PATCH', 'DELETE');
