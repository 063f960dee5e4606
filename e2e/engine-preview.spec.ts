// The console shows what the engine says an action will do (POST /api/preview) instead of its own
// words: the wizard's review lists the engine's consequences (a SANtricity copy beyond the 8 in
// progress queues, an existing target is replaced) and a refusal blocks Create; the fail-controller
// dialog names the volumes that move, and for the last online controller says they go offline; the
// faults panel offers only the model's faults, and its confirmation shows what injecting one does
// before it is done (and that the engine would refuse it once the same fault is in force).
import path from 'node:path';
import { type APIRequestContext, type Page } from '@playwright/test';
import { expect, test } from './support/test';
import { arrayOf, uniqueName } from './support/fleet';

const MiB = 1024 * 1024;
const LIVE_TIMEOUT_MS = 30_000;

interface VolumeBody {
  id: string;
  name: string;
}

interface CopyBody {
  id: string;
  state: string;
}

function stamp(label: string): string {
  return uniqueName('pv', label);
}

async function createVolume(request: APIRequestContext, arrayId: string, name: string, extra: Record<string, unknown> = {}): Promise<VolumeBody> {
  const response = await request.post('/api/volumes', { data: { arrayId, name, capacityBytes: 4 * MiB, ...extra } });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as VolumeBody;
}

async function createCopy(request: APIRequestContext, data: Record<string, unknown>): Promise<CopyBody> {
  const response = await request.post('/api/copies', { data });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as CopyBody;
}

/** Copies of these volumes stopped and removed, then the volumes; controllers restored; speed back. */
async function cleanUp(request: APIRequestContext, arrayId: string, volumeIds: string[], speed: number | 'max'): Promise<void> {
  for (const fault of (await (await request.get(`/api/faults?arrayId=${arrayId}`)).json()) as { id: string }[]) await request.delete(`/api/faults/${fault.id}`);
  for (const volumeId of volumeIds) {
    for (const copy of (await (await request.get(`/api/copies?volumeId=${volumeId}`)).json()) as CopyBody[]) {
      if (/^(in-progress|pending)$/.test(copy.state)) await request.post(`/api/copies/${copy.id}/actions/stop`, { data: {} });
      await request.delete(`/api/copies/${copy.id}`);
    }
  }
  for (const volumeId of volumeIds) await request.delete(`/api/volumes/${volumeId}`);
  await request.put('/api/simulation', { data: { speed } });
}

async function currentSpeed(request: APIRequestContext): Promise<number | 'max'> {
  return ((await (await request.get('/api/simulation')).json()) as { speed: number | 'max' }).speed;
}

async function openArray(page: Page, arrayId: string): Promise<void> {
  await page.goto(`/arrays/${arrayId}`);
  await expect(page.getByTestId('connection-status')).toHaveText('Live', { timeout: LIVE_TIMEOUT_MS });
}

/** Pictures to look at, when asked for (GRAINLINE_SCREENSHOTS=1), in both themes. */
async function shoot(page: Page, name: string, show: (page: Page) => Promise<void>): Promise<void> {
  if (!process.env.GRAINLINE_SCREENSHOTS) return;
  const outputDir = process.env.GRAINLINE_SCREENSHOTS_DIR ?? path.resolve(__dirname, '..', 'screenshots');
  for (const theme of ['light', 'dark']) {
    await page.evaluate((value) => window.localStorage.setItem('grainline-theme', value), theme);
    await page.reload();
    await show(page);
    await page.screenshot({ path: path.join(outputDir, `preview-${name}-${theme}.png`) });
  }
}

