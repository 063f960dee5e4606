// Copy services in depth, from the copy's page: a DS6000 fast reverse restore that swaps the roles
// and leaves the old target marked as holding no usable image (shown on its volume page), and an
// XP7 quick restore that swaps the P-VOL and S-VOL images at once.
import { type APIRequestContext } from '@playwright/test';
import { expect, test } from './support/test';
import { advance, arrayOf, createVolume, uniqueName, writeBytes, type VolumeBody } from './support/fleet';

const MiB = 1024 * 1024;
const LIVE_TIMEOUT_MS = 30_000;

interface CopyBody {
  id: string;
  name: string;
  state: string;
  sourceVolumeId: string;
  targetVolumeId: string;
}

async function volumeOn(request: APIRequestContext, model: string, label: string): Promise<VolumeBody> {
  return createVolume(request, (await arrayOf(request, model)).id, uniqueName('depth', label), 4 * MiB);
}

async function createCopy(request: APIRequestContext, data: Record<string, unknown>): Promise<CopyBody> {
  const response = await request.post('/api/copies', { data });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as CopyBody;
}

async function removeAll(request: APIRequestContext, copyId: string, volumeIds: string[], endAction: string): Promise<void> {
  await request.post(`/api/copies/${copyId}/actions/${endAction}`, { data: {} });
  await advance(request, 3);
  expect([204, 404]).toContain((await request.delete(`/api/copies/${copyId}`)).status());
  // A ShadowImage pair passes through SMPL(PD) for a simulated second before it lets go.
  await advance(request, 2);
  for (const volumeId of volumeIds) expect([204, 404]).toContain((await request.delete(`/api/volumes/${volumeId}`)).status());
}

test.beforeEach(async ({ request }) => {
  expect((await request.put('/api/simulation', { data: { speed: 0 } })).status()).toBe(200);
});

test('DS6000 fast reverse restore from the copy page swaps the roles and marks the old target', async ({ page, request }) => {
  const source = await volumeOn(request, 'ds6000', 'ds_src');
  const target = await volumeOn(request, 'ds6000', 'ds_tgt');
  const relationship = await createCopy(request, { type: 'flashcopy', sourceVolumeId: source.id, targetVolumeId: target.id, options: { mode: 'nocopy' } });
  try {
    await writeBytes(request, source.id, 0, 256 * 1024, 0x5a);
    await page.goto(`/copies/${relationship.id}`);
    await expect(page.getByTestId('connection-status')).toHaveText('Live', { timeout: LIVE_TIMEOUT_MS });
    await expect(page.getByTestId('copy-state')).toHaveText('nocopy');
    // Normal mode needs change recording, which this relationship lacks: the page says so before anyone tries.
    await expect(page.getByRole('button', { name: /^Reverse restore \(normal\)/ })).toBeDisabled();
    await page.getByRole('button', { name: 'Reverse restore (fast)…' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Reverse restore (fast)?' });
    await expect(confirm).toBeVisible();
    await confirm.getByRole('button', { name: 'Reverse restore (fast)' }).click();
    await expect(page.getByTestId('copy-state')).toHaveText('copying', { timeout: LIVE_TIMEOUT_MS });
    await page.screenshot({ path: test.info().outputPath('ds6000-after-reverse.png'), fullPage: true });
    const swapped = (await (await request.get(`/api/copies/${relationship.id}`)).json()) as CopyBody;
    expect([swapped.sourceVolumeId, swapped.targetVolumeId]).toEqual([target.id, source.id]);

    await page.goto(`/volumes/${target.id}`);
    await expect(page.getByTestId('volume-image-note')).toBeVisible();
    await page.getByTestId('volume-image-note').focus();
    await expect(page.getByRole('tooltip')).toContainText('no usable image');
    await page.screenshot({ path: test.info().outputPath('volume-incomplete-image.png') });
  } finally {
    await removeAll(request, relationship.id, [source.id, target.id], 'withdraw');
  }
});

test('XP7 quick restore from the copy page swaps the P-VOL and S-VOL images and returns to PAIR', async ({ page, request }) => {
  const pvol = await volumeOn(request, 'xp7', 'pvol');
  const svol = await volumeOn(request, 'xp7', 'svol');
  await writeBytes(request, pvol.id, 0, 256 * 1024, 0x11);
  const pair = await createCopy(request, { type: 'shadowimage', sourceVolumeId: pvol.id, targetVolumeId: svol.id });
  try {
    await advance(request, 60);
    expect((await request.post(`/api/copies/${pair.id}/actions/split`, { data: { mode: 'quick' } })).status()).toBe(200);
    await advance(request, 60);
    await writeBytes(request, pvol.id, 0, 256 * 1024, 0x22);
    await page.goto(`/copies/${pair.id}`);
    await expect(page.getByTestId('connection-status')).toHaveText('Live', { timeout: LIVE_TIMEOUT_MS });
    await expect(page.getByTestId('copy-state')).toHaveText('PSUS');
    await page.getByRole('button', { name: 'Resync (quick)…' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Resync (quick)?' });
    await confirm.getByRole('button', { name: 'Resync (quick)' }).click();
    await expect(page.getByText('Resync (quick): done')).toBeVisible();
    await expect(page.getByTestId('copy-state')).toHaveText('PAIR', { timeout: LIVE_TIMEOUT_MS });
    const restored = await request.get(`/api/volumes/${pvol.id}/data?offset=0&length=16`);
    expect([...(await restored.body())]).toEqual(Array(16).fill(0x11));
  } finally {
    await removeAll(request, pair.id, [pvol.id, svol.id], 'suspend');
  }
});
