import { jsonResponse } from '@/lib/http/json';
import { route } from '@/lib/http/route';
import { getRuntime } from '@/lib/runtime';
import { volumeUsage } from '@/lib/services/host-io';

export const GET = route<{ id: string }>('read', async (_request, { id }) => jsonResponse(volumeUsage(getRuntime(), id)));