test('the wizard review lists the engine’s consequences: the 9th SANtricity copy queues, the target is replaced; a refusal blocks Create', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const array = await arrayOf(request, 'santricity');
  const speed = await currentSpeed(request);
  const volumeIds: string[] = [];
  try {
    // Paused, the copies filling the array's 8 slots stay in progress.
    expect((await request.put('/api/simulation', { data: { speed: 0 } })).status()).toBe(200);
    const running = ((await (await request.get(`/api/copies?arrayId=${array.id}&state=in-progress`)).json()) as CopyBody[]).length;
    for (let index = running; index < 8; index++) {
      const busySource = await createVolume(request, array.id, stamp('busy_src'));
      const busyTarget = await createVolume(request, array.id, stamp('busy_tgt'));
      volumeIds.push(busySource.id, busyTarget.id);
      await createCopy(request, { type: 'volume-copy', sourceVolumeId: busySource.id, targetVolumeId: busyTarget.id });
    }
    const source = await createVolume(request, array.id, stamp('src'), { preferredOwner: 'A' });
    const target = await createVolume(request, array.id, stamp('tgt'), { preferredOwner: 'A' });
    volumeIds.push(source.id, target.id);

    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`/copies/new?array=${array.id}&source=${source.id}&target=${target.id}&step=review`);
    const review = page.getByTestId('review-lines');
    await expect(review).toContainText('It waits: 8 copies are in progress (at most 8 per array) and 0 wait before it (higher priority first, then oldest).');
    await expect(review).toContainText(`The current contents of the target ${target.name} are replaced by ${source.name}'s.`);
    // Marked for attention, and named for screen readers.
    await expect(review.getByRole('listitem').filter({ hasText: 'It waits:' }).getByLabel('Attention')).toBeVisible();
    // The engine says the target is overwritten: Create waits for its name.
    const create = page.getByRole('button', { name: 'Create and start' });
    await expect(create).toBeDisabled();
    await page.getByLabel(/^Type .* to confirm/).fill(target.name);
    await expect(create).toBeEnabled();
    await shoot(page, 'wizard-review', async (shown) => {
      await expect(shown.getByTestId('review-lines')).toContainText('It waits:');
      await shown.getByLabel(/^Type .* to confirm/).fill(target.name);
    });

    // A name the array already has: the engine refuses, the review says why, Create stays off.
    const taken = stamp('taken');
    const other = await createVolume(request, array.id, stamp('other_src'));
    const otherTarget = await createVolume(request, array.id, stamp('other_tgt'));
    volumeIds.push(other.id, otherTarget.id);
    await createCopy(request, { type: 'volume-copy', sourceVolumeId: other.id, targetVolumeId: otherTarget.id, start: false, name: taken });
    await page.goto(`/copies/new?array=${array.id}&source=${source.id}&target=${target.id}&step=review&copyName=${taken}`);
    await expect(page.getByRole('alert').filter({ hasText: `A copy relationship named "${taken}" already exists on array ${array.name}` })).toBeVisible();
    await expect(create).toBeDisabled();
  } finally {
    await cleanUp(request, array.id, volumeIds, speed);
  }
});

test('the fail-controller dialog shows which volumes move, and for the last online controller that they go offline', async ({ page, request }) => {
  test.setTimeout(120_000);
  const array = await arrayOf(request, 'ds6000');
  const speed = await currentSpeed(request);
  const volume = await createVolume(request, array.id, stamp('owned'), { preferredOwner: 'A' });
  try {
    await openArray(page, array.id);
    const cardA = page.getByRole('region', { name: 'Controller A' });
    await cardA.getByRole('button', { name: 'Fail…' }).click();
    const dialog = page.getByRole('alertdialog', { name: `Fail controller A of ${array.name}?` });
    const preview = dialog.getByTestId('controller-A-preview');
    await expect(preview).toContainText(`${volume.name} moves from controller A to B (controller B takes over).`);
    // Cancel keeps the focus on the safe choice and changes nothing.
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await shoot(page, 'fail-controller', async (shown) => {
      await shown.getByRole('region', { name: 'Controller A' }).getByRole('button', { name: 'Fail…' }).click();
      await expect(shown.getByTestId('controller-A-preview')).toContainText(volume.name);
    });
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    // Controller A failed elsewhere: failing B now would leave no controller.
    expect((await request.post(`/api/arrays/${array.id}/controllers/A/fail`)).status()).toBe(200);
    const cardB = page.getByRole('region', { name: 'Controller B' });
    await expect(page.getByRole('region', { name: 'Controller A' }).getByText('A offline')).toBeVisible({ timeout: LIVE_TIMEOUT_MS });
    await cardB.getByRole('button', { name: 'Fail…' }).click();
    const last = page.getByRole('alertdialog', { name: `Fail controller B of ${array.name}?` });
    await expect(last.getByTestId('controller-B-preview')).toContainText(`${volume.name} goes offline: no controller of ${array.name} is online.`);
    await shoot(page, 'fail-last-controller', async (shown) => {
      await shown.getByRole('region', { name: 'Controller B' }).getByRole('button', { name: 'Fail…' }).click();
      await expect(shown.getByTestId('controller-B-preview')).toContainText('goes offline');
    });
    await page.keyboard.press('Escape');

    // Restore asks too, with the engine's words for what comes back.
    await page.getByRole('region', { name: 'Controller A' }).getByRole('button', { name: 'Restore…' }).click();
    const restore = page.getByRole('alertdialog', { name: `Restore controller A of ${array.name}?` });
    await expect(restore.getByTestId('controller-A-preview')).toContainText(
      `${volume.name} moves from controller B to A (fail back to its preferred controller).`,
    );
    await restore.getByRole('button', { name: 'Restore controller A' }).click();
    await expect(page.getByText(`Controller A of ${array.name} restored`)).toBeVisible();
    await expect(page.getByRole('region', { name: 'Controller A' }).getByText('A online')).toBeVisible();
  } finally {
    await request.post(`/api/arrays/${array.id}/controllers/A/restore`);
    await cleanUp(request, array.id, [volume.id], speed);
  }
});

