import { jsonResponse } from '@/lib/http/json';
import { route } from '@/lib/http/route';
import { THROUGHPUT_SAMPLE_MS } from '@/lib/realtime/throughput';
import { getRuntime } from '@/lib/runtime';

/** The last ten minutes of aggregate copy throughput, one sample a second (oldest first). */
export const GET = route('read', async () => jsonResponse({ intervalMs: THROUGHPUT_SAMPLE_MS, samples: getRuntime().throughput.samples() }));
