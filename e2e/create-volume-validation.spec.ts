// The create dialog checks input with the API's own schema as the user types, and shows the
// server's refusals (409 duplicate name, 422 no room in the pool) in the dialog too.
import { type APIRequestContext, type Page } from '@playwright/test';
import { expect, test } from './support/test';

interface ArrayJson {
  id: string;
  name: string;
  model: string;
  pools: { id: string; name: string }[];
}

async function xp7Array(request: APIRequestContext): Promise<ArrayJson> {
  const arrays = (await (await request.get('/api/arrays')).json()) as ArrayJson[];
  const array = arrays.find((candidate) => candidate.model === 'xp7');
  if (array === undefined) throw new Error('the demo fleet has an xp7 array');
  return array;
}

async function openDialog(page: Page, path: string) {
  await page.goto(path);
  await page.getByRole('button', { name: 'Create volume' }).click();
  return page.getByRole('dialog', { name: 'Create volume' });
}

test('bad sizes and names show inline errors and create nothing', async ({ page, request }) => {
  const name = `e2e_bad_${Date.now()}`;
  let posts = 0;
  page.on('request', (sent) => {
    if (sent.method() === 'POST' && new URL(sent.url()).pathname === '/api/volumes') posts += 1;
  });

  const dialog = await openDialog(page, '/volumes');
  // A click in the same frame the dialog mounts can be lost by the select (seen once in CI): open
  // it again until its options show.
  await expect(async () => {
    await dialog.getByLabel('Array').click();
    await expect(page.getByRole('option', { name: 'XP7-FRA-PROD' })).toBeVisible({ timeout: 2_000 });
  }).toPass();
  await page.getByRole('option', { name: 'XP7-FRA-PROD' }).click();
  await dialog.getByLabel('Name').fill(name);

  const size = dialog.getByLabel('Size');
  await size.fill('0');
  await expect(dialog.getByText('Size must be at least 1 MiB')).toBeVisible();
  await expect(size).toHaveAttribute('aria-invalid', 'true');

  await size.fill('100');
  await dialog.getByLabel('Unit').click();
  await page.getByRole('option', { name: 'TiB' }).click();
  await expect(dialog.getByText('Size must be at most 64 TiB')).toBeVisible();

  await size.fill('ten');
  await expect(dialog.getByText('Size must be a number')).toBeVisible();

  await dialog.getByRole('button', { name: 'Create volume' }).click();
  await expect(dialog).toBeVisible();
  await expect(size).toBeFocused();

  await size.fill('64');
  await expect(dialog.getByText(/^Size must/)).toBeHidden();
  await dialog.getByLabel('Name').fill('-no spaces allowed');
  await expect(dialog.getByText('Name may use letters, digits and _ . : - and must start with a letter or digit')).toBeVisible();
  await dialog.getByLabel('Name').fill('');
  await expect(dialog.getByText('Name is required')).toBeVisible();

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(posts).toBe(0);
  const found = (await (await request.get(`/api/volumes?q=${name}`)).json()) as unknown[];
  expect(found).toHaveLength(0);
});

test('a duplicate name shows the server 409 under the name field', async ({ page, request }) => {
  const array = await xp7Array(request);
  const name = `e2e_dup_${Date.now()}`;
  const existing = await request.post('/api/volumes', { data: { arrayId: array.id, name, capacityBytes: 1024 * 1024 } });
  expect(existing.status()).toBe(201);

  const dialog = await openDialog(page, `/arrays/${array.id}`);
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByLabel('Size').fill('1');
  await dialog.getByRole('button', { name: 'Create volume' }).click();

  await expect(dialog.getByText(`a volume named "${name}" already exists on array ${array.name}`)).toBeVisible();
  await expect(dialog.getByLabel('Name')).toBeFocused();
  await expect(dialog.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');

  // Changing the name clears the server's complaint, and the create goes through.
  await dialog.getByLabel('Name').fill(`${name}_2`);
  await expect(dialog.getByText(/already exists/)).toBeHidden();
  await dialog.getByRole('button', { name: 'Create volume' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Volume ${name}_2 created`)).toBeVisible();
});

test('a pool without room shows the server 422 reasons in the dialog', async ({ page, request }) => {
  const array = await xp7Array(request);
  const name = `e2e_full_${Date.now()}`;
  const dialog = await openDialog(page, `/arrays/${array.id}`);
  await dialog.getByLabel('Pool').click();
  await page.getByRole('option', { name: /^DP_POOL_01/ }).click();
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByLabel('Size').fill('60');
  await dialog.getByLabel('Unit').click();
  await page.getByRole('option', { name: 'TiB' }).click();
  await dialog.getByRole('button', { name: 'Create volume' }).click();

  await expect(dialog.getByRole('alert')).toContainText(/pool DP_POOL_01 has .* free, the volume needs 60 TiB/);
  await expect(dialog).toBeVisible();
  const found = (await (await request.get(`/api/volumes?q=${name}`)).json()) as unknown[];
  expect(found).toHaveLength(0);
});
