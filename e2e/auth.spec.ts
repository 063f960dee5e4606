// Signing in and out, and what each role can see and do: the UI hides what a role cannot do,
// and the server refuses it anyway.
import { expect, test } from './support/test';
import { anonymousContext, createUser, signInThroughForm } from './support/users';

test('sign in returns to the page asked for; a wrong password is refused; sign out ends the session', async ({ browser, baseURL }) => {
  const context = await anonymousContext(browser, baseURL);
  const page = await context.newPage();
  await page.goto('/copies?type=flashcopy');
  await expect(page).toHaveURL(/\/signin\?next=%2Fcopies%3Ftype%3Dflashcopy$/);

  await page.getByLabel('Username').fill('admin');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /wrong username or password/i })).toBeVisible();
  await expect(page).toHaveURL(/\/signin/);

  await page.getByLabel('Password').fill('test-admin-password-1');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/copies\?type=flashcopy$/);
  await expect(page.getByTestId('session-role')).toHaveText('admin');
  await expect(page.getByRole('link', { name: 'Users' })).toBeVisible();

  await page.getByRole('button', { name: /account menu/ }).click();
  await page.getByRole('menuitem', { name: 'Sign out', exact: true }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto('/volumes');
  await expect(page).toHaveURL(/\/signin\?next=%2Fvolumes$/);
  expect((await page.request.get('/api/session')).status()).toBe(401);
  await context.close();
});

test('a monitor sees no controls that change anything, and a forced write is refused', async ({ browser, baseURL, request }) => {
  const monitor = await createUser(request, 'monitor');
  const arrays = (await (await request.get('/api/arrays')).json()) as { id: string; model: string }[];
  const storwize = arrays.find((candidate) => candidate.model === 'storwize');
  if (storwize === undefined) throw new Error('the demo fleet has a storwize array');
  // A copy exists, so the Copies table has a row whose actions a monitor must not get.
  const stamp = Date.now();
  const volumeIds: string[] = [];
  for (const suffix of ['src', 'tgt']) {
    const created = await request.post('/api/volumes', { data: { arrayId: storwize.id, name: `e2e_mon_${stamp}_${suffix}`, capacityBytes: 1024 * 1024 } });
    volumeIds.push(((await created.json()) as { id: string }).id);
  }
  const copy = await request.post('/api/copies', { data: { type: 'flashcopy', sourceVolumeId: volumeIds[0], targetVolumeId: volumeIds[1], start: false } });
  expect(copy.status()).toBe(201);

  const context = await anonymousContext(browser, baseURL);
  const page = await context.newPage();
  await signInThroughForm(page, monitor.username, monitor.password, '/volumes');
  await expect(page.getByTestId('session-role')).toHaveText('monitor');
  await expect(page.getByRole('link', { name: 'Users' })).toHaveCount(0);

  await expect(page.getByTestId('volume-count')).toBeVisible();
  await expect(page.getByRole('button', { name: /create volume/i })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^delete/i })).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Simulation speed' })).toHaveCount(0);
  await expect(page.getByTestId('simulation-speed')).toBeVisible();

  await page.goto('/copies');
  await expect(page.getByRole('row', { name: new RegExp(`e2e_mon_${stamp}_src`) })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Actions for/ })).toHaveCount(0);

  // The page's own fetch, with the monitor's session and CSRF token: the server says no.
  const before = ((await (await request.get('/api/volumes')).json()) as unknown[]).length;
  const forced = await page.evaluate(async (arrayId) => {
    const csrf = decodeURIComponent(
      document.cookie
        .split('; ')
        .find((entry) => entry.startsWith('grainline_csrf='))
        ?.split('=')[1] ?? '',
    );
    const response = await fetch('/api/volumes', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
      body: JSON.stringify({ arrayId, name: 'forced_by_monitor', capacityBytes: 1048576 }),
    });
    return { status: response.status, body: (await response.json()) as { error: { code: string; message: string } } };
  }, storwize.id);
  expect(forced.status).toBe(403);
  expect(forced.body.error.code).toBe('forbidden');
  expect(((await (await request.get('/api/volumes')).json()) as unknown[]).length).toBe(before);

  // The refusal is on record, under the monitor's name.
  await page.goto(`/events?category=audit&actor=${monitor.username}`);
  const refused = page.getByRole('table', { name: 'Events' }).getByRole('row', { name: /POST \/api\/volumes/ });
  await expect(refused).toContainText('refused 403');
  await expect(refused).toContainText(monitor.username);
  await context.close();

  await request.delete(`/api/copies/${((await copy.json()) as { id: string }).id}`);
  for (const id of volumeIds) await request.delete(`/api/volumes/${id}`);
});
