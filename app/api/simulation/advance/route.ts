import { AdvanceBody } from '@/lib/api/copy-schemas';
import { jsonResponse } from '@/lib/http/json';
import { readJson } from '@/lib/http/request';
import { otherMethods, route } from '@/lib/http/route';
import { getRuntime } from '@/lib/runtime';
import { advance } from '@/lib/services/simulation';

export const POST = route('operate', async (request, _params, { actor }) => {
  const { seconds } = await readJson(request, AdvanceBody);
  return jsonResponse(await advance(getRuntime(), seconds, actor));
});

export const { OPTIONS, GET, PUT, PATCH, DELETE } = otherMethods('POST');
