// A volume's page follows the volume live: opened from the Volumes table, a host workload started
// from it shows its measured IOPS rising and stops; on a split ShadowImage pair's P-VOL the
// workload's writes raise the relationship's changed grains without a reload; on an S-VOL in PAIR
// its refused writes show with the reason; another console sees volumes created and deleted
// through the API come and go; a monitor sees no control; an unknown id is "not found".
import fs from 'node:fs';
import { type APIRequestContext, type Page } from '@playwright/test';
import { ADMIN_STATE } from './support/chromium';
import { expect, test } from './support/test';
import { anonymousContext, createUser, signInThroughForm } from './support/users';

const MiB = 1024 * 1024;
const LIVE_TIMEOUT_MS = 30_000;

interface CopyBody {
  id: string;
  state: string;
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

async function setSpeed(request: APIRequestContext, speed: number): Promise<void> {
  expect((await request.put('/api/simulation', { data: { speed } })).status()).toBe(200);
}

async function advance(request: APIRequestContext, seconds: number): Promise<void> {
  expect((await request.post('/api/simulation/advance', { data: { seconds } })).status()).toBe(200);
}

async function copyState(request: APIRequestContext, id: string): Promise<string> {
  return ((await (await request.get(`/api/copies/${id}`)).json()) as CopyBody).state;
}

/**
 * Two equal volumes on the xp7 array paired with ShadowImage, stepped (paused) to PAIR, and split
 * quick to PSUS when asked. The simulation stays paused: the caller restores the speed.
 */
async function shadowImagePair(
  request: APIRequestContext,
  label: string,
  split: boolean,
): Promise<{ pvolId: string; svolId: string; copyId: string; pvolName: string; svolName: string }> {
  const arrayId = await arrayOf(request, 'xp7');
  const stamp = Date.now();
  const pvolName = `e2e_vd_${label}_${stamp}_p`;
  const svolName = `e2e_vd_${label}_${stamp}_s`;
  const pvolId = await createVolume(request, arrayId, pvolName, 64 * MiB);
  const svolId = await createVolume(request, arrayId, svolName, 64 * MiB);
  await setSpeed(request, 0);
  const created = await request.post('/api/copies', { data: { type: 'shadowimage', sourceVolumeId: pvolId, targetVolumeId: svolId } });
  expect(created.status(), await created.text()).toBe(201);
  const copyId = ((await created.json()) as CopyBody).id;
  const stepUntil = (state: string) =>
    expect
      .poll(
        async () => {
          await advance(request, 1);
          return copyState(request, copyId);
        },
        { timeout: LIVE_TIMEOUT_MS },
      )
      .toBe(state);
  // 64 MiB at the medium pace (128 MiB/s): half a simulated second of initial copy.
  await stepUntil('PAIR');
  if (split) {
    const response = await request.post(`/api/copies/${copyId}/actions/split`, { data: { mode: 'quick' } });
    expect(response.status(), await response.text()).toBe(200);
    await stepUntil('PSUS');
  }
  return { pvolId, svolId, copyId, pvolName, svolName };
}

/** Speed back to 1, workloads stopped, the pair deleted (via SMPL(PD)), the volumes deleted. */
async function cleanUp(request: APIRequestContext, copyId: string | null, volumeIds: string[]): Promise<void> {
  await setSpeed(request, 1);
  for (const id of volumeIds) await request.delete(`/api/volumes/${id}/workload`);
  if (copyId !== null) expect([204, 404, 409]).toContain((await request.delete(`/api/copies/${copyId}`)).status());
  for (const id of volumeIds)
    await expect.poll(async () => [204, 404].includes((await request.delete(`/api/volumes/${id}`)).status()), { timeout: LIVE_TIMEOUT_MS }).toBe(true);
}

async function openLive(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.getByTestId('connection-status')).toHaveText('Live', { timeout: LIVE_TIMEOUT_MS });
}

