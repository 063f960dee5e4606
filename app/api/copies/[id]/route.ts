import { PatchCopyBody } from '@/lib/api/copy-schemas';
import { jsonResponse, noContent } from '@/lib/http/json';
import { readJson } from '@/lib/http/request';
import { otherMethods, route } from '@/lib/http/route';
import { getRuntime } from '@/lib/runtime';
import { deleteCopy, getCopy, patchCopy, setCopyGroup } from '@/lib/services/copies';

export const GET = route<{ id: string }>('read', async (_request, { id }) => jsonResponse(getCopy(getRuntime(), id)));

export const PATCH = route<{ id: string }>('operate', async (request, { id }, { actor }) => {
  const { consistencyGroupId, ...changes } = await readJson(request, PatchCopyBody);
  // The schema takes a group change only alone: it is one command, checked and applied as a whole.
  if (consistencyGroupId !== undefined) return jsonResponse(await setCopyGroup(getRuntime(), id, consistencyGroupId, actor));
  return jsonResponse(await patchCopy(getRuntime(), id, changes, actor));
});

export const DELETE = route<{ id: string }>('operate', async (_request, { id }, { actor }) => {
  await deleteCopy(getRuntime(), id, actor);
  return noContent();
});

export const { OPTIONS, POST, PUT } = otherMethods('GET', 'PATCH', 'DELETE');
