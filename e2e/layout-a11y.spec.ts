// Every page at a desktop window (1440×900) and a phone (390×844), in light and dark: nothing
// scrolls sideways, the navigation is reachable, the heatmap's readout does not overlap its
// summary, and axe-core finds no WCAG 2.1 AA violation. Pages hold copies whose volumes have the
// longest names the API allows, so a table that cuts or pushes them shows up here.
// GRAINLINE_LAYOUT_SHOTS=<dir> also saves a PNG of each page there, to look at.
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, type Page } from '@playwright/test';
import { MAX_VOLUME_NAME_LENGTH } from '../lib/api/fleet-schemas';
import { expect, test } from './support/test';

const VIEWPORTS = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;
const THEMES = ['light', 'dark'] as const;
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const SHOTS_DIR = process.env.GRAINLINE_LAYOUT_SHOTS;
const MIB = 1024 * 1024;

interface Fixture {
  arrayId: string;
  volumeId: string;
  copyId: string;
  copyName: string;
}

interface PageCase {
  name: string;
  path: (fixture: Fixture) => string;
  /** What shows once the page has its data. */
  ready: (page: Page) => ReturnType<Page['getByRole']>;
}

const PAGES: PageCase[] = [
  { name: 'dashboard', path: () => '/', ready: (page) => page.getByRole('heading', { name: 'Latest events' }) },
  { name: 'arrays', path: () => '/arrays', ready: (page) => page.getByRole('link', { name: 'DS6800-NYC-01' }).first() },
  { name: 'array', path: (fixture) => `/arrays/${fixture.arrayId}`, ready: (page) => page.getByRole('heading', { name: 'Controller A' }) },
  { name: 'volumes', path: () => '/volumes', ready: (page) => page.getByTestId('volume-count') },
  { name: 'volume', path: (fixture) => `/volumes/${fixture.volumeId}`, ready: (page) => page.getByRole('heading', { level: 1 }) },
  {
    name: 'copies',
    // Filtered to the fixture's copy (by id): on a phone only a couple of cards fit the list, and
    // copies other specs left behind must not push it out of view.
    path: (fixture) => `/copies?q=${encodeURIComponent(fixture.copyId)}`,
    ready: (page) => page.getByRole('table', { name: 'Copy relationships' }).or(page.getByRole('list', { name: 'Copy relationships' })),
  },
  { name: 'copy', path: (fixture) => `/copies/${fixture.copyId}`, ready: (page) => page.getByRole('img', { name: /^Bitmap heatmap/ }) },
  { name: 'wizard', path: (fixture) => `/copies/new?array=${fixture.arrayId}`, ready: (page) => page.getByRole('radio').first() },
  { name: 'events', path: () => '/events', ready: (page) => page.getByRole('table', { name: 'Events' }).or(page.getByRole('list', { name: 'Events' })) },
  { name: 'servers', path: () => '/servers', ready: (page) => page.getByTestId('servers-summary').filter({ hasNotText: 'Loading' }) },
  { name: 'users', path: () => '/users', ready: (page) => page.getByRole('heading', { level: 1, name: 'Users' }) },
  { name: 'account', path: () => '/account', ready: (page) => page.getByRole('heading', { level: 1, name: 'Account' }) },
];

/** A name of the longest length the API allows, unique to this run. */
function longName(stamp: string, role: string): string {
  const head = `finance_ledger_archive_${role}_${stamp}_`;
  return (head + 'x'.repeat(MAX_VOLUME_NAME_LENGTH)).slice(0, MAX_VOLUME_NAME_LENGTH);
}

async function createFixture(request: APIRequestContext): Promise<Fixture> {
  const arrays = (await (await request.get('/api/arrays')).json()) as { id: string; model: string }[];
  const xp7 = arrays.find((candidate) => candidate.model === 'xp7');
  if (xp7 === undefined) throw new Error('the demo fleet has an xp7 array');
  const stamp = Date.now().toString(36);
  const ids: string[] = [];
  for (const role of ['pvol', 'svol']) {
    const created = await request.post('/api/volumes', { data: { arrayId: xp7.id, name: longName(stamp, role), capacityBytes: 64 * MIB } });
    expect(created.status(), await created.text()).toBe(201);
    ids.push(((await created.json()) as { id: string }).id);
  }
  const copy = await request.post('/api/copies', { data: { type: 'shadowimage', sourceVolumeId: ids[0], targetVolumeId: ids[1] } });
  expect(copy.status(), await copy.text()).toBe(201);
  const created = (await copy.json()) as { id: string; name: string };
  return { arrayId: xp7.id, volumeId: ids[0]!, copyId: created.id, copyName: created.name };
}

