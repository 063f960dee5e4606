import { jsonResponse } from '@/lib/http/json';
import { otherMethods, route } from '@/lib/http/route';
import { getRuntime } from '@/lib/runtime';
import { listArrays } from '@/lib/services/fleet';

export const GET = route('read', async () => jsonResponse(await listArrays(getRuntime())));

export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods('GET');
