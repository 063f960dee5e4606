import { jsonResponse } from '@/lib/http/json';
import { otherMethods, route } from '@/lib/http/route';
import { getRuntime } from '@/lib/runtime';
import { restoreController } from '@/lib/services/faults';

export const POST = route<{ id: string; slot: string }>('operate', async (_request, { id, slot }, { actor }) =>
  jsonResponse(await restoreController(getRuntime(), id, slot, actor)),
);

export const { OPTIONS, GET, PUT, PATCH, DELETE } = otherMethods('POST');
