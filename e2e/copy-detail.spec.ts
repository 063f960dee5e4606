// A copy's detail page follows the relationship live: a ShadowImage pair goes COPY(PD) → PAIR →
// PSUS on screen as the clock is stepped and Split is clicked; host writes after the split show in
// the bitmap heatmap without a reload; a FlashCopy mapping's copy rate is edited with its MiB/s;
// disallowed actions say why; a monitor sees the page without any control.
import path from 'node:path';
import { type APIRequestContext, type Page } from '@playwright/test';
import { expect, test } from './support/test';
import { anonymousContext, createUser, signInThroughForm } from './support/users';

const MiB = 1024 * 1024;
const LIVE_TIMEOUT_MS = 30_000;

interface CopyBody {
  id: string;
  state: string;
  options: Record<string, unknown>;
}

async function arrayOf(request: APIRequestContext, model: string): Promise<string> {
  const arrays = (await (await request.get('/api/arrays')).json()) as { id: string; model: string }[];
  const found = arrays.find((candidate) => candidate.model === model);
  if (found === undefined) throw new Error(`the demo fleet has a ${model} array`);
  return found.id;
}

async function createVolume(request: APIRequestContext, arrayId: string, name: string, capacityBytes: number): Promise<string> {
  const response = await request.post('/api/volumes', { data: { arrayId, name, capacityBytes } });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

async function createCopy(request: APIRequestContext, data: Record<string, unknown>): Promise<string> {
  const response = await request.post('/api/copies', { data });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as CopyBody).id;
}

async function setSpeed(request: APIRequestContext, speed: number): Promise<void> {
  expect((await request.put('/api/simulation', { data: { speed } })).status()).toBe(200);
}

async function advance(request: APIRequestContext, seconds: number): Promise<void> {
  expect((await request.post('/api/simulation/advance', { data: { seconds } })).status()).toBe(200);
}

async function writeBytes(request: APIRequestContext, volumeId: string, offsetBytes: number, lengthBytes: number): Promise<void> {
  const response = await request.put(`/api/volumes/${volumeId}/data?offset=${offsetBytes}`, {
    data: Buffer.alloc(lengthBytes, 0x7e),
    headers: { 'content-type': 'application/octet-stream' },
  });
  expect(response.status(), await response.text()).toBe(204);
}

async function copyOf(request: APIRequestContext, id: string): Promise<CopyBody> {
  return (await (await request.get(`/api/copies/${id}`)).json()) as CopyBody;
}

/** Speed back to 1, the relationship removed (stopping a mapping first), the volumes deleted. */
async function cleanUp(request: APIRequestContext, copyId: string | null, volumeIds: string[]): Promise<void> {
  await setSpeed(request, 1);
  if (copyId !== null) {
    const copy = await request.get(`/api/copies/${copyId}`);
    if (copy.status() === 200 && /^(copying|preparing|prepared)$/.test(((await copy.json()) as CopyBody).state)) {
      await request.post(`/api/copies/${copyId}/actions/stop`, { data: {} });
      await expect.poll(async () => (await copyOf(request, copyId)).state, { timeout: LIVE_TIMEOUT_MS }).toMatch(/^(stopped|idle_or_copied)$/);
    }
    if (copy.status() === 200) expect([204, 404]).toContain((await request.delete(`/api/copies/${copyId}`)).status());
  }
  // A ShadowImage pair passes through SMPL(PD) before it lets go of its volumes.
  for (const id of volumeIds)
    await expect.poll(async () => [204, 404].includes((await request.delete(`/api/volumes/${id}`)).status()), { timeout: LIVE_TIMEOUT_MS }).toBe(true);
}

async function openLive(page: Page, copyId: string): Promise<void> {
  await page.goto(`/copies/${copyId}`);
  await expect(page.getByTestId('connection-status')).toHaveText('Live', { timeout: LIVE_TIMEOUT_MS });
}

function changedGrains(page: Page): Promise<number> {
  return page.getByTestId('bitmap-heatmap').getAttribute('data-changed-grains').then(Number);
}

