import { defineConfig } from '@playwright/test';
import { ADMIN_STATE, CHROMIUM_LAUNCH, E2E_PORT } from './e2e/support/chromium';

// The console runs for real (server.ts, production build) on a temporary data dir; see e2e/support/global-setup.ts.
export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  globalSetup: './e2e/support/global-setup.ts',
  use: {
    baseURL: process.env.GRAINLINE_E2E_URL ?? `http://localhost:${E2E_PORT}`,
    launchOptions: CHROMIUM_LAUNCH,
    storageState: ADMIN_STATE,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
