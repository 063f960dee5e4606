import { openApiDocument } from '@/lib/api/openapi';
import { jsonResponse } from '@/lib/http/json';
import { route } from '@/lib/http/route';

export const GET = route('read', async () => jsonResponse(openApiDocument()));
