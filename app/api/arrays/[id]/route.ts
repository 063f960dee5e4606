import { jsonResponse } from '@/lib/http/json';
import { otherMethods, route } from '@/lib/http/route';
import { getRuntime } from '@/lib/runtime';
import { getArray } from '@/lib/services/fleet';

export const GET = route<{ id: string }>('read', async (_request, { id }) => jsonResponse(await getArray(getRuntime(), id)));

export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods('GET');
