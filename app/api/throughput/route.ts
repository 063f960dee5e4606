import { jsonResponse } from '@/lib/http/json';
import { route } from '@/lib/http/route';
import { getRuntime } from '@/lib/runtime';
import { recentThroughput } from '@/lib/services/throughput';

/** The last ten minutes of aggregate copy throughput, one sample a second (oldest first). */
export const GET = route('read', async () => jsonResponse(recentThroughput(getRuntime())));
