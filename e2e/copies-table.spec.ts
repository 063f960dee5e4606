// The Copies table at work: filters and sort in the URL, and a bulk split of five ShadowImage
// pairs in one go, offered only because every selected pair allows it.
import { type APIRequestContext } from '@playwright/test';
import { expect, test } from './support/test';

const MIB = 1024 * 1024;
const PAIRS = 5;

async function createVolume(request: APIRequestContext, arrayId: string, name: string): Promise<string> {
  const response = await request.post('/api/volumes', { data: { arrayId, name, capacityBytes: MIB } });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

async function states(request: APIRequestContext, ids: string[]): Promise<string[]> {
  return Promise.all(ids.map(async (id) => ((await (await request.get(`/api/copies/${id}`)).json()) as { state: string }).state));
}

test('filter to five pairs, select them all, split them at once; the filter and sort survive a reload', async ({ page, request }) => {
  test.setTimeout(120_000);
  const arrays = (await (await request.get('/api/arrays')).json()) as { id: string; model: string }[];
  const xp7 = arrays.find((candidate) => candidate.model === 'xp7');
  if (xp7 === undefined) throw new Error('the demo fleet has an xp7 array');
  const stamp = Date.now().toString(36);
  const previous = ((await (await request.get('/api/simulation')).json()) as { speed: number | 'max' }).speed;
  // Paused while pairing, then stepped: every pair reaches PAIR before the page acts on it.
  expect((await request.put('/api/simulation', { data: { speed: 0 } })).status()).toBe(200);
  const copyIds: string[] = [];
  const volumeIds: string[] = [];
  try {
    for (let index = 0; index < PAIRS; index++) {
      const pvol = await createVolume(request, xp7.id, `bulk_${stamp}_p${index}`);
      const svol = await createVolume(request, xp7.id, `bulk_${stamp}_s${index}`);
      volumeIds.push(pvol, svol);
      const created = await request.post('/api/copies', { data: { type: 'shadowimage', sourceVolumeId: pvol, targetVolumeId: svol } });
      expect(created.status(), await created.text()).toBe(201);
      copyIds.push(((await created.json()) as { id: string }).id);
    }
    expect((await request.post('/api/simulation/advance', { data: { seconds: 30 } })).status()).toBe(200);
    await expect.poll(() => states(request, copyIds)).toEqual(Array(PAIRS).fill('PAIR'));

    await page.goto('/copies');
    await page.getByLabel('Search copies').fill(`bulk_${stamp}`);
    await page.getByLabel('Service').click();
    await page.getByRole('option', { name: 'ShadowImage' }).click();
    await expect(page).toHaveURL(new RegExp(`type=shadowimage.*q=bulk_${stamp}|q=bulk_${stamp}.*type=shadowimage`));
    await expect(page.getByTestId('copy-count')).toContainText(`${PAIRS} of`);
    const table = page.getByRole('table', { name: 'Copy relationships' });
    await table.getByRole('button', { name: 'Source' }).click();
    await table.getByRole('button', { name: 'Source' }).click();
    await expect(page).toHaveURL(/sort=source&dir=desc/);
    await expect(table.getByRole('row').nth(1)).toContainText(`bulk_${stamp}_p4`);

    await page.reload();
    await expect(page.getByTestId('copy-count')).toContainText(`${PAIRS} of`);
    await expect(page.getByLabel('Service')).toHaveText('ShadowImage');
    await expect(table.getByRole('row').nth(1)).toContainText(`bulk_${stamp}_p4`);

    // One pair split first: now "Split" is not allowed for all, so it is not offered for the selection.
    await table.getByRole('checkbox', { name: new RegExp(`bulk_${stamp}_p0 `) }).check();
    await expect(page.getByTestId('selection-count')).toHaveText('1 copy selected');
    const toolbar = page.getByRole('toolbar', { name: 'Bulk actions' });
    // A split ends the mirror: it asks first, naming how many copies.
    await toolbar.getByRole('button', { name: 'Split (quick)…' }).click();
    await page.getByRole('alertdialog', { name: 'Split (quick): 1 copy?' }).getByRole('button', { name: 'Split (quick) (1)' }).click();
    await expect(page.getByText('Split (quick): 1 copy done')).toBeVisible();
    await expect(table.getByRole('row', { name: new RegExp(`bulk_${stamp}_p0 `) })).toContainText('PSUS');

    await table.getByRole('checkbox', { name: 'Select every copy shown' }).check();
    await expect(page.getByTestId('selection-count')).toHaveText(`${PAIRS} copies selected`);
    await expect(toolbar.getByRole('button', { name: 'Split (quick)…' })).toHaveCount(0);
    await expect(toolbar.getByRole('button', { name: /^Suspend/ })).toBeVisible();

    // Without the split one, the other four can be split together.
    await table.getByRole('checkbox', { name: new RegExp(`bulk_${stamp}_p0 `) }).uncheck();
    await expect(page.getByTestId('selection-count')).toHaveText(`${PAIRS - 1} copies selected`);
    await toolbar.getByRole('button', { name: 'Split (quick)…' }).click();
    await page
      .getByRole('alertdialog', { name: `Split (quick): ${PAIRS - 1} copies?` })
      .getByRole('button', { name: `Split (quick) (${PAIRS - 1})` })
      .click();
    await expect(page.getByText(`Split (quick): ${PAIRS - 1} copies done`)).toBeVisible();
    await expect(toolbar).toHaveCount(0);
    await expect.poll(() => states(request, copyIds)).toEqual(Array(PAIRS).fill('PSUS'));
    for (let index = 0; index < PAIRS; index++) await expect(table.getByRole('row', { name: new RegExp(`bulk_${stamp}_p${index} `) })).toContainText('PSUS');
  } finally {
    await request.put('/api/simulation', { data: { speed: previous } });
    for (const id of copyIds) await request.delete(`/api/copies/${id}`);
    for (const id of volumeIds) await request.delete(`/api/volumes/${id}`);
  }
});
