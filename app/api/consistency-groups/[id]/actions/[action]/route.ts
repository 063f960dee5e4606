import { ActionBody } from '@/lib/api/copy-schemas';
import { jsonResponse } from '@/lib/http/json';
import { readJson } from '@/lib/http/request';
import { otherMethods, route } from '@/lib/http/route';
import { getRuntime } from '@/lib/runtime';
import { actOnGroup } from '@/lib/services/consistency-groups';

export const POST = route<{ id: string; action: string }>('operate', async (request, { id, action }, { actor }) => {
  const { mode, freeze } = await readJson(request, ActionBody, {});
  return jsonResponse(await actOnGroup(getRuntime(), id, action, mode, actor, { freeze }));
});

export const { OPTIONS, GET, PUT, PATCH, DELETE } = otherMethods('POST');
