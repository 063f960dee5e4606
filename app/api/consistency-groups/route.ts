import { CreateGroupBody } from '@/lib/api/copy-schemas';
import { jsonResponse } from '@/lib/http/json';
import { readJson } from '@/lib/http/request';
import { otherMethods, route } from '@/lib/http/route';
import { getRuntime } from '@/lib/runtime';
import { createGroup, listGroups } from '@/lib/services/consistency-groups';

export const GET = route('read', async () => jsonResponse(await listGroups(getRuntime())));

export const POST = route('operate', async (request, _params, { actor }) => {
  const input = await readJson(request, CreateGroupBody);
  return jsonResponse(await createGroup(getRuntime(), input, actor), 201);
});

export const { OPTIONS, PUT, PATCH, DELETE } = otherMethods('GET', 'POST');
