import { jsonResponse } from '@/lib/http/json';
import { otherMethods, publicRoute } from '@/lib/http/route';
import { getRuntime } from '@/lib/runtime';
import { VERSION } from '@/lib/version';

export const GET = publicRoute(async () => {
  const { db, startedAt } = getRuntime();
  await db.$queryRaw`SELECT 1`;
  return jsonResponse({ status: 'ok', version: VERSION, uptimeSeconds: Math.round((Date.now() - startedAt.getTime()) / 1000) });
});

export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods('GET');