test('the faults panel of a non-Storwize array offers no metadata loss, and shows what an I/O error would do before injecting it', async ({
  page,
  request,
}) => {
  const array = await arrayOf(request, 'santricity');
  const speed = await currentSpeed(request);
  const volumeIds: string[] = [];
  try {
    expect((await request.put('/api/simulation', { data: { speed: 0 } })).status()).toBe(200);
    const source = await createVolume(request, array.id, stamp('io_src'));
    const target = await createVolume(request, array.id, stamp('io_tgt'));
    volumeIds.push(source.id, target.id);
    const copy = await createCopy(request, { type: 'volume-copy', sourceVolumeId: source.id, targetVolumeId: target.id });

    await openArray(page, array.id);
    const panel = page.getByRole('region', { name: 'Faults' });
    await panel.locator('#fault-kind').click();
    await expect(page.getByRole('option')).toHaveText(['Volume I/O error']);
    await page.keyboard.press('Escape');

    await expect(panel.getByRole('button', { name: 'Inject fault…' })).toBeDisabled();
    await panel.locator('#fault-target').click();
    await page.getByRole('option', { name: new RegExp(`^${source.name}`) }).click();
    // Injecting asks first: what the engine says it does is in the confirmation, not yet done.
    await panel.getByRole('button', { name: 'Inject fault…' }).click();
    const dialog = page.getByRole('alertdialog', { name: `Inject Volume I/O error on ${source.name}?` });
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    const preview = dialog.getByTestId('fault-inject-preview');
    await expect(preview).toContainText(`Hosts cannot read or write ${source.name}.`);
    const copyName = ((await (await request.get(`/api/copies/${copy.id}`)).json()) as { name: string }).name;
    await expect(preview).toContainText(new RegExp(`Volume copy ${copyName}: \\S+ → failed\\.`));
    await expect(dialog.getByRole('button', { name: 'Inject fault', exact: true })).toBeEnabled();
    await shoot(page, 'faults-panel', async (shown) => {
      const faults = shown.getByRole('region', { name: 'Faults' });
      await faults.locator('#fault-target').click();
      await shown.getByRole('option', { name: new RegExp(`^${source.name}`) }).click();
      await faults.getByRole('button', { name: 'Inject fault…' }).click();
      await expect(shown.getByTestId('fault-inject-preview')).toContainText('Hosts cannot read or write');
    });

    // The same fault injected elsewhere meanwhile: the dialog says the engine would refuse, and Inject is off.
    expect((await request.post('/api/faults', { data: { kind: 'volume-io-error', volumeId: source.id } })).status()).toBe(201);
    await expect(preview).toContainText('The engine would refuse this:', { timeout: LIVE_TIMEOUT_MS });
    await expect(dialog.getByRole('button', { name: 'Inject fault', exact: true })).toBeDisabled();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  } finally {
    await cleanUp(request, array.id, volumeIds, speed);
  }
});
