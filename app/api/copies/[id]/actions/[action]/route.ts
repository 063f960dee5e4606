import { ActionBody } from '@/lib/api/copy-schemas';
import { jsonResponse } from '@/lib/http/json';
import { readJson } from '@/lib/http/request';
import { otherMethods, route } from '@/lib/http/route';
import { getRuntime } from '@/lib/runtime';
import { actOnCopy } from '@/lib/services/copies';

export const POST = route<{ id: string; action: string }>('operate', async (request, { id, action }, { actor }) => {
  const { mode } = await readJson(request, ActionBody, {});
  return jsonResponse(await actOnCopy(getRuntime(), id, action, mode, actor));
});

export const { OPTIONS, GET, PUT, PATCH, DELETE } = otherMethods('POST');