test('a ShadowImage pair goes PAIR → PSUS live, and writes after the split light up the heatmap', async ({ page, request }) => {
  test.setTimeout(180_000);
  const arrayId = await arrayOf(request, 'xp7');
  const stamp = Date.now();
  const volumeIds = [
    await createVolume(request, arrayId, `e2e_cd_${stamp}_p`, 256 * MiB),
    await createVolume(request, arrayId, `e2e_cd_${stamp}_s`, 256 * MiB),
  ];
  const [pvolId, svolId] = volumeIds as [string, string];
  let copyId: string | null = null;
  try {
    // Paused: the initial copy waits for the test to step the clock, so nothing races the page.
    await setSpeed(request, 0);
    copyId = await createCopy(request, { type: 'shadowimage', sourceVolumeId: pvolId, targetVolumeId: svolId });
    await openLive(page, copyId);
    // Titled by the pair's name (the array's default, sipair<number>), with what it pairs beneath.
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^sipair\d+/);
    await expect(page.getByTestId('copy-identity')).toContainText(`e2e_cd_${stamp}_p`);
    const state = page.getByTestId('copy-state');
    await expect(state).toHaveText('COPY(PD)');
    const heatmap = page.getByTestId('bitmap-heatmap');
    await expect(heatmap).toHaveAttribute('data-to-copy-grains', '4096');
    await expect(heatmap).toHaveAttribute('aria-label', /4,096 grains in 1,024 cells/);

    // 256 MiB at the medium pace (128 MiB/s) is copied in 2 simulated seconds.
    await advance(request, 3);
    await expect(state).toHaveText('PAIR', { timeout: LIVE_TIMEOUT_MS });
    await expect(heatmap).toHaveAttribute('data-to-copy-grains', '0');
    await expect(page.getByTestId('copy-percent')).toHaveText('100.0%');

    // The mainframe name is a hover (and focus) away.
    await state.hover();
    await expect(page.getByRole('tooltip')).toContainText('Mainframe name: DUPLEX');

    // Resync is not allowed while paired: disabled, focusable, and it says why.
    const resync = page.getByRole('button', { name: /^Resync \(normal\)/ });
    await expect(resync).toBeDisabled();
    await expect(resync).toHaveAccessibleDescription(/not allowed while the pair is PAIR/);

    await page.getByRole('button', { name: 'Split (quick)…', exact: true }).click();
    // Splitting ends the mirror: the console asks first, saying what the S-VOL keeps.
    const confirmSplit = page.getByRole('alertdialog', { name: 'Split (quick)?' });
    await expect(confirmSplit).toContainText('The S-VOL keeps the P-VOL’s image of this instant');
    await confirmSplit.getByRole('button', { name: 'Split (quick)', exact: true }).click();
    await expect(page.getByText('Split (quick): done')).toBeVisible();
    await advance(request, 1);
    await expect(state).toHaveText('PSUS', { timeout: LIVE_TIMEOUT_MS });
    await expect(page.getByTestId('copy-timeline')).toContainText('split (quick)');
    await expect(page.getByRole('button', { name: /^Resync \(normal\)/ })).toBeEnabled();

    // Host writes to the P-VOL after the split are "changed since the split": 1 MiB = 16 grains.
    expect(await changedGrains(page)).toBe(0);
    const before = await heatmap.evaluate((canvas: HTMLCanvasElement) => canvas.toDataURL());
    await writeBytes(request, pvolId, 64 * MiB, MiB);
    await expect(heatmap).toHaveAttribute('data-changed-grains', '16', { timeout: LIVE_TIMEOUT_MS });
    await expect(heatmap).toHaveAttribute('aria-label', /16 changed since the split/);
    expect(await heatmap.evaluate((canvas: HTMLCanvasElement) => canvas.toDataURL())).not.toBe(before);
    // By keyboard: the written megabyte is grains 1,024–1,039, cells 257–260 of four grains each.
    await heatmap.focus();
    await page.keyboard.press('Home');
    await expect(page.getByTestId('heatmap-cell')).toContainText('Cell 1 of 1,024');
    for (let row = 0; row < 4; row += 1) await page.keyboard.press('ArrowDown');
    await expect(page.getByTestId('heatmap-cell')).toContainText('Cell 257 of 1,024 (grains 1,024–1,027, from 64 MiB): 4 copied, 0 to copy, 4 changed');

    // A host workload keeps writing: the changed count keeps rising without a reload.
    const workload = await request.post(`/api/volumes/${pvolId}/workload`, { data: { pattern: 'random', iops: 200, blockBytes: 65_536, writePercent: 100 } });
    expect(workload.status(), await workload.text()).toBe(201);
    await advance(request, 2);
    await expect.poll(() => changedGrains(page), { timeout: LIVE_TIMEOUT_MS }).toBeGreaterThan(16);
    await request.delete(`/api/volumes/${pvolId}/workload`);
  } finally {
    await cleanUp(request, copyId, volumeIds);
  }
});

