import { jsonResponse } from '@/lib/http/json';
import { route } from '@/lib/http/route';
import { getRuntime } from '@/lib/runtime';
import { VERSION } from '@/lib/version';

export const GET = route(async () => {
  const { db, startedAt } = getRuntime();
  await db.$queryRaw`SELECT 1`;
  return jsonResponse({ status: 'ok', version: VERSION, uptimeSeconds: Math.round((Date.now() - startedAt.getTime()) / 1000) });
});
