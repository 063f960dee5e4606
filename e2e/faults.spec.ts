// Issue #7 from the array page: failing controller A while a volume copy runs moves its volumes
// to B live, and restoring brings them back; a fault injected and cleared from the Faults panel
// changes a copy's state, seen live on the copy's own page. Issue #18: injecting, clearing and
// restoring from the Faults panel ask first, saying what the engine says happens (axe checks each
// dialog; pictures of them go to the test's output folder).
import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { expect, test } from './support/test';

const GIB = 1024 * 1024 * 1024;
const LIVE_TIMEOUT_MS = 30_000;
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface ArrayBody {
  id: string;
  name: string;
  model: string;
  controllers: { slot: string; status: string }[];
}

async function arrayOf(request: APIRequestContext, model: string): Promise<ArrayBody> {
  const arrays = (await (await request.get('/api/arrays')).json()) as ArrayBody[];
  const found = arrays.find((candidate) => candidate.model === model);
  if (found === undefined) throw new Error(`the demo fleet has a ${model} array`);
  return found;
}

async function createVolume(request: APIRequestContext, arrayId: string, name: string, preferredOwner: 'A' | 'B'): Promise<string> {
  const response = await request.post('/api/volumes', { data: { arrayId, name, capacityBytes: GIB, preferredOwner } });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

async function copyState(request: APIRequestContext, id: string): Promise<string> {
  return ((await (await request.get(`/api/copies/${id}`)).json()) as { state: string }).state;
}

/** Leaves the fleet as it was: controllers online, no fault, no copy, no volumes, speed 1. */
async function cleanUp(request: APIRequestContext, arrayId: string, copyId: string | null, volumeIds: string[]): Promise<void> {
  for (const fault of (await (await request.get(`/api/faults?arrayId=${arrayId}`)).json()) as { id: string }[]) await request.delete(`/api/faults/${fault.id}`);
  if (copyId !== null) {
    const state = await copyState(request, copyId);
    if (state === 'copying' || state === 'suspended') await request.post(`/api/copies/${copyId}/actions/stop`, { data: {} });
    await request.post('/api/simulation/advance', { data: { seconds: 2 } });
    await request.delete(`/api/copies/${copyId}`);
  }
  for (const id of volumeIds) await request.delete(`/api/volumes/${id}`);
  await request.put('/api/simulation', { data: { speed: 1 } });
}

async function openArray(page: Page, arrayId: string): Promise<void> {
  await page.goto(`/arrays/${arrayId}`);
  await expect(page.getByTestId('connection-status')).toHaveText('Live', { timeout: LIVE_TIMEOUT_MS });
}

/** A confirmation as it opens: the safe choice has focus, axe finds nothing in it, and a picture of it is kept to look at. */
async function expectConfirmation(page: Page, dialog: Locator, picture: string): Promise<void> {
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  const axe = await new AxeBuilder({ page }).include('[role="alertdialog"]').withTags(WCAG_21_AA).analyze();
  expect(axe.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(' | ')}`)).toEqual([]);
  await page.screenshot({ path: test.info().outputPath(picture) });
}

/** The id of the focused element, polled: focus returns after a dialog's closing has run. */
async function expectFocusOn(page: Page, ids: RegExp): Promise<void> {
  await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? '')).toMatch(ids);
}

test('failing controller A during a volume copy moves its volumes to B live; restore brings them back', async ({ page, request }) => {
  test.setTimeout(120_000);
  const array = await arrayOf(request, 'santricity');
  const stamp = Date.now().toString(36);
  const sourceName = `e2e_fo_${stamp}_src`;
  const targetName = `e2e_fo_${stamp}_tgt`;
  const volumeIds: string[] = [];
  let copyId: string | null = null;
  try {
    expect((await request.put('/api/simulation', { data: { speed: 0 } })).status()).toBe(200);
    volumeIds.push(await createVolume(request, array.id, sourceName, 'A'), await createVolume(request, array.id, targetName, 'B'));
    const created = await request.post('/api/copies', {
      data: { type: 'volume-copy', sourceVolumeId: volumeIds[0], targetVolumeId: volumeIds[1], options: { priority: 'lowest' } },
    });
    expect(created.status()).toBe(201);
    copyId = ((await created.json()) as { id: string }).id;

    await openArray(page, array.id);
    const cardA = page.getByRole('region', { name: 'Controller A' });
    const cardB = page.getByRole('region', { name: 'Controller B' });
    // The copy moved its target to the source's controller.
    await expect(cardA.getByRole('link', { name: targetName })).toBeVisible();
    const ownedByA = Number(/owns ([\d,]+)/.exec((await cardA.getByTestId('controller-A-count').textContent()) ?? '')?.[1]?.replace(/,/g, ''));

    await cardA.getByRole('button', { name: 'Fail…' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Fail controller A of' });
    // The engine's preview names every volume that moves.
    const preview = dialog.getByTestId('controller-A-preview');
    await expect(preview).toContainText(`${sourceName} moves from controller A to B (controller B takes over).`);
    await expect(preview).toContainText(`${targetName} moves from controller A to B`);
    await expect(preview.getByRole('listitem')).toHaveCount(ownedByA);
    await dialog.getByRole('button', { name: 'Fail controller A' }).click();
    await expect(dialog).toBeHidden();

    await expect(cardA.getByText('A offline')).toBeVisible();
    await expect(cardA.getByTestId('controller-A-count')).toHaveText('owns 0 volumes');
    await expect(cardB.getByRole('link', { name: sourceName })).toBeVisible();
    await expect(cardB.getByRole('link', { name: targetName })).toBeVisible();
    expect(await copyState(request, copyId)).toBe('in-progress');
    await expect(page.getByRole('region', { name: 'Faults' }).getByRole('cell', { name: 'controller A', exact: true })).toBeVisible();

    await cardA.getByRole('button', { name: 'Restore…' }).click();
    const restore = page.getByRole('alertdialog', { name: 'Restore controller A of' });
    await expect(restore.getByTestId('controller-A-preview')).toContainText(
      `${sourceName} moves from controller B to A (fail back to its preferred controller).`,
    );
    await restore.getByRole('button', { name: 'Restore controller A' }).click();
    await expect(restore).toBeHidden();
    await expect(cardA.getByText('A online')).toBeVisible();
    await expect(cardA.getByRole('link', { name: sourceName })).toBeVisible({ timeout: LIVE_TIMEOUT_MS });
    // Still copying: the target stays with its source until the copy ends.
    await expect(cardA.getByRole('link', { name: targetName })).toBeVisible();
    await expect(cardA.getByTestId('controller-A-count')).toHaveText(`owns ${ownedByA.toLocaleString('en-US')} volumes`);
    await expect(page.getByRole('region', { name: 'Faults' })).toContainText('No faults in force');
  } finally {
    await cleanUp(request, array.id, copyId, volumeIds);
  }
});

test('a controller failed and restored from another console shows on an open array page live', async ({ page, request }) => {
  const array = await arrayOf(request, 'xp7');
  try {
    await openArray(page, array.id);
    const cardA = page.getByRole('region', { name: 'Controller A' });
    const cardB = page.getByRole('region', { name: 'Controller B' });
    await expect(cardA.getByTestId('controller-A-count')).toHaveText(/^owns [1-9]/);
    const ownedByA = await cardA.getByTestId('controller-A-count').textContent();
    expect((await request.post(`/api/arrays/${array.id}/controllers/A/fail`)).status()).toBe(200);
    // Only the socket can tell this page: nothing on it asked.
    await expect(cardA.getByText('A offline')).toBeVisible({ timeout: LIVE_TIMEOUT_MS });
    await expect(cardA.getByTestId('controller-A-count')).toHaveText('owns 0 volumes', { timeout: LIVE_TIMEOUT_MS });
    await expect(cardB.getByText('not on preferred').first()).toBeVisible();
    await expect(page.getByRole('region', { name: 'Faults' }).getByRole('cell', { name: 'controller A', exact: true })).toBeVisible({
      timeout: LIVE_TIMEOUT_MS,
    });
    expect((await request.post(`/api/arrays/${array.id}/controllers/A/restore`)).status()).toBe(200);
    await expect(cardA.getByText('A online')).toBeVisible({ timeout: LIVE_TIMEOUT_MS });
    await expect(cardA.getByTestId('controller-A-count')).toHaveText(ownedByA ?? '', { timeout: LIVE_TIMEOUT_MS });
    await expect(cardB.getByText('not on preferred')).toHaveCount(0);
  } finally {
    await cleanUp(request, array.id, null, []);
  }
});

test('a metadata-loss fault injected and cleared from the Faults panel suspends and resumes a mapping', async ({ page, request, context }) => {
  test.setTimeout(120_000);
  const array = await arrayOf(request, 'storwize');
  const stamp = Date.now().toString(36);
  const sourceName = `e2e_md_${stamp}_src`;
  const targetName = `e2e_md_${stamp}_tgt`;
  const volumeIds: string[] = [];
  let copyId: string | null = null;
  try {
    expect((await request.put('/api/simulation', { data: { speed: 0 } })).status()).toBe(200);
    volumeIds.push(await createVolume(request, array.id, sourceName, 'A'), await createVolume(request, array.id, targetName, 'B'));
    const created = await request.post('/api/copies', {
      data: { type: 'flashcopy', sourceVolumeId: volumeIds[0], targetVolumeId: volumeIds[1], options: { copyRate: 1 } },
    });
    copyId = ((await created.json()) as { id: string }).id;
    expect((await request.post('/api/simulation/advance', { data: { seconds: 3 } })).status()).toBe(200);
    expect(await copyState(request, copyId)).toBe('copying');

    // The copy's own page stays open beside the array page, following the state live.
    const copyPage = await context.newPage();
    await copyPage.goto(`/copies/${copyId}`);
    await expect(copyPage.getByTestId('state-meaning')).toContainText('presents the source as it was at the start');

    await openArray(page, array.id);
    const panel = page.getByRole('region', { name: 'Faults' });
    await panel.locator('#fault-kind').click();
    await page.getByRole('option', { name: 'FlashCopy metadata loss' }).click();
    await panel.locator('#fault-target').click();
    await page.getByRole('option', { name: new RegExp(`${sourceName} → .* \\(copying\\)`) }).click();
    // Injecting asks first, with the engine's words for what it does; Escape changes nothing.
    await panel.getByRole('button', { name: 'Inject fault…' }).click();
    const inject = page.getByRole('alertdialog', { name: `Inject FlashCopy metadata loss on mapping ${sourceName} → ${targetName}?` });
    const injectPreview = inject.getByTestId('fault-inject-preview');
    await expect(injectPreview).toContainText(/Mapping \S+: copying → suspended\./);
    await expect(injectPreview).toContainText(`${sourceName} is offline until metadata access returns.`);
    await expect(injectPreview).toContainText(`${targetName} is offline until metadata access returns.`);
    await expectConfirmation(page, inject, 'inject-confirm.png');
    await page.keyboard.press('Escape');
    await expect(inject).toBeHidden();
    await expect(panel.getByRole('button', { name: 'Inject fault…' })).toBeFocused();
    await expect(panel).toContainText('No faults in force');
    expect(await copyState(request, copyId)).toBe('copying');

    await panel.getByRole('button', { name: 'Inject fault…' }).click();
    await inject.getByRole('button', { name: 'Inject fault', exact: true }).click();
    await expect(inject).toBeHidden();
    await expect(page.getByText(`FlashCopy metadata loss injected on mapping ${sourceName} →`)).toBeVisible();
    // The mapping left the choices, so focus goes to the next choice to make.
    await expectFocusOn(page, /^fault-(target|kind)$/);
    const row = panel.getByRole('row', { name: new RegExp(`mapping ${sourceName} →`) });
    await expect(row).toContainText('copying → suspended');
    await expect(copyPage.getByTestId('state-meaning')).toContainText('Access to the FlashCopy metadata is lost', { timeout: LIVE_TIMEOUT_MS });

    // By keyboard: the outcome toast sits over the row's button, and a hovering pointer keeps it open.
    // Clearing asks first too; Escape returns to the row's button.
    const clearButton = row.getByRole('button', { name: /^Clear FlashCopy metadata loss/ });
    await clearButton.focus();
    await page.keyboard.press('Enter');
    const clear = page.getByRole('alertdialog', { name: `Clear FlashCopy metadata loss on mapping ${sourceName} → ${targetName}?` });
    await expect(clear.getByTestId('fault-clear-preview')).toContainText(/Mapping \S+: suspended → copying; its volumes come back online\./);
    await expectConfirmation(page, clear, 'clear-confirm.png');
    await page.keyboard.press('Escape');
    await expect(clear).toBeHidden();
    await expect(clearButton).toBeFocused();
    await expect(row).toBeVisible();

    await page.keyboard.press('Enter');
    await expect(clear.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(clear.getByRole('button', { name: 'Clear fault' })).toBeFocused();
    await expect(clear.getByRole('button', { name: 'Clear fault' })).toBeEnabled();
    await page.keyboard.press('Enter');
    await expect(clear).toBeHidden();
    await expect(page.getByText(`FlashCopy metadata loss on mapping ${sourceName} → ${targetName} cleared`)).toBeVisible();
    await expect(panel).toContainText('No faults in force');
    // Its row is gone: focus goes to the panel's first field rather than falling to the page.
    await expectFocusOn(page, /^fault-kind$/);
    await expect(copyPage.getByTestId('state-meaning')).toContainText('presents the source as it was at the start', { timeout: LIVE_TIMEOUT_MS });
    expect(await copyState(request, copyId)).toBe('copying');
    await copyPage.close();
  } finally {
    await cleanUp(request, array.id, copyId, volumeIds);
  }
});

test('restoring a failed controller from the Faults panel asks first, with the volumes that come back', async ({ page, request }) => {
  const array = await arrayOf(request, 'xp7');
  try {
    expect((await request.post(`/api/arrays/${array.id}/controllers/A/fail`)).status()).toBe(200);
    await openArray(page, array.id);
    const cardA = page.getByRole('region', { name: 'Controller A' });
    await expect(cardA.getByText('A offline')).toBeVisible();
    const panel = page.getByRole('region', { name: 'Faults' });
    const restoreButton = panel.getByRole('button', { name: 'Restore controller A…' });
    await restoreButton.click();
    const restore = page.getByRole('alertdialog', { name: `Restore controller A of ${array.name}?` });
    // The engine's words: each volume that prefers A fails back to it.
    const preview = restore.getByTestId('fault-clear-preview');
    await expect(preview).toContainText('moves from controller B to A (fail back to its preferred controller).');
    await expect(preview.getByRole('listitem').first()).toBeVisible();
    await expectConfirmation(page, restore, 'restore-confirm.png');
    // Cancel changes nothing and returns to the row's button.
    await restore.getByRole('button', { name: 'Cancel' }).click();
    await expect(restore).toBeHidden();
    await expect(restoreButton).toBeFocused();
    await expect(cardA.getByText('A offline')).toBeVisible();

    await restoreButton.click();
    await restore.getByRole('button', { name: 'Restore controller A', exact: true }).click();
    await expect(restore).toBeHidden();
    await expect(page.getByText(`Controller A of ${array.name} restored`)).toBeVisible();
    await expect(cardA.getByText('A online')).toBeVisible();
    await expect(panel).toContainText('No faults in force');
  } finally {
    await cleanUp(request, array.id, null, []);
  }
});
