import { jsonResponse } from '@/lib/http/json';
import { otherMethods, publicRoute } from '@/lib/http/route';
import { getNode } from '@/lib/runtime';
import { checkHealth } from '@/lib/services/health';

export const GET = publicRoute(async () => jsonResponse(await checkHealth(getNode())));

export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods('GET');
