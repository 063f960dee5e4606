// The console as an administrator reads it (issue #18): sizes in one unit style, reasons included
// ("1 TiB", never "1024 GiB"); the Type column in the vendor's words; refusals without identifiers;
// no empty throughput axis of 0–4 B/s.
import { type APIRequestContext } from '@playwright/test';
import { expect, test } from './support/test';

const GiB = 1024 ** 3;

async function arrayOf(request: APIRequestContext, model: string): Promise<{ id: string; name: string }> {
  const arrays = (await (await request.get('/api/arrays')).json()) as { id: string; name: string; model: string }[];
  const found = arrays.find((candidate) => candidate.model === model);
  if (found === undefined) throw new Error(`the demo fleet has a ${model} array`);
  return found;
}

async function createVolume(request: APIRequestContext, arrayId: string, name: string, capacityBytes: number): Promise<{ id: string; name: string }> {
  const response = await request.post('/api/volumes', { data: { arrayId, name, capacityBytes, provisioning: 'thin' } });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { id: string; name: string };
}

const stamp = (label: string) => `e2e_words_${label}_${Date.now()}`;

test('a size reason names 1 TiB, not 1024 GiB', async ({ page, request }) => {
  const array = await arrayOf(request, 'xp7');
  const source = await createVolume(request, array.id, stamp('tib'), 1024 * GiB);
  const smaller = await createVolume(request, array.id, stamp('half'), 512 * GiB);
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
  const source = await createVolume(request, array.id, stamp('src'), GiB);
  const target = await createVolume(request, array.id, stamp('tgt'), GiB);
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

test('an idle fleet draws no throughput axis', async ({ page, request }) => {
  const samples = ((await (await request.get('/api/throughput')).json()) as { samples: { bytesPerSec: number }[] }).samples;
  test.skip(
    samples.some((sample) => sample.bytesPerSec > 0),
    'copies moved data in the last ten minutes',
  );
  await page.goto('/');
  await expect(page.getByTestId('throughput-summary')).toContainText('No copy moved data');
  await expect(page.getByTestId('throughput-empty')).toBeVisible();
  await expect(page.getByText('4 B/s')).toHaveCount(0);
});
