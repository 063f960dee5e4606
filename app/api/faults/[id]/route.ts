import { jsonResponse, noContent } from '@/lib/http/json';
import { otherMethods, route } from '@/lib/http/route';
import { getRuntime } from '@/lib/runtime';
import { clearFault, getFault } from '@/lib/services/faults';

export const GET = route<{ id: string }>('read', async (_request, { id }) => jsonResponse(getFault(getRuntime(), id)));

export const DELETE = route<{ id: string }>('operate', async (_request, { id }, { actor }) => {
  await clearFault(getRuntime(), id, actor);
  return noContent();
});

export const { OPTIONS, POST, PUT, PATCH } = otherMethods('GET', 'DELETE');
