// The console as an administrator reads it (issue #18): sizes in one unit style, reasons included
// ("1 TiB", never "1024 GiB"); the Type column in the vendor's words; refusals without identifiers;
// no empty throughput axis of 0–4 B/s.
import { type APIRequestContext } from '@playwright/test';
import { expect, test } from './support/test';
import { arrayOf, createVolume, type VolumeBody } from './support/fleet';

const GiB = 1024 ** 3;

async function thinVolume(request: APIRequestContext, arrayId: string, name: string, capacityBytes: number): Promise<VolumeBody> {
  return createVolume(request, arrayId, name, capacityBytes, { provisioning: 'thin' });
}

const stamp = (label: string) => `e2e_words_${label}_${Date.now()}`;

test('a size reason names 1 TiB, not 1024 GiB', async ({ page, request }) => {
  const array = await arrayOf(request, 'xp7');
  const source = await thinVolume(request, array.id, stamp('tib'), 1024 * GiB);
  const smaller = await thinVolume(request, array.id, stamp('half'), 512 * GiB);
  try {
    await page.goto(`/copies/new?array=${array.id}&source=${source.id}&target=${smaller.id}&step=review`);
    const alert = page.getByRole('alert').filter({ hasText: smaller.name });
    await expect(alert).toContainText(`${smaller.name} is 512 GiB, ${source.name} is 1 TiB`);
    await expect(alert).not.toContainText('1024 GiB');
  } finally {
    for (const volume of [source, smaller]) await request.delete(`/api/volumes/${volume.id}`);
  }
});

test('the Type column names the service as the vendor does, and a refusal speaks of states in words', async ({ page, request }) => {
  const array = await arrayOf(request, 'storwize');
  const source = await thinVolume(request, array.id, stamp('src'), GiB);
  const target = await thinVolume(request, array.id, stamp('tgt'), GiB);
  let copyId: string | null = null;
  try {
    const created = await request.post('/api/copies', { data: { type: 'flashcopy', sourceVolumeId: source.id, targetVolumeId: target.id, start: false } });
    expect(created.status(), await created.text()).toBe(201);
    copyId = ((await created.json()) as { id: string }).id;
    const refused = await request.post(`/api/copies/${copyId}/actions/stop`, { data: {} });
    expect(refused.status()).toBe(409);
    const message = ((await refused.json()) as { error: { message: string } }).error.message;
    expect(message).toContain('while the mapping is idle or copied');
    expect(message).not.toMatch(/idle_or_copied/);

    await page.goto(`/copies?q=${encodeURIComponent(source.name)}`);
    const row = page.getByRole('row').filter({ hasText: source.name });
    await expect(row).toContainText('FlashCopy mapping');
    await expect(row).not.toContainText('flashcopy');
  } finally {
    if (copyId !== null) await request.delete(`/api/copies/${copyId}`);
    for (const volume of [source, target]) await request.delete(`/api/volumes/${volume.id}`);
  }
});

test('the throughput chart draws no axis for an idle fleet, and a chart when copies moved data', async ({ page }) => {
  // The suite shares one server, so whether copies moved data in the last minutes depends on what
  // ran before: the page must agree with itself either way (the summary decides which it shows).
  await page.goto('/');
  const summary = page.getByTestId('throughput-summary');
  await expect(summary).toHaveText(/No copy moved data|peak/);
  if ((await summary.textContent())?.startsWith('No copy moved data')) {
    await expect(page.getByTestId('throughput-empty')).toBeVisible();
    await expect(page.getByText('4 B/s')).toHaveCount(0);
  } else {
    await expect(page.getByTestId('throughput-empty')).toHaveCount(0);
    await expect(page.getByRole('img', { name: /Aggregate copy throughput/ })).toBeVisible();
  }
});