test('a FlashCopy mapping: the copy rate is edited with its MiB/s, refusals show inline, stop says why it is disabled', async ({ page, request }) => {
  const arrayId = await arrayOf(request, 'storwize');
  const stamp = Date.now();
  const volumeIds = [
    await createVolume(request, arrayId, `e2e_cd_${stamp}_src`, 16 * MiB),
    await createVolume(request, arrayId, `e2e_cd_${stamp}_tgt`, 16 * MiB),
  ];
  let copyId: string | null = null;
  try {
    copyId = await createCopy(request, { type: 'flashcopy', sourceVolumeId: volumeIds[0], targetVolumeId: volumeIds[1], start: false });
    await openLive(page, copyId);
    await expect(page.getByTestId('copy-state')).toHaveText('idle_or_copied');

    // Stop is not allowed from idle_or_copied: disabled, with the state table's reason on hover.
    const stop = page.getByRole('button', { name: 'Stop…' });
    await expect(stop).toBeDisabled();
    await stop.hover();
    await expect(page.getByRole('tooltip')).toContainText('not allowed while the mapping is idle or copied');
    await stop.click({ force: true });
    await expect(page.getByRole('alertdialog')).toHaveCount(0);

    const options = page.getByRole('region', { name: 'Options' });
    const rate = options.getByLabel('Copy rate');
    await expect(rate).toHaveValue('50');
    await expect(options).toContainText('2 MiB/s');
    await rate.fill('100');
    await expect(options).toContainText('64 MiB/s');
    await options.getByRole('button', { name: 'Save options' }).click();
    await expect(page.getByText('Options saved')).toBeVisible();
    await expect.poll(async () => (await copyOf(request, copyId as string)).options.copyRate).toBe(100);
    await expect(rate).toHaveValue('100');
    await expect(page.getByTestId('copy-timeline')).toContainText('copyRate 100');

    // Out of range: the engine's own rule, under the field.
    await rate.fill('151');
    await options.getByRole('button', { name: 'Save options' }).click();
    await expect(options).toContainText('must be a whole number from 0 to 150');
    await expect(rate).toHaveAttribute('aria-invalid', 'true');
    expect((await copyOf(request, copyId)).options.copyRate).toBe(100);
    // Fixed at creation: shown, not editable.
    await expect(options.getByTestId('copy-options-readonly')).toContainText('Grain size (KiB)256 · fewer grains to track');
    await expect(options.getByLabel('Grain size')).toHaveCount(0);
  } finally {
    await cleanUp(request, copyId, volumeIds);
  }
});

