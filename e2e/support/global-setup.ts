// One real console for the Playwright run, on a fresh data dir (the demo fleet is seeded at start),
// and a signed-in admin whose cookies every spec starts with (specs about signing in clear them).
import fs from 'node:fs';
import path from 'node:path';
import { request } from '@playwright/test';
import { startServer, TEST_ADMIN } from '../../tests/support/server';
import { ADMIN_STATE, E2E_NBD_PORT, E2E_PORT } from './chromium';

async function saveAdminSession(baseURL: string): Promise<void> {
  const context = await request.newContext({ baseURL });
  const response = await context.post('/api/session', { data: TEST_ADMIN });
  if (!response.ok()) throw new Error(`global setup could not sign in: ${response.status()} ${await response.text()}`);
  fs.mkdirSync(path.dirname(ADMIN_STATE), { recursive: true });
  await context.storageState({ path: ADMIN_STATE });
  await context.dispose();
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  const external = process.env.GRAINLINE_E2E_URL;
  if (external) {
    await saveAdminSession(external);
    return async () => undefined;
  }
  // The SVC REST API on 7443: IBM's Ansible collection (e2e/svc-ansible.spec.ts) knows no other port.
  const server = await startServer({ port: E2E_PORT, env: { GRAINLINE_SVC_PORT: '7443', GRAINLINE_NBD_PORT: String(E2E_NBD_PORT) } });
  await saveAdminSession(server.baseUrl);
  return async () => {
    await server.stop();
    fs.rmSync(server.dataDir, { recursive: true, force: true });
  };
}
