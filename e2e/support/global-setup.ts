// One real console for the Playwright run, on a fresh data dir (the demo fleet is seeded at start).
import fs from 'node:fs';
import { startServer } from '../../tests/support/server';
import { E2E_PORT } from './chromium';

export default async function globalSetup(): Promise<() => Promise<void>> {
  if (process.env.GRAINLINE_E2E_URL) return async () => undefined;
  const server = await startServer({ port: E2E_PORT });
  return async () => {
    await server.stop();
    fs.rmSync(server.dataDir, { recursive: true, force: true });
  };
}
