// The Copies page follows a FlashCopy mapping live over socket.io: the new row appears, its state
// moves preparing → copying → idle_or_copied and its percent rises, all without a reload.
import { type APIRequestContext } from '@playwright/test';
import { expect, test } from './support/test';

const GIB = 1024 * 1024 * 1024;
const LIVE_TIMEOUT_MS = 30_000;

interface CopyBody {
  id: string;
  state: string;
  progress: { percent: number };
}

async function createVolume(request: APIRequestContext, arrayId: string, name: string): Promise<string> {
  const response = await request.post('/api/volumes', { data: { arrayId, name, capacityBytes: GIB } });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

async function setSpeed(request: APIRequestContext, speed: number): Promise<void> {
  expect((await request.put('/api/simulation', { data: { speed } })).status()).toBe(200);
}

async function copyState(request: APIRequestContext, id: string): Promise<string> {
  return ((await (await request.get(`/api/copies/${id}`)).json()) as CopyBody).state;
}

/** Leaves the fleet as it was: speed 1, no mapping, no volumes. Stopping first is Storwize's rule. */
async function cleanUp(request: APIRequestContext, copyId: string | null, volumeIds: string[]): Promise<void> {
  await setSpeed(request, 1);
  if (copyId !== null) {
    const state = await copyState(request, copyId);
    if (state !== 'idle_or_copied' && state !== 'stopped') {
      await request.post(`/api/copies/${copyId}/actions/stop`, { data: {} });
      await expect.poll(() => copyState(request, copyId), { timeout: LIVE_TIMEOUT_MS }).toMatch(/^(stopped|idle_or_copied)$/);
    }
    expect((await request.delete(`/api/copies/${copyId}`)).status()).toBe(204);
  }
  for (const id of volumeIds) await request.delete(`/api/volumes/${id}`);
}

test('a FlashCopy mapping appears and progresses on Copies without a reload', async ({ page, request }) => {
  test.setTimeout(120_000);
  const arrays = (await (await request.get('/api/arrays')).json()) as { id: string; model: string }[];
  const storwize = arrays.find((candidate) => candidate.model === 'storwize');
  if (storwize === undefined) throw new Error('the demo fleet has a storwize array');
  const stamp = Date.now();
  const sourceName = `e2e_live_${stamp}_src`;
  const volumeIds: string[] = [];
  let copyId: string | null = null;
  try {
    volumeIds.push(await createVolume(request, storwize.id, sourceName));
    volumeIds.push(await createVolume(request, storwize.id, `e2e_live_${stamp}_tgt`));
    const [sourceId, targetId] = volumeIds as [string, string];
    const written = await request.put(`/api/volumes/${sourceId}/data?offset=0`, {
      data: Buffer.alloc(256 * 1024, 0x5a),
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(written.status()).toBe(204);

    await page.goto('/copies');
    await expect(page.getByTestId('connection-status')).toHaveText('Live', { timeout: LIVE_TIMEOUT_MS });

    // Paused, the mapping sits in preparing until the test steps the clock: nothing races the page.
    await setSpeed(request, 0);
    await expect(page.getByRole('combobox', { name: 'Simulation speed' })).toHaveText('Paused');
    const created = await request.post('/api/copies', {
      data: { type: 'flashcopy', sourceVolumeId: sourceId, targetVolumeId: targetId, options: { copyRate: 100 } },
    });
    expect(created.status()).toBe(201);
    copyId = ((await created.json()) as CopyBody).id;

    const row = page.getByRole('table', { name: 'Copy relationships' }).getByRole('row', { name: new RegExp(sourceName) });
    await expect(row).toContainText('preparing', { timeout: LIVE_TIMEOUT_MS });
    await expect(row.getByTestId('copy-percent')).toHaveText('0.0%');

    // 2 s of prepare, then about 1 s of copying at 64 MiB/s: part of the 1 GiB is copied.
    expect((await request.post('/api/simulation/advance', { data: { seconds: 3 } })).status()).toBe(200);
    await expect(row).toContainText('copying', { timeout: LIVE_TIMEOUT_MS });
    const percentText = row.getByTestId('copy-percent');
    await expect(percentText).not.toHaveText('0.0%');
    const stepped = Number.parseFloat((await percentText.textContent()) ?? '0');
    expect(stepped).toBeGreaterThan(0);
    expect(stepped).toBeLessThan(100);
    // Progress alone moves the cells, not the row (its copy is otherwise the same): the percent,
    // the bar and the rate follow each push while the state stays put.
    const bar = row.getByRole('progressbar');
    // The percent and the bar's value, read together: they come from one render.
    const shown = () =>
      row.evaluate((tr) => ({
        text: Number.parseFloat(tr.querySelector('[data-testid="copy-percent"]')?.textContent ?? 'NaN'),
        bar: Number(tr.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow')),
      }));
    expect((await shown()).bar.toFixed(1)).toBe(stepped.toFixed(1));
    expect((await request.post('/api/simulation/advance', { data: { seconds: 2 } })).status()).toBe(200);
    await expect.poll(async () => (await shown()).text, { timeout: LIVE_TIMEOUT_MS }).toBeGreaterThan(stepped);
    const moved = await shown();
    expect(moved.bar.toFixed(1)).toBe(moved.text.toFixed(1));
    await expect(bar).toHaveAttribute('aria-label', /^\d+\.\d% \(.+ of 1 GiB\)$/);
    await expect(row).toContainText('copying');
    await expect(row).toContainText('MiB/s');

    // Running at 10×, the rest copies in a couple of seconds and the page follows.
    await setSpeed(request, 10);
    await expect(page.getByRole('combobox', { name: 'Simulation speed' })).toHaveText('10×');
    await expect(row).toContainText('idle_or_copied', { timeout: LIVE_TIMEOUT_MS });
    await expect(percentText).toHaveText('100.0%');
    await expect(page.getByTestId('connection-status')).toHaveText('Live');
  } finally {
    await cleanUp(request, copyId, volumeIds);
  }
  // The removal is pushed too: the row goes away on its own.
  await expect(page.getByRole('row', { name: new RegExp(sourceName) })).toHaveCount(0, { timeout: LIVE_TIMEOUT_MS });
});

test('offline, the indicator says so; back online it is live again and shows what changed meanwhile', async ({ page, context, request }) => {
  test.setTimeout(120_000);
  const arrays = (await (await request.get('/api/arrays')).json()) as { id: string; model: string }[];
  const storwize = arrays.find((candidate) => candidate.model === 'storwize');
  if (storwize === undefined) throw new Error('the demo fleet has a storwize array');
  const stamp = Date.now();
  const sourceName = `e2e_resync_${stamp}_src`;
  const volumeIds: string[] = [];
  let copyId: string | null = null;
  try {
    volumeIds.push(await createVolume(request, storwize.id, sourceName));
    volumeIds.push(await createVolume(request, storwize.id, `e2e_resync_${stamp}_tgt`));
    const [sourceId, targetId] = volumeIds as [string, string];
    const created = await request.post('/api/copies', { data: { type: 'flashcopy', sourceVolumeId: sourceId, targetVolumeId: targetId, start: false } });
    expect(created.status()).toBe(201);
    copyId = ((await created.json()) as CopyBody).id;

    await page.goto('/copies');
    const status = page.getByTestId('connection-status');
    await expect(status).toHaveText('Live', { timeout: LIVE_TIMEOUT_MS });
    const row = page.getByRole('table', { name: 'Copy relationships' }).getByRole('row', { name: new RegExp(sourceName) });
    await expect(row).toContainText('idle_or_copied');

    await context.setOffline(true);
    await expect(status).toHaveText('Offline');
    // Changed while the page cannot hear about it: prepare ends in `prepared` after 2 s simulated.
    expect((await request.post(`/api/copies/${copyId}/actions/prepare`, { data: {} })).status()).toBe(200);
    await expect.poll(() => copyState(request, copyId as string), { timeout: LIVE_TIMEOUT_MS }).toBe('prepared');
    await expect(row).toContainText('idle_or_copied');

    await context.setOffline(false);
    await expect(status).toHaveText('Live', { timeout: LIVE_TIMEOUT_MS });
    await expect(row).toContainText('prepared', { timeout: LIVE_TIMEOUT_MS });
  } finally {
    await cleanUp(request, copyId, volumeIds);
  }
});
