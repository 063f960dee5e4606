// The array page for a storage administrator: the SANtricity array's Copies panel lists a volume
// copy made through the API by name, with its source and target volumes by name and its state, and
// follows it live as it runs; the controller cards show each volume's roles; a volume is given to
// the other controller from its row (confirmed in the dialog, toast, row in the other card, focus
// with it); a monitor sees the same page without an owner button, and other models offer none;
// axe finds no WCAG 2.1 AA violation in light or dark at 1440×900; on a phone the cards fold the
// roles under each name and nothing scrolls sideways. Screenshots go to /tmp/array-*.png, to look at.
import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, type Page } from '@playwright/test';
import { arrayOf, uniqueName, type ArrayBody } from './support/fleet';
import { expect, test } from './support/test';
import { anonymousContext, createUser, removeUser, signInThroughForm, type TestUser } from './support/users';

const MiB = 1024 * 1024;
const LIVE_TIMEOUT_MS = 30_000;
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface VolumeBody {
  id: string;
  name: string;
  currentOwner: 'A' | 'B';
  preferredOwner: 'A' | 'B';
}

interface CopyBody {
  id: string;
  name: string;
  state: string;
}

interface Fixture {
  array: ArrayBody;
  source: VolumeBody;
  target: VolumeBody;
  copy: CopyBody;
}

async function createVolume(request: APIRequestContext, arrayId: string, label: string, preferredOwner: 'A' | 'B'): Promise<VolumeBody> {
  // "ap_…" sorts before the demo volumes' names: the card lists 50 volumes, and these are among them.
  const response = await request.post('/api/volumes', { data: { arrayId, name: uniqueName('ap', label), capacityBytes: 16 * MiB, preferredOwner } });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as VolumeBody;
}

/** Two volumes of the SANtricity array, one per controller, and an unstarted volume copy between them. */
async function createFixture(request: APIRequestContext): Promise<Fixture> {
  const array = await arrayOf(request, 'santricity');
  const source = await createVolume(request, array.id, 'src', 'A');
  const target = await createVolume(request, array.id, 'tgt', 'B');
  const created = await request.post('/api/copies', { data: { type: 'volume-copy', sourceVolumeId: source.id, targetVolumeId: target.id, start: false } });
  expect(created.status(), await created.text()).toBe(201);
  return { array, source, target, copy: (await created.json()) as CopyBody };
}

async function cleanUp(request: APIRequestContext, fixture: Fixture): Promise<void> {
  await request.put('/api/simulation', { data: { speed: 1 } });
  const copy = await request.get(`/api/copies/${fixture.copy.id}`);
  if (copy.status() === 200) {
    if (/^(in-progress|pending)$/.test(((await copy.json()) as CopyBody).state))
      await request.post(`/api/copies/${fixture.copy.id}/actions/stop`, { data: {} });
    expect([204, 404]).toContain((await request.delete(`/api/copies/${fixture.copy.id}`)).status());
  }
  for (const volume of [fixture.source, fixture.target])
    await expect.poll(async () => [204, 404].includes((await request.delete(`/api/volumes/${volume.id}`)).status()), { timeout: LIVE_TIMEOUT_MS }).toBe(true);
}

async function openArray(page: Page, arrayId: string): Promise<void> {
  await page.goto(`/arrays/${arrayId}`);
  await expect(page.getByTestId('connection-status')).toHaveText('Live', { timeout: LIVE_TIMEOUT_MS });
}

/** A volume's row in a controller card (found by its name's link). */
function volumeRow(page: Page, slot: 'A' | 'B', name: string) {
  return page
    .getByRole('region', { name: `Controller ${slot}` })
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name, exact: true }) });
}

/** The copy's row in the Copies panel. */
function copyRow(page: Page, copyName: string) {
  return page
    .getByRole('region', { name: 'Copy relationships' })
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: copyName, exact: true }) });
}

let fixture: Fixture;

test.beforeAll(async ({ request }) => {
  fixture = await createFixture(request);
});

test.afterAll(async ({ request }) => {
  if (fixture !== undefined) await cleanUp(request, fixture);
});

