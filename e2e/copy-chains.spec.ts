// Storwize FlashCopy chains on the copy page: a mapping A→B, a cascade B→C made in the wizard
// (B offered as a source, C as a target), the chain panel drawing A → B → C; stopping A→B with a
// low clean rate first copies to B→C what it still reads through A→B ("Cleaning", a moving
// percentage), then the mapping stops, all live. A restore hangs on the mapping it reverses.
import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { expect, test } from './support/test';
import { arrayOf, createVolume, restoreSpeedAfterAll, setSpeed, uniqueName, writeBytes, type ArrayBody, type VolumeBody } from './support/fleet';

const MiB = 1024 * 1024;
const LIVE_TIMEOUT_MS = 30_000;

interface CopyBody {
  id: string;
  name: string;
  state: string;
  consistencyGroupId: string | null;
  chain?: { cleanGrains: number; cleanProgress: number; dependentMappingIds: string[]; restoring: boolean; restoredById: string | null };
}

async function chainVolume(request: APIRequestContext, arrayId: string, label: string, capacityBytes: number): Promise<VolumeBody> {
  return createVolume(request, arrayId, uniqueName('ch', label), capacityBytes);
}

async function createMapping(request: APIRequestContext, sourceVolumeId: string, targetVolumeId: string, options: Record<string, unknown>): Promise<CopyBody> {
  const response = await request.post('/api/copies', { data: { type: 'flashcopy', sourceVolumeId, targetVolumeId, options } });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as CopyBody;
}

async function copyOf(request: APIRequestContext, id: string): Promise<CopyBody> {
  return (await (await request.get(`/api/copies/${id}`)).json()) as CopyBody;
}

async function copiesOf(request: APIRequestContext, volumeId: string): Promise<CopyBody[]> {
  return (await (await request.get(`/api/copies?volumeId=${volumeId}`)).json()) as CopyBody[];
}

async function untilCopying(request: APIRequestContext, id: string): Promise<void> {
  await expect.poll(async () => (await copyOf(request, id)).state, { timeout: LIVE_TIMEOUT_MS }).toBe('copying');
}

/**
 * Every mapping of these volumes stopped and removed, then the volumes. A stopping mapping may be
 * cleaning for a while, so each removal is retried until it goes.
 */
async function cleanUp(request: APIRequestContext, volumeIds: string[]): Promise<void> {
  await setSpeed(request, 100);
  for (const volumeId of volumeIds) {
    for (const copy of await copiesOf(request, volumeId)) {
      if (/^(copying|preparing|prepared)$/.test(copy.state)) await request.post(`/api/copies/${copy.id}/actions/stop`, { data: {} });
    }
  }
  for (const volumeId of volumeIds) {
    for (const copy of await copiesOf(request, volumeId)) {
      await expect.poll(async () => [204, 404].includes((await request.delete(`/api/copies/${copy.id}`)).status()), { timeout: LIVE_TIMEOUT_MS }).toBe(true);
    }
  }
  for (const volumeId of volumeIds)
    await expect.poll(async () => [204, 404].includes((await request.delete(`/api/volumes/${volumeId}`)).status()), { timeout: LIVE_TIMEOUT_MS }).toBe(true);
}

async function next(page: Page): Promise<void> {
  const before = (await page.getByTestId('wizard-step-title').textContent()) ?? '';
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByTestId('wizard-step-title')).not.toHaveText(before);
}

/** Clicks a radio and waits for it to show checked (the wizard applies choices through the URL). */
async function choose(radio: Locator): Promise<void> {
  await radio.click();
  await expect(radio).toBeChecked();
}

