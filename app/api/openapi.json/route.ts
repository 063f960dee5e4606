import { openApiDocument } from '@/lib/api/openapi';
import { jsonResponse } from '@/lib/http/json';
import { otherMethods, route } from '@/lib/http/route';

export const GET = route('read', async () => jsonResponse(openApiDocument()));

export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods('GET');