test('the Copies panel and volume roles, an owner change from a row, and the copy running live', async ({ page, request }) => {
  test.setTimeout(120_000);
  const { array, source, target, copy } = fixture;
  // Wide enough for the cards' Roles and Preferred owner columns beside the owner buttons.
  await page.setViewportSize({ width: 1440, height: 900 });
  expect((await request.put('/api/simulation', { data: { speed: 1 } })).status()).toBe(200);
  await openArray(page, array.id);

  // The panel: the copy by name, the service in SANtricity's words, both volumes by name, the state.
  const panel = page.getByRole('region', { name: 'Copy relationships' });
  const row = copyRow(page, copy.name);
  await expect(row).toHaveCount(1);
  await expect(row.getByRole('link', { name: copy.name, exact: true })).toHaveAttribute('href', `/copies/${copy.id}`);
  await expect(row).toContainText('Volume Copy');
  await expect(row.getByTestId('array-copy-source')).toHaveText(source.name);
  await expect(row.getByTestId('array-copy-target')).toHaveText(target.name);
  await expect(row.getByTestId('array-copy-state')).toHaveText('stopped');
  await expect(panel.getByRole('link', { name: 'Show all in Copies' })).toHaveAttribute('href', `/copies?array=${array.id}`);
  // Names, never ids.
  await expect(panel).not.toContainText(source.id);
  await expect(panel).not.toContainText(target.id);

  // Each volume's role in its controller's card.
  await expect(volumeRow(page, 'A', source.name).getByTestId('volume-roles')).toHaveText('source');
  await expect(volumeRow(page, 'B', target.name).getByTestId('volume-roles')).toHaveText('target');

  // Give the source to controller B from its row: the dialog asks, the row moves, a toast says so.
  await volumeRow(page, 'A', source.name)
    .getByRole('button', { name: `Give ${source.name} to controller B…` })
    .click();
  const dialog = page.getByRole('alertdialog', { name: `Give ${source.name} to controller B?` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.screenshot({ path: '/tmp/array-owner-dialog.png' });
  await dialog.getByRole('button', { name: 'Give to controller B' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`${source.name} is owned by controller B`)).toBeVisible();
  await expect(volumeRow(page, 'A', source.name)).toHaveCount(0);
  const moved = volumeRow(page, 'B', source.name);
  await expect(moved).toHaveCount(1);
  await expect(moved.getByTestId('volume-roles')).toHaveText('source');
  // The keyboard focus follows the volume to its new row, whose button now offers the way back.
  await expect(moved.getByRole('button', { name: `Give ${source.name} to controller A…` })).toBeFocused();
  const after = (await (await request.get(`/api/volumes/${source.id}`)).json()) as VolumeBody;
  expect([after.currentOwner, after.preferredOwner]).toEqual(['B', 'B']);

  // Started through the API, the copy runs to completed on the open page by push alone.
  const started = await request.post(`/api/copies/${copy.id}/actions/start`, { data: {} });
  expect(started.status(), await started.text()).toBe(200);
  await expect(row.getByTestId('array-copy-state')).toHaveText('completed', { timeout: LIVE_TIMEOUT_MS });
  await expect(row.getByTestId('copy-percent')).toHaveText('100.0%');
});

test('a monitor sees the copies and the roles but no owner button; other models offer none either', async ({ browser, baseURL, page, request }) => {
  const { array, source, copy } = fixture;
  let monitor: TestUser | undefined;
  const context = await anonymousContext(browser, baseURL);
  try {
    monitor = await createUser(request, 'monitor');
    const monitorPage = await context.newPage();
    await signInThroughForm(monitorPage, monitor.username, monitor.password, `/arrays/${array.id}`);
    await expect(monitorPage.getByTestId('session-role')).toHaveText('monitor');
    await expect(copyRow(monitorPage, copy.name)).toHaveCount(1);
    await expect(
      monitorPage
        .getByRole('row')
        .filter({ has: monitorPage.getByRole('link', { name: source.name, exact: true }) })
        .first(),
    ).toBeVisible();
    await expect(monitorPage.getByTestId('volume-roles').filter({ hasText: 'source' }).first()).toBeVisible();
    await expect(monitorPage.getByRole('button', { name: /^Give .* to controller [AB]…$/ })).toHaveCount(0);
    await expect(monitorPage.getByRole('columnheader', { name: 'Change owner' })).toHaveCount(0);
  } finally {
    await context.close();
    if (monitor !== undefined) await removeUser(request, monitor);
  }

  // An admin on another model's array: roles, but the owner move is SANtricity's alone.
  const storwize = await arrayOf(request, 'storwize');
  await openArray(page, storwize.id);
  await expect(page.getByRole('region', { name: 'Controller A' }).getByRole('row').nth(1)).toBeVisible();
  await expect(page.getByRole('button', { name: /^Give .* to controller [AB]…$/ })).toHaveCount(0);
});

for (const theme of ['light', 'dark'] as const) {
  test(`the array page at 1440×900 in ${theme}: no axe violation`, async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.addInitScript((value) => window.localStorage.setItem('grainline-theme', value), theme);
    await openArray(page, fixture.array.id);
    await expect(page.locator('html')).toHaveClass(new RegExp(`\\b${theme}\\b`));
    // The page with its data: the cards' volumes and the panel's volume names, no skeleton left.
    await expect(copyRow(page, fixture.copy.name).getByRole('link', { name: fixture.target.name, exact: true })).toBeVisible();
    for (const slot of ['A', 'B']) await expect(page.getByTestId(`controller-${slot}-count`)).toHaveText(/^owns \d+ volumes?$/);
    await expect(page.locator('[role="status"][aria-label^="Loading"]')).toHaveCount(0);
    await page.screenshot({ path: `/tmp/array-${theme}.png`, fullPage: true });
    const axe = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
    expect(axe.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(' | ')}`)).toEqual([]);
  });
}

test('on a phone the array page does not scroll sideways', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openArray(page, fixture.array.id);
  await expect(copyRow(page, fixture.copy.name).getByRole('link', { name: fixture.target.name, exact: true })).toBeVisible();
  await expect(page.locator('[role="status"][aria-label^="Loading"]')).toHaveCount(0);
  // The Roles column folds into the Volume cell of a narrow card.
  const sourceRow = page.getByTestId('owned-volume').filter({ has: page.getByRole('link', { name: fixture.source.name, exact: true }) });
  await expect(sourceRow.getByRole('cell').first().getByTestId('volume-roles')).toHaveText('source');
  await expect(page.getByRole('columnheader', { name: 'Roles' })).toHaveCount(0);
  await page.screenshot({ path: '/tmp/array-phone.png' });
  await page.getByRole('region', { name: 'Copy relationships' }).screenshot({ path: '/tmp/array-phone-copies.png' });
  const scrollers = await page.evaluate(() =>
    [document.documentElement, ...Array.from(document.querySelectorAll<HTMLElement>('body *'))]
      .filter((element) => element.scrollWidth > element.clientWidth + 1 && element.clientWidth > 0)
      .filter((element) => element === document.documentElement || ['auto', 'scroll'].includes(getComputedStyle(element).overflowX))
      .map((element) => `<${element.tagName.toLowerCase()} ${element.className.toString().slice(0, 60)}>`),
  );
  expect(scrollers).toEqual([]);
});