/** The cascade B→C through the wizard, copy rate 0, started; returns the new mapping's id. */
async function cascadeInWizard(page: Page, array: ArrayBody, source: VolumeBody, target: VolumeBody): Promise<string> {
  await page.goto('/copies/new');
  await choose(page.getByRole('radio', { name: new RegExp(array.name) }));
  await next(page);
  // B is the target of a running mapping, and still offered as a source: Storwize cascades.
  await page.getByLabel('Search volumes').fill(source.name);
  const sourceRadio = page.getByRole('radio', { name: source.name, exact: true });
  await expect(sourceRadio).toBeEnabled();
  await choose(sourceRadio);
  await next(page);
  const targets = page.getByRole('table', { name: 'Target volumes' });
  const targetRow = targets.getByRole('row').filter({ has: page.getByText(target.name, { exact: true }) });
  await expect(targetRow).toContainText('eligible');
  await choose(targetRow.getByRole('radio'));
  await next(page);
  await page.getByLabel('Copy rate').fill('0');
  await expect(page.getByLabel('Start now')).toBeChecked();
  await next(page);
  // C exists, so the review asks for its name before its contents are overwritten.
  await expect(page.getByTestId('review-lines')).toContainText(`The current contents of the target ${target.name}`);
  await page.getByLabel(/^Type .* to confirm/).fill(target.name);
  await page.getByRole('button', { name: 'Create and start' }).click();
  // The new mapping's own page (the wizard's own path is /copies/new).
  await expect(page).toHaveURL(/\/copies\/(?!new\b)[^/?]+$/);
  const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
  expect(id).not.toBe('new');
  return id;
}

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** axe-core's WCAG 2.1 AA findings inside the chain panel (contrast in the current theme included). */
async function chainPanelViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).include('section[aria-labelledby="chain-title"]').withTags(WCAG_21_AA).analyze();
  return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(' | ')}`);
}

restoreSpeedAfterAll();

test('a cascade made in the wizard shows as A → B → C; stopping A→B cleans for B→C, then stops, live', async ({ page, request }) => {
  test.setTimeout(240_000);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1440, height: 1100 });
  const array = await arrayOf(request, 'storwize');
  // 4 MiB in 256 KiB grains: 16 grains, cleaned at clean rate 1 (128 KiB/s) in 32 simulated seconds.
  const a = await chainVolume(request, array.id, 'a', 4 * MiB);
  const b = await chainVolume(request, array.id, 'b', 4 * MiB);
  const c = await chainVolume(request, array.id, 'c', 4 * MiB);
  const volumeIds = [a.id, b.id, c.id];
  try {
    await setSpeed(request, 1);
    await writeBytes(request, a.id, 0, 4 * MiB, 0x5a);
    const first = await createMapping(request, a.id, b.id, { copyRate: 0 });
    await untilCopying(request, first.id);

    const cascadeId = await cascadeInWizard(page, array, b, c);
    await untilCopying(request, cascadeId);
    const cascade = await copyOf(request, cascadeId);

    await page.goto(`/copies/${first.id}`);
    await expect(page.getByTestId('connection-status')).toHaveText('Live', { timeout: LIVE_TIMEOUT_MS });
    const panel = page.getByRole('region', { name: 'FlashCopy chain' });
    // A is the root; B hangs under it by the first mapping, C under B by the cascade.
    const tree = panel.getByTestId('chain-tree');
    await expect(tree.getByTestId('chain-volume')).toHaveText([a.name, b.name, c.name]);
    const firstBranch = tree.locator(`[data-testid="chain-branch"][data-copy-id="${first.id}"]`);
    await expect(firstBranch.locator(`[data-testid="chain-branch"][data-copy-id="${cascadeId}"]`)).toContainText(c.name);
    await expect(tree.getByRole('link', { name: first.name, exact: true })).toHaveAttribute('aria-current', 'page');
    await expect(tree.getByRole('link', { name: cascade.name, exact: true })).not.toHaveAttribute('aria-current');
    await expect(firstBranch.getByTestId('chain-mapping-state').first()).toHaveText('copying');

    // The cascade reads through the first mapping wherever that one has not copied (all of it at rate 0).
    const patched = await request.patch(`/api/copies/${first.id}`, { data: { options: { cleanRate: 1 } } });
    expect(patched.status(), await patched.text()).toBe(200);
    await expect(panel.getByTestId('chain-dependents')).toHaveText(`Dependent mappings: ${cascade.name}`);

    await page.getByRole('button', { name: 'Stop…' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByRole('button', { name: 'Stop', exact: true }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId('copy-state')).toHaveText('stopping', { timeout: LIVE_TIMEOUT_MS });
    const cleaning = panel.getByTestId('chain-cleaning');
    await expect(cleaning).toContainText(/Cleaning: \d+%/);
    await expect(cleaning.getByRole('progressbar')).toBeVisible();
    const percent = async () => Number(((await panel.getByTestId('chain-clean-percent').textContent()) ?? '').replace('%', ''));
    const seen = await percent();
    expect(seen).toBeLessThan(100);
    await expect.poll(percent, { timeout: LIVE_TIMEOUT_MS }).toBeGreaterThan(seen);

    // Held still for the pictures: the panel mid-clean in both themes.
    await setSpeed(request, 0);
    await panel.screenshot({ path: '/tmp/chain-light.png' });
    expect(await chainPanelViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await expect(page.locator('html')).toHaveClass(/\bdark\b/);
    await panel.screenshot({ path: '/tmp/chain-dark.png' });
    expect(await chainPanelViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Switch to light theme' }).click();

    // Faster, the rest is cleaned and the mapping stops, with no reload.
    await setSpeed(request, 10);
    await expect(page.getByTestId('copy-state')).toHaveText('stopped', { timeout: 60_000 });
    await expect(cleaning).toHaveCount(0);
    await expect(firstBranch.getByTestId('chain-mapping-state').first()).toHaveText('stopped');
    expect((await copyOf(request, first.id)).chain?.cleanGrains).toBe(0);
    // Cleaning gave C every grain it still read through A→B (all of them at copy rate 0): the cascade has nothing left to copy.
    await expect.poll(async () => (await copyOf(request, cascadeId)).state, { timeout: LIVE_TIMEOUT_MS }).toBe('idle_or_copied');

    // By keyboard: the cascade's link leads to its page, where it is the current mapping.
    await tree.getByRole('link', { name: cascade.name, exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/copies/${cascadeId}$`));
    await expect(page.getByRole('region', { name: 'FlashCopy chain' }).getByRole('link', { name: cascade.name, exact: true })).toHaveAttribute(
      'aria-current',
      'page',
    );
  } finally {
    await cleanUp(request, volumeIds);
  }
});

