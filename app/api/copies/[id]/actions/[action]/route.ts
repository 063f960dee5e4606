import { ActionBody } from '@/lib/api/copy-schemas';
import { jsonResponse } from '@/lib/http/json';
import { readJson } from '@/lib/http/request';
import { otherMethods, route } from '@/lib/http/route';
import { getRuntime } from '@/lib/runtime';
import { runCopyAction } from '@/lib/services/copy-actions';

export const POST = route<{ id: string; action: string }>('operate', async (request, { id, action }, { actor }) => {
  const options = await readJson(request, ActionBody, {});
  return jsonResponse(await runCopyAction(getRuntime(), id, action, options, actor));
});

export const { OPTIONS, GET, PUT, PATCH, DELETE } = otherMethods('POST');
