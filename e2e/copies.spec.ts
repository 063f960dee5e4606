// Copy relationships made through the API show up in the console: on Copies, on the dashboard,
// as volume roles; and the server's 409 for deleting a paired volume reaches the user.
import { type APIRequestContext } from '@playwright/test';
import { expect, test } from './support/test';

const MIB = 1024 * 1024;

async function createVolume(request: APIRequestContext, arrayId: string, name: string): Promise<string> {
  const response = await request.post('/api/volumes', { data: { arrayId, name, capacityBytes: MIB } });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

test('a FlashCopy mapping appears on Copies, the dashboard and as roles; its source cannot be deleted', async ({ page, request }) => {
  const arrays = (await (await request.get('/api/arrays')).json()) as { id: string; model: string }[];
  const storwize = arrays.find((candidate) => candidate.model === 'storwize');
  if (storwize === undefined) throw new Error('the demo fleet has a storwize array');
  const stamp = Date.now();
  const sourceName = `e2e_fc_${stamp}_source`;
  const targetName = `e2e_fc_${stamp}_target`;
  const sourceId = await createVolume(request, storwize.id, sourceName);
  const targetId = await createVolume(request, storwize.id, targetName);
  const created = await request.post('/api/copies', { data: { type: 'flashcopy', sourceVolumeId: sourceId, targetVolumeId: targetId, start: false } });
  expect(created.status()).toBe(201);
  const copyId = ((await created.json()) as { id: string }).id;

  await page.goto('/copies');
  const row = page.getByRole('table', { name: 'Copy relationships' }).getByRole('row', { name: new RegExp(sourceName) });
  await expect(row).toContainText(targetName);
  await expect(row).toContainText('FlashCopy mapping');
  await expect(row).toContainText('V7000-LON-02');

  await page.goto('/');
  await expect(page.getByRole('link', { name: 'View copy relationships' })).toBeVisible();
  await expect(page.getByText('No copy relationships yet')).toBeHidden();

  await page.goto(`/volumes?q=e2e_fc_${stamp}`);
  await expect(page.getByTestId('volume-count')).toHaveText('2 volumes match the filters');
  await expect(page.getByRole('row', { name: new RegExp(sourceName) })).toContainText('source');
  await page.getByLabel('Role').click();
  await page.getByRole('option', { name: 'target' }).click();
  await expect(page).toHaveURL(/[?&]role=target/);
  await expect(page.getByTestId('volume-count')).toHaveText('1 volume matches the filters');
  await page.getByLabel('Role').click();
  await page.getByRole('option', { name: 'Any role' }).click();
  await expect(page.getByTestId('volume-count')).toHaveText('2 volumes match the filters');

  await page.getByRole('button', { name: `Delete volume ${sourceName}` }).click();
  const confirmDelete = page.getByRole('alertdialog', { name: `Delete volume ${sourceName}?` });
  // Said before the confirmation: a volume in a relationship is refused.
  await expect(confirmDelete.getByTestId('delete-volume-held')).toContainText('It is the source of a copy relationship');
  await confirmDelete.getByRole('button', { name: 'Delete volume' }).click();
  // The refusal stays in the dialog, in the server's words.
  await expect(confirmDelete.getByRole('alert')).toContainText(/cannot be deleted while it is in flashcopy relationship/);
  await confirmDelete.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('cell', { name: sourceName, exact: true })).toBeVisible();

  // Leave the fleet as it was for the other specs.
  expect((await request.delete(`/api/copies/${copyId}`)).status()).toBe(204);
  expect((await request.delete(`/api/volumes/${sourceId}`)).status()).toBe(204);
  expect((await request.delete(`/api/volumes/${targetId}`)).status()).toBe(204);
});
