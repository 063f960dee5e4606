// Deleting asks for confirmation naming the volume (a refused delete, 409, is in copies.spec.ts).
import { type APIRequestContext } from '@playwright/test';
import { expect, test } from './support/test';

async function createVolume(request: APIRequestContext, name: string): Promise<void> {
  const arrays = (await (await request.get('/api/arrays')).json()) as { id: string; model: string }[];
  const array = arrays.find((candidate) => candidate.model === 'xp7');
  if (array === undefined) throw new Error('the demo fleet has an xp7 array');
  const response = await request.post('/api/volumes', { data: { arrayId: array.id, name, capacityBytes: 1024 * 1024 } });
  expect(response.status()).toBe(201);
}

test('delete a volume after confirming; cancel keeps it', async ({ page, request }) => {
  const name = `e2e_del_${Date.now()}`;
  await createVolume(request, name);
  await page.goto(`/volumes?q=${name}`);
  const count = page.getByTestId('volume-count');
  await expect(count).toHaveText('1 volume matches the filters');

  await page.getByRole('button', { name: `Delete volume ${name}` }).click();
  const dialog = page.getByRole('alertdialog', { name: `Delete volume ${name}?` });
  await expect(dialog).toContainText(`Volume ${name} (1 MiB, pool`);
  // The safe choice has focus, so Enter on an unexpected dialog keeps the volume.
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('cell', { name, exact: true })).toBeVisible();

  await page.getByRole('button', { name: `Delete volume ${name}` }).click();
  await dialog.getByRole('button', { name: 'Delete volume' }).click();
  await expect(page.getByText(`Volume ${name} deleted`)).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(count).toHaveText('0 volumes match the filters');
  await expect(page.getByText('No volumes match these filters')).toBeVisible();
  const left = (await (await request.get(`/api/volumes?q=${name}`)).json()) as unknown[];
  expect(left).toHaveLength(0);
});
