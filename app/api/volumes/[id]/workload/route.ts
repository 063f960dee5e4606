import { WorkloadBody } from '@/lib/api/copy-schemas';
import { ApiError } from '@/lib/http/api-error';
import { jsonResponse, noContent } from '@/lib/http/json';
import { readJson } from '@/lib/http/request';
import { otherMethods, route } from '@/lib/http/route';
import { getRuntime } from '@/lib/runtime';
import { startWorkload, workloadDto } from '@/lib/services/host-io';

export const GET = route<{ id: string }>('read', async (_request, { id }) => {
  const { engine } = getRuntime();
  engine.requireVolume(id);
  // "No workload" is a normal answer about a volume that exists: 200 with null (404 is an unknown volume).
  return jsonResponse(workloadDto(engine, id));
});

export const POST = route<{ id: string }>('operate', async (request, { id }) => {
  const spec = await readJson(request, WorkloadBody);
  return jsonResponse(startWorkload(getRuntime(), id, spec), 201);
});

export const DELETE = route<{ id: string }>('operate', async (_request, { id }) => {
  if (!getRuntime().engine.stopWorkload(id)) throw new ApiError(404, `no workload runs on volume "${id}"`);
  return noContent();
});

export const { OPTIONS, PUT, PATCH } = otherMethods('GET', 'POST', 'DELETE');
