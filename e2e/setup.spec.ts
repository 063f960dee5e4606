// First-run setup, on a console of its own started with no admin in the environment: the setup
// page exists only while there is no user, creates the first admin, and signs them in.
import fs from 'node:fs';
import { startServer, type RunningServer } from '../tests/support/server';
import { expect, test } from './support/test';
import { anonymousContext } from './support/users';

let server: RunningServer;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  server = await startServer({ env: { GRAINLINE_ADMIN_USER: '', GRAINLINE_ADMIN_PASSWORD: '' } });
});

test.afterAll(async () => {
  await server?.stop();
  if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
});

test('with no user, every page leads to setup; the first admin is created, signed in, and setup closes', async ({ browser }) => {
  const context = await anonymousContext(browser, server.baseUrl);
  const page = await context.newPage();
  await page.goto('/volumes');
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole('heading', { name: 'Create the first admin' })).toBeVisible();

  // A weak password is refused with the rule, and nobody is created.
  await page.getByLabel('Username').fill('first_admin');
  await page.getByLabel('Password', { exact: true }).fill('short');
  await page.getByLabel('Confirm password').fill('short');
  await page.getByRole('button', { name: 'Create admin and sign in' }).click();
  await expect(page.getByText(/at least 10 characters/).last()).toBeVisible();
  expect(((await (await page.request.get('/api/setup')).json()) as { needed: boolean }).needed).toBe(true);

  await page.getByLabel('Password', { exact: true }).fill('a-long-enough-password');
  await page.getByLabel('Confirm password').fill('a-long-enough-password');
  await page.getByRole('button', { name: 'Create admin and sign in' }).click();
  await expect(page.getByTestId('session-role')).toHaveText('admin');
  await expect(page.getByRole('button', { name: /Signed in as first_admin/ })).toBeVisible();

  // Setup is closed for good: the page sends people to sign in, the API answers 409.
  expect(((await (await page.request.get('/api/setup')).json()) as { needed: boolean }).needed).toBe(false);
  const stranger = await anonymousContext(browser, server.baseUrl);
  const again = await stranger.request.post('/api/setup', { data: { username: 'intruder', password: 'another-long-password' } });
  expect(again.status()).toBe(409);
  const strangerPage = await stranger.newPage();
  await strangerPage.goto('/setup');
  await expect(strangerPage).toHaveURL(/\/signin$/);
  await stranger.close();
  await context.close();
});
