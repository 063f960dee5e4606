import { CreateFaultBody, FaultQuery } from '@/lib/api/fault-schemas';
import { jsonResponse } from '@/lib/http/json';
import { readJson, readQuery } from '@/lib/http/request';
import { otherMethods, route } from '@/lib/http/route';
import { getRuntime } from '@/lib/runtime';
import { injectFault, listFaults } from '@/lib/services/faults';

export const GET = route('read', async (request) => jsonResponse(listFaults(getRuntime(), readQuery(request, FaultQuery))));

export const POST = route('operate', async (request, _params, { actor }) => {
  const input = await readJson(request, CreateFaultBody);
  const fault = await injectFault(getRuntime(), input, actor);
  return jsonResponse(fault, 201, { location: `/api/faults/${fault.id}` });
});

export const { OPTIONS, PUT, PATCH, DELETE } = otherMethods('GET', 'POST');
