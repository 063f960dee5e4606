import { DeleteGroupQuery, PatchGroupBody } from '@/lib/api/copy-schemas';
import { jsonResponse, noContent } from '@/lib/http/json';
import { readJson, readQuery } from '@/lib/http/request';
import { otherMethods, route } from '@/lib/http/route';
import { getRuntime } from '@/lib/runtime';
import { deleteGroup, getGroup, updateGroup } from '@/lib/services/consistency-groups';

export const GET = route<{ id: string }>('read', async (_request, { id }) => jsonResponse(await getGroup(getRuntime(), id)));

export const PATCH = route<{ id: string }>('operate', async (request, { id }, { actor }) => {
  const changes = await readJson(request, PatchGroupBody);
  return jsonResponse(await updateGroup(getRuntime(), id, changes, actor));
});

export const DELETE = route<{ id: string }>('operate', async (request, { id }, { actor }) => {
  const { force } = readQuery(request, DeleteGroupQuery);
  await deleteGroup(getRuntime(), id, force === 'true', actor);
  return noContent();
});

export const { OPTIONS, POST, PUT } = otherMethods('GET', 'PATCH', 'DELETE');
