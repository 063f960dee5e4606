// Liveness: the process answers and so does its inventory (the test harness waits on this before it starts).
import type { NodeRuntime } from '../runtime';
import { VERSION } from '../version';

export interface HealthDto {
  status: 'ok';
  version: string;
  uptimeSeconds: number;
}

export async function checkHealth(runtime: NodeRuntime): Promise<HealthDto> {
  // A query, not just a connection: a locked or missing database must fail the check.
  await runtime.db.$queryRaw`SELECT 1`;
  return { status: 'ok', version: VERSION, uptimeSeconds: Math.round((Date.now() - runtime.startedAt.getTime()) / 1000) };
}
