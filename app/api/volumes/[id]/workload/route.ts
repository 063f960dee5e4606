import { WorkloadBody } from '@/lib/api/copy-schemas';
import { jsonResponse, noContent } from '@/lib/http/json';
import { readJson } from '@/lib/http/request';
import { otherMethods, route } from '@/lib/http/route';
import { getRuntime } from '@/lib/runtime';
import { getWorkload, startWorkload, stopWorkload } from '@/lib/services/host-io';

export const GET = route<{ id: string }>('read', async (_request, { id }) => jsonResponse(getWorkload(getRuntime(), id)));

export const POST = route<{ id: string }>('operate', async (request, { id }, { actor }) => {
  const spec = await readJson(request, WorkloadBody);
  return jsonResponse(await startWorkload(getRuntime(), id, spec, actor), 201);
});

export const DELETE = route<{ id: string }>('operate', async (_request, { id }, { actor }) => {
  await stopWorkload(getRuntime(), id, actor);
  return noContent();
});

export const { OPTIONS, PUT, PATCH } = otherMethods('GET', 'POST', 'DELETE');
