// When the server goes away, the page says so; when it is back, the page is live again and shows
// what changed — without a reload. Its own console, so stopping it disturbs no other spec.
import fs from 'node:fs';
import { startServer, TEST_ADMIN, type RunningServer } from '../tests/support/server';
import { csrfTokenOf, expect, test } from './support/test';
import { anonymousContext, signInThroughForm } from './support/users';

let server: RunningServer;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  server = await startServer();
});

test.afterAll(async () => {
  await server?.stop();
  if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
});

test('the server restarts: the page shows reconnecting, then live, and a volume created meanwhile appears', async ({ browser }) => {
  test.setTimeout(180_000);
  const context = await anonymousContext(browser, server.baseUrl);
  const page = await context.newPage();
  await signInThroughForm(page, TEST_ADMIN.username, TEST_ADMIN.password, '/volumes?q=after_restart');
  await expect(page.getByTestId('connection-status')).toHaveText('Live');
  await expect(page.getByTestId('volume-count')).toHaveText('0 volumes match the filters');

  await server.stop();
  await expect(page.getByTestId('connection-status')).toHaveText(/Reconnecting|Offline/);

  // Same port, same data dir: sessions are in the inventory, so the page's cookie still works.
  server = await startServer({ port: server.port, dataDir: server.dataDir });
  const statePath = `${server.dataDir}/e2e-state.json`;
  await context.storageState({ path: statePath });
  const arrays = (await (await context.request.get('/api/arrays')).json()) as { id: string; model: string }[];
  const created = await context.request.post('/api/volumes', {
    data: { arrayId: arrays[0]?.id, name: 'after_restart_1', capacityBytes: 1024 * 1024 },
    headers: { 'x-csrf-token': csrfTokenOf(statePath) },
  });
  expect(created.status(), await created.text()).toBe(201);

  await expect(page.getByTestId('connection-status')).toHaveText('Live', { timeout: 30_000 });
  await expect(page.getByTestId('volume-count')).toHaveText('1 volume matches the filters');
  await expect(page.getByRole('row', { name: /after_restart_1/ })).toBeVisible();
  await context.close();
});