async function fillWorkload(page: Page, values: { iops: string; blockKiB: string; writePercent: string }): Promise<void> {
  const form = page.getByRole('form', { name: 'Host workload settings' });
  await form.getByLabel('IOPS').fill(values.iops);
  await form.getByLabel('Block size (KiB)').fill(values.blockKiB);
  await form.getByLabel('Writes (%)').fill(values.writePercent);
}

function numberIn(page: Page, testId: string): Promise<number> {
  return page
    .getByTestId(testId)
    .textContent()
    .then((text) => Number((text ?? '').replace(/[^\d]/g, '')));
}

test('open a volume from the Volumes table, run a workload from its page and watch it live', async ({ page, request }) => {
  test.setTimeout(120_000);
  const arrayId = await arrayOf(request, 'ds6000');
  const name = `e2e_vd_run_${Date.now()}`;
  const volumeId = await createVolume(request, arrayId, name, 256 * MiB);
  try {
    await setSpeed(request, 1);
    await openLive(page, `/volumes?q=${name}`);
    await page.getByRole('link', { name, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/volumes/${volumeId}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    await expect(page.getByTestId('volume-capacity')).toHaveText('256 MiB');
    await expect(page.getByText('Not in any copy relationship')).toBeVisible();
    await expect(page.getByTestId('workload-status')).toHaveText('stopped');
    await expect(page.getByTestId('volume-usage')).toHaveAttribute('data-allocated-bytes', '0');

    // The form checks with the API's schema as you type.
    await fillWorkload(page, { iops: '0', blockKiB: '1.25', writePercent: '50' });
    await expect(page.getByText('IOPS must be at least 1')).toBeVisible();
    await expect(page.getByText('Block size must be a multiple of 512 bytes')).toBeVisible();
    await expect(page.getByLabel('IOPS')).toHaveAttribute('aria-invalid', 'true');

    await fillWorkload(page, { iops: '400', blockKiB: '4', writePercent: '50' });
    await page.getByRole('button', { name: 'Start workload' }).click();
    await expect(page.getByText(`Workload started on ${name}`)).toBeVisible();
    await expect(page.getByTestId('workload-status')).toHaveText('running');
    await expect(page.getByTestId('workload-spec')).toContainText('target 400 IOPS · random · 4 KiB blocks · 50% writes');
    // Measured IOPS and the counters climb as pushes arrive: no reload, no polling.
    await expect.poll(() => numberIn(page, 'workload-iops'), { timeout: LIVE_TIMEOUT_MS }).toBeGreaterThan(150);
    const writes = await numberIn(page, 'workload-writes');
    await expect.poll(() => numberIn(page, 'workload-writes'), { timeout: LIVE_TIMEOUT_MS }).toBeGreaterThan(writes);
    await expect(page.getByTestId('workload-rejected')).toHaveText('0');
    await expect
      .poll(async () => Number(await page.getByTestId('volume-usage').getAttribute('data-allocated-bytes')), { timeout: LIVE_TIMEOUT_MS })
      .toBeGreaterThan(0);
    const status = (await (await request.get(`/api/volumes/${volumeId}/workload`)).json()) as { iops: number; stats: { writes: number } };
    expect(status.iops).toBe(400);

    // Changing a setting restarts it with the new one; an unchanged form has nothing to apply.
    await expect(page.getByRole('button', { name: 'Apply changes' })).toBeDisabled();
    await page.getByLabel('Writes (%)').fill('100');
    await page.getByRole('button', { name: 'Apply changes' }).click();
    await expect(page.getByTestId('workload-spec')).toContainText('100% writes');

    await page.getByRole('button', { name: 'Stop workload' }).click();
    await expect(page.getByTestId('workload-status')).toHaveText('stopped');
    await expect(page.getByTestId('workload-idle')).toBeVisible();
    const after = await request.get(`/api/volumes/${volumeId}/workload`);
    expect(after.status()).toBe(200);
    expect(await after.json()).toBeNull();

    // Deleting from the page asks first, then leaves for the volume list.
    await page.getByRole('button', { name: 'Delete…' }).click();
    const dialog = page.getByRole('alertdialog', { name: `Delete volume ${name}?` });
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await dialog.getByRole('button', { name: 'Delete volume' }).click();
    await expect(page.getByText(`Volume ${name} deleted`).first()).toBeVisible();
    await expect(page).toHaveURL(/\/volumes$/);
    expect((await request.get(`/api/volumes/${volumeId}`)).status()).toBe(404);
  } finally {
    await request.delete(`/api/volumes/${volumeId}/workload`);
    await request.delete(`/api/volumes/${volumeId}`);
  }
});

test('on a split ShadowImage P-VOL, a workload’s writes raise the relationship’s changed grains live', async ({ page, request }) => {
  test.setTimeout(180_000);
  let pair: Awaited<ReturnType<typeof shadowImagePair>> | null = null;
  try {
    pair = await shadowImagePair(request, 'split', true);
    await openLive(page, `/volumes/${pair.pvolId}`);
    await expect(page.getByTestId('volume-roles')).toHaveText('P-VOL');
    const relationship = page.getByTestId('volume-relationship');
    await expect(relationship).toHaveCount(1);
    await expect(relationship.getByTestId('relationship-state')).toHaveText('PSUS');
    await expect(relationship.getByRole('link', { name: `${pair.svolName} (the target)` })).toHaveAttribute('href', `/volumes/${pair.svolId}`);
    await expect(relationship.getByRole('link', { name: /^Open copy/ })).toHaveAttribute('href', `/copies/${pair.copyId}`);
    const heatmap = relationship.getByTestId('bitmap-heatmap');
    await expect(heatmap).toHaveAttribute('data-changed-grains', '0');
    await expect(heatmap).toHaveAttribute('data-cells', '256');

    // Started paused: nothing is issued until the clock is stepped, so the count is exact.
    await fillWorkload(page, { iops: '100', blockKiB: '64', writePercent: '100' });
    await page.getByRole('button', { name: 'Start workload' }).click();
    await expect(page.getByTestId('workload-status')).toHaveText('running');
    await expect(page.getByText('The simulation is paused')).toBeVisible();
    const before = await heatmap.evaluate((canvas: HTMLCanvasElement) => canvas.toDataURL());
    await advance(request, 2);
    await expect(page.getByTestId('workload-writes')).toHaveText('200', { timeout: LIVE_TIMEOUT_MS });
    await expect.poll(async () => Number(await heatmap.getAttribute('data-changed-grains')), { timeout: LIVE_TIMEOUT_MS }).toBeGreaterThan(50);
    await expect(heatmap).toHaveAttribute('aria-label', /changed since the split/);
    expect(await heatmap.evaluate((canvas: HTMLCanvasElement) => canvas.toDataURL())).not.toBe(before);
    await expect(relationship.getByTestId('relationship-differential')).not.toHaveText('0 B');
    // Stepping again keeps marking more grains, still without a reload.
    const changed = Number(await heatmap.getAttribute('data-changed-grains'));
    await advance(request, 2);
    await expect.poll(async () => Number(await heatmap.getAttribute('data-changed-grains')), { timeout: LIVE_TIMEOUT_MS }).toBeGreaterThan(changed);

    // The pair holds the volume: deleting it is refused, in the server's words, inside the dialog.
    await page.getByRole('button', { name: 'Delete…' }).click();
    const dialog = page.getByRole('alertdialog', { name: `Delete volume ${pair.pvolName}?` });
    await expect(dialog).toContainText('It is in a copy relationship');
    await dialog.getByRole('button', { name: 'Delete volume' }).click();
    await expect(dialog.getByRole('alert')).toContainText('cannot be deleted while it is in shadowimage relationship');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await page.getByRole('button', { name: 'Stop workload' }).click();
    await expect(page.getByTestId('workload-status')).toHaveText('stopped');

    // The copy's page links its volumes to their own pages.
    await relationship.getByRole('link', { name: /^Open copy/ }).click();
    await expect(page).toHaveURL(new RegExp(`/copies/${pair.copyId}$`));
    await expect(page.getByTestId('copy-identity').getByRole('link', { name: pair.svolName })).toHaveAttribute('href', `/volumes/${pair.svolId}`);
    await page.getByTestId('copy-identity').getByRole('link', { name: pair.pvolName }).click();
    await expect(page).toHaveURL(new RegExp(`/volumes/${pair.pvolId}$`));
    await expect(page.getByTestId('volume-relationship')).toHaveCount(1);
  } finally {
    await cleanUp(request, pair?.copyId ?? null, pair === null ? [] : [pair.pvolId, pair.svolId]);
  }
});

test('a workload on an S-VOL in PAIR shows its refused writes and why', async ({ page, request }) => {
  test.setTimeout(180_000);
  let pair: Awaited<ReturnType<typeof shadowImagePair>> | null = null;
  try {
    pair = await shadowImagePair(request, 'pair', false);
    await openLive(page, `/volumes/${pair.svolId}`);
    await expect(page.getByTestId('volume-access')).toHaveText('read-only');
    await expect(page.getByTestId('volume-relationship').getByTestId('relationship-state')).toHaveText('PAIR');

    await fillWorkload(page, { iops: '100', blockKiB: '64', writePercent: '100' });
    await expect(page.getByTestId('workload-read-only-warning')).toContainText('its writes will be refused');
    await page.getByRole('button', { name: 'Start workload' }).click();
    await expect(page.getByTestId('workload-status')).toHaveText('running');
    await advance(request, 1);
    const refused = page.getByTestId('workload-refused');
    await expect(refused).toContainText('100 writes refused', { timeout: LIVE_TIMEOUT_MS });
    // The pair by its name (sipair<N>), as the engine now names relationships.
    await expect(refused).toContainText(/is the S-VOL of pair sipair\d+ in state PAIR, where it is read-only/);
    await expect(page.getByTestId('workload-rejected')).toHaveText('100');
    await expect(page.getByTestId('workload-writes')).toHaveText('0');
  } finally {
    await cleanUp(request, pair?.copyId ?? null, pair === null ? [] : [pair.pvolId, pair.svolId]);
  }
});

test('another console sees a volume created and deleted through the API, without a reload', async ({ page, browser, baseURL, request }) => {
  const arrayId = await arrayOf(request, 'santricity');
  const name = `e2e_vd_live_${Date.now()}`;
  const context = await browser.newContext({ baseURL, storageState: ADMIN_STATE });
  let volumeId: string | null = null;
  try {
    const other = await context.newPage();
    await openLive(other, `/volumes?q=${name}`);
    const count = other.getByTestId('volume-count');
    await expect(count).toHaveText('0 volumes match the filters');

    volumeId = await createVolume(request, arrayId, name, 16 * MiB);
    await expect(other.getByRole('link', { name, exact: true })).toBeVisible({ timeout: LIVE_TIMEOUT_MS });
    await expect(count).toHaveText('1 volume matches the filters');

    // A page showing the volume learns of its deletion too.
    await openLive(page, `/volumes/${volumeId}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    expect((await request.delete(`/api/volumes/${volumeId}`)).status()).toBe(204);
    await expect(other.getByRole('link', { name, exact: true })).toHaveCount(0, { timeout: LIVE_TIMEOUT_MS });
    await expect(count).toHaveText('0 volumes match the filters');
    await expect(page.getByText('Volume not found')).toBeVisible({ timeout: LIVE_TIMEOUT_MS });
    volumeId = null;
  } finally {
    await context.close();
    if (volumeId !== null) await request.delete(`/api/volumes/${volumeId}`);
  }
});

test('a monitor sees the volume and its workload live, but no workload or delete control', async ({ browser, baseURL, request }) => {
  const monitor = await createUser(request, 'monitor');
  const arrayId = await arrayOf(request, 'storwize');
  const name = `e2e_vd_mon_${Date.now()}`;
  const volumeId = await createVolume(request, arrayId, name, 16 * MiB);
  const context = await anonymousContext(browser, baseURL);
  try {
    await setSpeed(request, 1);
    const page = await context.newPage();
    await signInThroughForm(page, monitor.username, monitor.password, `/volumes/${volumeId}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    await expect(page.getByTestId('workload-idle')).toHaveText('No host workload runs on this volume.');
    await expect(page.getByRole('form', { name: 'Host workload settings' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^(Start workload|Stop workload|Apply changes|Delete…)$/ })).toHaveCount(0);

    const started = await request.post(`/api/volumes/${volumeId}/workload`, { data: { pattern: 'sequential', iops: 200, blockBytes: 4096, writePercent: 50 } });
    expect(started.status(), await started.text()).toBe(201);
    await expect(page.getByTestId('workload-status')).toHaveText('running', { timeout: LIVE_TIMEOUT_MS });
    await expect.poll(() => numberIn(page, 'workload-iops'), { timeout: LIVE_TIMEOUT_MS }).toBeGreaterThan(0);
    await expect(page.getByRole('button', { name: 'Stop workload' })).toHaveCount(0);
    expect((await request.delete(`/api/volumes/${volumeId}/workload`)).status()).toBe(204);
    await expect(page.getByTestId('workload-status')).toHaveText('stopped', { timeout: LIVE_TIMEOUT_MS });
  } finally {
    await context.close();
    await request.delete(`/api/volumes/${volumeId}/workload`);
    await request.delete(`/api/volumes/${volumeId}`);
  }
});

test('an operator gives a volume to the other controller after a confirmation; a copy target that follows its source says why it cannot move', async ({
  page,
  request,
}) => {
  const arrayId = await arrayOf(request, 'santricity');
  const stamp = Date.now();
  const sourceId = await createVolume(request, arrayId, `e2e_owner_${stamp}_s`, 64 * MiB);
  const targetId = await createVolume(request, arrayId, `e2e_owner_${stamp}_t`, 64 * MiB);
  const owner = async (id: string) =>
    ((await (await request.get(`/api/volumes/${id}`)).json()) as { currentOwner: string; preferredOwner: string }).currentOwner;
  const before = await owner(sourceId);
  const to = before === 'A' ? 'B' : 'A';
  await page.goto(`/volumes/${sourceId}`);
  await expect(page.getByTestId('volume-owner')).toContainText(new RegExp(`Current owner\\s*Controller ${before}`));
  await page.getByTestId('change-owner').click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText(`Controller ${to} becomes the preferred and the current owner`);
  await dialog.getByRole('button', { name: `Give to controller ${to}` }).click();
  await expect(page.getByText(`e2e_owner_${stamp}_s is owned by controller ${to}`)).toBeVisible();
  await expect(page.getByTestId('volume-owner')).toContainText(new RegExp(`Current owner\\s*Controller ${to}`));
  expect(await owner(sourceId)).toBe(to);
  // A volume copy in progress: its target follows the source, so moving the target alone is refused.
  await setSpeed(request, 0);
  try {
    const copy = await request.post('/api/copies', { data: { type: 'volume-copy', sourceVolumeId: sourceId, targetVolumeId: targetId } });
    expect(copy.status(), await copy.text()).toBe(201);
    await page.goto(`/volumes/${targetId}`);
    await expect(page.getByTestId('volume-owner')).toContainText(new RegExp(`Current owner\\s*Controller ${to}`));
    await page.getByTestId('change-owner').click();
    const refusal = page.getByRole('alertdialog');
    await refusal.getByRole('button', { name: /Give to controller/ }).click();
    await expect(refusal).toContainText('follows its source');
    await refusal.getByRole('button', { name: 'Cancel' }).click();
    expect((await request.delete(`/api/copies/${((await copy.json()) as CopyBody).id}`)).status()).toBe(204);
  } finally {
    await setSpeed(request, 1);
  }
});

test('an unknown volume id shows a not-found state', async ({ page }) => {
  await page.goto('/volumes/no-such-volume');
  await expect(page.getByText('Volume not found')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Back to Volumes' })).toBeVisible();
});

test('the usage and workload APIs answer for a volume, and 404 for what does not exist', async ({ request }) => {
  expect((await request.get('/api/volumes/no-such-volume/usage')).status()).toBe(404);
  expect((await request.get('/api/volumes/no-such-volume/workload')).status()).toBe(404);
  const arrayId = await arrayOf(request, 'ds6000');
  const volumeId = await createVolume(request, arrayId, `e2e_vd_api_${Date.now()}`, 16 * MiB);
  try {
    const none = await request.get(`/api/volumes/${volumeId}/workload`);
    expect(none.status()).toBe(200);
    expect(await none.json()).toBeNull();
    const written = await request.put(`/api/volumes/${volumeId}/data?offset=${MiB}`, {
      data: Buffer.alloc(100, 1),
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(written.status()).toBe(204);
    // One 4 KiB allocation block holds the 100 bytes.
    expect(await (await request.get(`/api/volumes/${volumeId}/usage`)).json()).toEqual({
      volumeId,
      capacityBytes: 16 * MiB,
      allocatedBytes: 4 * 1024,
      hostIo: { reads: 0, writes: 1, readBytes: 0, writtenBytes: 100, refusals: 0, lastRefusal: null },
      connections: [],
    });
  } finally {
    await request.delete(`/api/volumes/${volumeId}`);
  }
});

test('screenshots of a volume in light and dark', async ({ page, request }) => {
  test.skip(!process.env.GRAINLINE_SCREENSHOTS, 'set GRAINLINE_SCREENSHOTS=1 to save screenshots');
  test.setTimeout(240_000);
  const outputDir = process.env.GRAINLINE_SCREENSHOTS_DIR ?? '/tmp/shots';
  fs.mkdirSync(outputDir, { recursive: true });
  await page.setViewportSize({ width: 1440, height: 1300 });
  const split = await shadowImagePair(request, 'shotp', true);
  const paired = await shadowImagePair(request, 'shots', false);
  try {
    for (const [volumeId, writePercent] of [
      [split.pvolId, 70],
      [paired.svolId, 100],
    ] as const) {
      const started = await request.post(`/api/volumes/${volumeId}/workload`, { data: { pattern: 'random', iops: 150, blockBytes: 65_536, writePercent } });
      expect(started.status()).toBe(201);
    }
    await setSpeed(request, 1);
    for (const theme of ['light', 'dark'] as const) {
      await page.addInitScript((value) => window.localStorage.setItem('grainline-theme', value), theme);
      await openLive(page, `/volumes/${split.pvolId}`);
      await expect.poll(() => numberIn(page, 'workload-iops'), { timeout: LIVE_TIMEOUT_MS }).toBeGreaterThan(100);
      await expect(page.getByTestId('volume-relationship').getByTestId('bitmap-heatmap')).not.toHaveAttribute('data-changed-grains', '0');
      await expect(page.getByRole('status')).toHaveCount(0);
      await page.screenshot({ path: `${outputDir}/volume-detail-pvol-${theme}.png` });
      await openLive(page, `/volumes/${paired.svolId}`);
      await expect(page.getByTestId('workload-refused')).toBeVisible({ timeout: LIVE_TIMEOUT_MS });
      await expect(page.getByTestId('volume-relationship').getByTestId('bitmap-heatmap')).toBeVisible();
      await expect(page.getByRole('status')).toHaveCount(0);
      await page.screenshot({ path: `${outputDir}/volume-detail-svol-${theme}.png` });
      await page.setViewportSize({ width: 420, height: 1300 });
      await page.screenshot({ path: `${outputDir}/volume-detail-narrow-${theme}.png` });
      await page.setViewportSize({ width: 1440, height: 1300 });
      await page.goto('/volumes/no-such-volume');
      await expect(page.getByText('Volume not found')).toBeVisible();
      await page.screenshot({ path: `${outputDir}/volume-detail-not-found-${theme}.png` });
    }
  } finally {
    await cleanUp(request, split.copyId, [split.pvolId, split.svolId]);
    await cleanUp(request, paired.copyId, [paired.pvolId, paired.svolId]);
  }
});
