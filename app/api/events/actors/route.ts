import { jsonResponse } from '@/lib/http/json';
import { otherMethods, route } from '@/lib/http/route';
import { getRuntime } from '@/lib/runtime';
import { listActors } from '@/lib/services/events';

/** Every name that appears as an event's actor, for the user filter. */
export const GET = route('read', async () => jsonResponse(await listActors(getRuntime())));

export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods('GET');
