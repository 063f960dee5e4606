import { PutSimulationBody } from '@/lib/api/copy-schemas';
import { jsonResponse } from '@/lib/http/json';
import { readJson } from '@/lib/http/request';
import { otherMethods, route } from '@/lib/http/route';
import { getRuntime } from '@/lib/runtime';
import { setSpeed, simulationDto } from '@/lib/services/simulation';

export const GET = route('read', async () => jsonResponse(simulationDto(getRuntime())));

export const PUT = route('operate', async (request, _params, { actor }) => {
  const { speed } = await readJson(request, PutSimulationBody);
  return jsonResponse(await setSpeed(getRuntime(), speed, actor));
});

export const { OPTIONS, POST, PATCH, DELETE } = otherMethods('GET', 'PUT');