test('a monitor sees the copy, its heatmap and options, but no action or editable option', async ({ browser, baseURL, request }) => {
  const monitor = await createUser(request, 'monitor');
  const arrayId = await arrayOf(request, 'storwize');
  const stamp = Date.now();
  const volumeIds = [
    await createVolume(request, arrayId, `e2e_cdm_${stamp}_src`, 16 * MiB),
    await createVolume(request, arrayId, `e2e_cdm_${stamp}_tgt`, 16 * MiB),
  ];
  let copyId: string | null = null;
  const context = await anonymousContext(browser, baseURL);
  try {
    copyId = await createCopy(request, { type: 'flashcopy', sourceVolumeId: volumeIds[0], targetVolumeId: volumeIds[1], start: false });
    const page = await context.newPage();
    await signInThroughForm(page, monitor.username, monitor.password, `/copies/${copyId}`);
    await expect(page.getByTestId('session-role')).toHaveText('monitor');
    await expect(page.getByTestId('copy-state')).toHaveText('idle_or_copied');
    await expect(page.getByTestId('bitmap-heatmap')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Actions' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^(Prepare|Start|Stop|Remove relationship)/ })).toHaveCount(0);
    const options = page.getByRole('region', { name: 'Options' });
    await expect(options).toContainText('Copy rate');
    await expect(options).toContainText('2 MiB/s');
    await expect(options.getByRole('spinbutton')).toHaveCount(0);
    await expect(options.getByRole('checkbox')).toHaveCount(0);
    await expect(options.getByRole('combobox')).toHaveCount(0);
    await expect(options.getByRole('button')).toHaveCount(0);
  } finally {
    await context.close();
    await cleanUp(request, copyId, volumeIds);
  }
});

test('an unknown copy id shows a not-found state', async ({ page }) => {
  await page.goto('/copies/no-such-copy');
  await expect(page.getByText('Copy relationship not found')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Back to Copies' })).toBeVisible();
});

test('a failed load shows an error with a retry', async ({ page }) => {
  let failing = true;
  await page.route('**/api/copies/flaky-copy', (route) =>
    failing
      ? route.fulfill({ status: 503, json: { error: { code: 'unavailable', message: 'the engine is restarting' } } })
      : route.fulfill({ status: 404, json: { error: { code: 'not_found', message: 'gone' } } }),
  );
  await page.goto('/copies/flaky-copy');
  const alert = page.getByRole('alert').filter({ hasText: 'Could not load this copy relationship' });
  await expect(alert).toContainText('the engine is restarting', { timeout: 15_000 });
  failing = false;
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByText('Copy relationship not found')).toBeVisible();
});

test('the bitmap API validates its cell count and knows unknown ids', async ({ request }) => {
  expect((await request.get('/api/copies/no-such-copy/bitmap')).status()).toBe(404);
  const arrayId = await arrayOf(request, 'storwize');
  const stamp = Date.now();
  const volumeIds = [
    await createVolume(request, arrayId, `e2e_cdb_${stamp}_src`, 16 * MiB),
    await createVolume(request, arrayId, `e2e_cdb_${stamp}_tgt`, 16 * MiB),
  ];
  let copyId: string | null = null;
  try {
    copyId = await createCopy(request, { type: 'flashcopy', sourceVolumeId: volumeIds[0], targetVolumeId: volumeIds[1], start: false });
    for (const cells of ['15', '8193', 'many', '1.5']) expect((await request.get(`/api/copies/${copyId}/bitmap?cells=${cells}`)).status()).toBe(400);
    const bitmap = (await (await request.get(`/api/copies/${copyId}/bitmap?cells=16`)).json()) as {
      grainCount: number;
      cells: number;
      grainsPerCell: number;
      copied: number[];
    };
    // 16 MiB in 256 KiB grains: 64 grains, 4 to a cell.
    expect(bitmap).toMatchObject({ grainCount: 64, cells: 16, grainsPerCell: 4 });
    expect(bitmap.copied).toHaveLength(16);
  } finally {
    await cleanUp(request, copyId, volumeIds);
  }
});

test('screenshots of a copy in light and dark', async ({ page, request }) => {
  test.skip(!process.env.GRAINLINE_SCREENSHOTS, 'set GRAINLINE_SCREENSHOTS=1 to save screenshots');
  const outputDir = process.env.GRAINLINE_SCREENSHOTS_DIR ?? path.resolve(__dirname, '..', 'screenshots');
  // The console scrolls inside <main>, so a full-page shot is as tall as the viewport: make it tall.
  await page.setViewportSize({ width: 1440, height: 1500 });
  const arrayId = await arrayOf(request, 'storwize');
  const stamp = Date.now();
  const volumeIds = [
    await createVolume(request, arrayId, `e2e_shot_${stamp}_src`, 256 * MiB),
    await createVolume(request, arrayId, `e2e_shot_${stamp}_tgt`, 256 * MiB),
  ];
  let copyId: string | null = null;
  try {
    await setSpeed(request, 0);
    // 64 MiB/s over 256 MiB: about a third copied after the 2 s prepare and 1.3 s of copying.
    copyId = await createCopy(request, { type: 'flashcopy', sourceVolumeId: volumeIds[0], targetVolumeId: volumeIds[1], options: { copyRate: 100 } });
    await advance(request, 3.3);
    for (const offsetMiB of [150, 151, 190, 230, 231, 232]) await writeBytes(request, volumeIds[0] as string, offsetMiB * MiB, 256 * 1024);
    for (const theme of ['light', 'dark'] as const) {
      await page.addInitScript((value) => window.localStorage.setItem('grainline-theme', value), theme);
      await page.goto(`/copies/${copyId}`);
      await expect(page.getByTestId('bitmap-heatmap')).toHaveAttribute('data-changed-grains', '6');
      await expect(page.getByTestId('copy-timeline')).toBeVisible();
      await page.screenshot({ path: path.join(outputDir, `copy-detail-${theme}.png`), fullPage: true });
    }
    // The loading state: the copy's answer held back until the skeleton has been captured.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(`**/api/copies/${copyId}`, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`/copies/${copyId}`);
    await expect(page.getByRole('status', { name: 'Loading the copy relationship' })).toBeVisible();
    await page.screenshot({ path: path.join(outputDir, 'copy-detail-loading-dark.png') });
    release();
    await expect(page.getByTestId('bitmap-heatmap')).toBeVisible();
    await page.unroute(`**/api/copies/${copyId}`);
  } finally {
    await cleanUp(request, copyId, volumeIds);
  }
});
