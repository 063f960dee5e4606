import { EventQuery } from '@/lib/api/fleet-schemas';
import { jsonResponse } from '@/lib/http/json';
import { readQuery } from '@/lib/http/request';
import { otherMethods, route } from '@/lib/http/route';
import { getRuntime } from '@/lib/runtime';
import { listEvents } from '@/lib/services/events';

export const GET = route('read', async (request) => jsonResponse(await listEvents(getRuntime(), readQuery(request, EventQuery))));

export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods('GET');