test('a restore hangs on the mapping it reverses, which says it is being restored', async ({ page, request }) => {
  test.setTimeout(120_000);
  const array = await arrayOf(request, 'storwize');
  const source = await chainVolume(request, array.id, 'rs', 4 * MiB);
  const backup = await chainVolume(request, array.id, 'rb', 4 * MiB);
  const volumeIds = [source.id, backup.id];
  try {
    await setSpeed(request, 1);
    const forward = await createMapping(request, source.id, backup.id, { copyRate: 0 });
    await untilCopying(request, forward.id);
    // Written after T0, every grain of the source is saved on the backup first: all of it to restore.
    await writeBytes(request, source.id, 0, 4 * MiB, 0x5a);
    // Copy rate 1 (128 KiB/s): the restore is still running while the page is checked.
    const restore = await createMapping(request, backup.id, source.id, { copyRate: 1 });
    await untilCopying(request, restore.id);
    await expect.poll(async () => (await copyOf(request, forward.id)).chain?.restoredById, { timeout: LIVE_TIMEOUT_MS }).toBe(restore.id);

    await page.goto(`/copies/${restore.id}`);
    const panel = page.getByRole('region', { name: 'FlashCopy chain' });
    const row = panel.getByTestId('chain-restore');
    await expect(row).toContainText(`${restore.name} restores ${source.name}`);
    await expect(row.getByRole('link', { name: restore.name, exact: true })).toHaveAttribute('aria-current', 'page');
    await expect(panel.getByTestId('chain-restored-by')).toHaveText(new RegExp(`^being restored by ${restore.name} · \\d+\\.\\d%$`));
    await expect(panel.getByTestId('chain-volume').first()).toHaveText(source.name);
    // Live: the forward mapping's "being restored" follows the restore's own progress as it is pushed.
    const restoredBy = async () => ((await panel.getByTestId('chain-restored-by').textContent()) ?? '').split('· ')[1];
    const restorePercent = () => row.getByTestId('chain-mapping-percent').textContent();
    const first = await restorePercent();
    await expect.poll(restorePercent, { timeout: LIVE_TIMEOUT_MS }).not.toBe(first);
    await expect.poll(async () => (await restoredBy()) === (await restorePercent()), { timeout: LIVE_TIMEOUT_MS }).toBe(true);
  } finally {
    await cleanUp(request, volumeIds);
  }
});