/** Elements that scroll sideways (the document, <main>, or any overflow container), described for the failure message. */
async function sidewaysScrollers(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) found.push(`document (${root.scrollWidth} > ${root.clientWidth})`);
    for (const element of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
      const overflowX = getComputedStyle(element).overflowX;
      if (overflowX !== 'auto' && overflowX !== 'scroll') continue;
      if (element.scrollWidth <= element.clientWidth + 1 || element.clientWidth === 0) continue;
      const label = element.getAttribute('aria-label') ?? element.getAttribute('data-testid') ?? element.className.toString().slice(0, 60);
      found.push(`<${element.tagName.toLowerCase()} ${label}> (${element.scrollWidth} > ${element.clientWidth})`);
    }
    return found;
  });
}

/** Every link of the main navigation can be reached: visible, or one click on the menu button away. */
async function expectNavigationReachable(page: Page): Promise<void> {
  const expected = ['Dashboard', 'Arrays', 'Volumes', 'Copies', 'Events', 'Servers', 'Users', 'Account'];
  const menuButton = page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /^Menu/ });
  if (await menuButton.isVisible()) {
    await menuButton.click();
    const menu = page.getByRole('menu');
    for (const label of expected) await expect(menu.getByRole('menuitem', { name: label })).toBeInViewport({ ratio: 1 });
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
    return;
  }
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const label of expected) await expect(nav.getByRole('link', { name: label })).toBeInViewport({ ratio: 1 });
}

/** The heatmap's readout line and its summary are apart (at 390 px the readout wrapped over the summary). */
async function expectHeatmapTextApart(page: Page): Promise<void> {
  const summary = await page.getByTestId('heatmap-summary').boundingBox();
  const readout = await page.locator('[data-testid="bitmap-heatmap"] + p').boundingBox();
  if (summary === null || readout === null) throw new Error('the heatmap shows a readout and a summary');
  expect(readout.y + readout.height, 'the readout ends before the summary begins').toBeLessThanOrEqual(summary.y + 0.5);
}

/** Each row has a cell under every header (columns hidden for the width are hidden in rows too); at 1440 names and Actions show. */
async function expectCopyRowsComplete(page: Page, desktop: boolean): Promise<void> {
  const table = page.getByRole('table', { name: 'Copy relationships' });
  const headers = await table.getByRole('columnheader').count();
  const row = table.getByRole('row').filter({ has: page.getByRole('link', { name: fixture.copyName, exact: true }) });
  await expect(row.getByRole('cell')).toHaveCount(headers);
  await expect(row.getByRole('button', { name: /^Actions for/ })).toBeInViewport({ ratio: 1 });
  if (!desktop) return;
  for (const name of ['Source', 'Target']) await expect(table.getByRole('columnheader', { name })).toBeVisible();
  const source = row.getByRole('link', { name: /^finance_ledger_archive_pvol/ });
  // Truncated with the full name on hover.
  await expect(source).toHaveAttribute('title', /^finance_ledger_archive_pvol/);
  expect((await source.boundingBox())?.width ?? 0, 'the source name has room to be read').toBeGreaterThan(120);
}

let fixture: Fixture;

test.beforeAll(async ({ request }) => {
  fixture = await createFixture(request);
});

for (const viewport of VIEWPORTS) {
  for (const theme of THEMES) {
    test(`every page at ${viewport.width}×${viewport.height} in ${theme}: no sideways scroll, no overlap, no axe violation`, async ({ page }) => {
      test.setTimeout(240_000);
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      await page.addInitScript((value) => window.localStorage.setItem('grainline-theme', value), theme);
      const problems: string[] = [];
      for (const pageCase of PAGES) {
        await page.goto(pageCase.path(fixture));
        await expect(pageCase.ready(page)).toBeVisible();
        await expect(page.locator('html')).toHaveClass(new RegExp(`\\b${theme}\\b`));
        // Skeletons and loading states gone: what is measured is the page with its data.
        await expect(page.locator('[role="status"][aria-label^="Loading"]')).toHaveCount(0);
        if (SHOTS_DIR) await page.screenshot({ path: path.join(SHOTS_DIR, `${pageCase.name}-${viewport.name}-${theme}.png`) });

        for (const scroller of await sidewaysScrollers(page)) problems.push(`${pageCase.name}: scrolls sideways: ${scroller}`);
        const axe = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
        for (const violation of axe.violations)
          problems.push(
            `${pageCase.name}: axe ${violation.id} on ${violation.nodes.length}: ${violation.nodes.map((node) => node.target.join(' ')).join(' | ')}`,
          );
        if (pageCase.name === 'copy') await expectHeatmapTextApart(page);
        if (pageCase.name === 'copies') await expectCopyRowsComplete(page, viewport.name === 'desktop');
      }
      expect(problems).toEqual([]);
      await expectNavigationReachable(page);
    });
  }
}
