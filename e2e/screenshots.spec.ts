// Saves a PNG of every page in light and dark to screenshots/ for a human to look at. It makes
// no assertions about looks, so it runs only when asked:
//   GRAINLINE_SCREENSHOTS=1 npx playwright test screenshots
import path from 'node:path';
import { type APIRequestContext, type Page } from '@playwright/test';
import { expect, test } from './support/test';

const OUTPUT_DIR = path.resolve(__dirname, '..', 'screenshots');
const THEMES = ['light', 'dark'] as const;

test.skip(!process.env.GRAINLINE_SCREENSHOTS, 'set GRAINLINE_SCREENSHOTS=1 to save screenshots');
test.use({ viewport: { width: 1440, height: 900 } });

async function shoot(page: Page, name: string, theme: string): Promise<void> {
  await page.screenshot({ path: path.join(OUTPUT_DIR, `${name}-${theme}.png`), fullPage: false });
}

/** A few copies in several states, so the Copies page shows what it is for. */
async function seedCopies(request: APIRequestContext): Promise<void> {
  const copies = (await (await request.get('/api/copies')).json()) as unknown[];
  if (copies.length > 0) return;
  const arrays = (await (await request.get('/api/arrays')).json()) as { id: string; model: string }[];
  const stamp = Date.now().toString(36);
  for (const model of ['xp7', 'storwize', 'santricity'] as const) {
    const array = arrays.find((candidate) => candidate.model === model);
    if (array === undefined) continue;
    for (let index = 0; index < 3; index++) {
      const ids: string[] = [];
      for (const role of ['src', 'tgt']) {
        const created = await request.post('/api/volumes', {
          data: { arrayId: array.id, name: `shot_${model}_${stamp}_${index}_${role}`, capacityBytes: 64 * 1024 * 1024 * 1024 },
        });
        ids.push(((await created.json()) as { id: string }).id);
      }
      const type = model === 'xp7' ? 'shadowimage' : model === 'storwize' ? 'flashcopy' : 'volume-copy';
      await request.post('/api/copies', { data: { type, sourceVolumeId: ids[0], targetVolumeId: ids[1], ...(index === 2 ? { start: false } : {}) } });
    }
  }
}

test.beforeAll(async ({ request }) => {
  await seedCopies(request);
});

for (const theme of THEMES) {
  test(`screenshots in ${theme} theme`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.addInitScript((value) => window.localStorage.setItem('grainline-theme', value), theme);

    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Latest events' })).toBeVisible();
    await expect(page.getByRole('status')).toHaveCount(0);
    await shoot(page, 'dashboard', theme);

    await page.goto('/arrays');
    await expect(page.getByRole('link', { name: 'DS6800-NYC-01' })).toBeVisible();
    await shoot(page, 'arrays', theme);

    await page.getByRole('link', { name: 'DS6800-NYC-01' }).click();
    await expect(page.getByRole('heading', { name: 'Controller A' })).toBeVisible();
    await expect(page.getByRole('cell', { name: '1000', exact: true })).toBeVisible();
    await shoot(page, 'array-detail', theme);

    await page.getByRole('button', { name: 'Create volume' }).click();
    await page.getByRole('dialog').getByLabel('Size').fill('100');
    await page.getByRole('dialog').getByLabel('Unit').click();
    await page.getByRole('option', { name: 'TiB' }).click();
    await shoot(page, 'create-volume-dialog', theme);
    await page.keyboard.press('Escape');

    await page.goto('/volumes?sort=capacity&dir=desc');
    await expect(page.getByTestId('volume-count')).toHaveText(/^[\d,]+ volumes$/);
    await shoot(page, 'volumes', theme);

    await page
      .getByRole('button', { name: /^Delete volume / })
      .first()
      .click();
    await expect(page.getByRole('alertdialog')).toBeVisible();
    await shoot(page, 'delete-volume-dialog', theme);
    await page.keyboard.press('Escape');

    await page.goto('/copies');
    await expect(page.getByRole('table', { name: 'Copy relationships' }).or(page.getByText('No copy relationships yet'))).toBeVisible();
    await expect(page.getByTestId('connection-status')).toHaveText('Live');
    await shoot(page, 'copies', theme);
    const checkboxes = page.getByRole('table', { name: 'Copy relationships' }).getByRole('checkbox');
    if ((await checkboxes.count()) > 2) {
      await checkboxes.nth(1).check();
      await checkboxes.nth(2).check();
      await shoot(page, 'copies-selected', theme);
      await page
        .getByRole('button', { name: /^Actions for/ })
        .first()
        .click();
      await shoot(page, 'copy-actions-menu', theme);
      await page.keyboard.press('Escape');
    }

    await page.goto('/events');
    await expect(page.getByRole('table', { name: 'Events' })).toBeVisible();
    await shoot(page, 'events', theme);
    await page.goto('/events?category=audit');
    await expect(page.getByRole('table', { name: 'Events' })).toBeVisible();
    await shoot(page, 'events-audit', theme);

    await page.goto('/users');
    await expect(page.getByRole('table').first()).toBeVisible();
    await shoot(page, 'users', theme);

    await page.goto('/account');
    await expect(page.getByRole('heading', { name: 'Account' })).toBeVisible();
    await shoot(page, 'account', theme);

    const copies = (await (await page.request.get('/api/copies')).json()) as { id: string }[];
    if (copies[0] !== undefined) {
      await page.goto(`/copies/${copies[0].id}`);
      await expect(page.getByRole('img', { name: /^Bitmap heatmap/ })).toBeVisible();
      await shoot(page, 'copy-detail', theme);
    }

    await page.goto('/arrays/no-such-array');
    await expect(page.getByText('Array not found')).toBeVisible();
    await shoot(page, 'array-not-found', theme);

    // A phone-sized window: the sidebar becomes a top bar whose controls wrap, never overlap.
    await page.setViewportSize({ width: 420, height: 860 });
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Latest events' })).toBeVisible();
    await shoot(page, 'dashboard-narrow', theme);
    await page.goto('/copies');
    await expect(page.getByTestId('connection-status')).toHaveText('Live');
    await shoot(page, 'copies-narrow', theme);
  });
}

for (const theme of THEMES) {
  test(`array page with a failed controller and a fault in ${theme} theme`, async ({ page, request }) => {
    test.setTimeout(120_000);
    await page.addInitScript((value) => window.localStorage.setItem('grainline-theme', value), theme);
    const arrays = (await (await request.get('/api/arrays')).json()) as { id: string; model: string }[];
    const array = arrays.find((candidate) => candidate.model === 'santricity');
    if (array === undefined) throw new Error('the demo fleet has a santricity array');
    const volumes = (await (await request.get(`/api/volumes?arrayId=${array.id}`)).json()) as { id: string }[];
    expect((await request.post(`/api/arrays/${array.id}/controllers/B/fail`)).status()).toBe(200);
    expect((await request.post('/api/faults', { data: { kind: 'volume-io-error', volumeId: volumes[0]!.id } })).status()).toBe(201);
    try {
      await page.goto(`/arrays/${array.id}`);
      await expect(page.getByText('B offline')).toBeVisible();
      await expect(page.getByRole('region', { name: 'Faults' }).getByRole('row')).toHaveCount(3);
      await page.screenshot({ path: path.join(OUTPUT_DIR, `array-faults-${theme}.png`), fullPage: true });
      await page.getByRole('region', { name: 'Controller A' }).getByRole('button', { name: 'Fail…' }).click();
      await expect(page.getByRole('alertdialog')).toBeVisible();
      await shoot(page, 'fail-controller-dialog', theme);
      await page.keyboard.press('Escape');
    } finally {
      for (const fault of (await (await request.get(`/api/faults?arrayId=${array.id}`)).json()) as { id: string }[])
        await request.delete(`/api/faults/${fault.id}`);
    }
  });
}

/** Every step of the pairing wizard, one pair and bulk; nothing is created. */
for (const theme of THEMES) {
  test(`wizard screenshots in ${theme} theme`, async ({ page, request }) => {
    test.setTimeout(120_000);
    await page.addInitScript((value) => window.localStorage.setItem('grainline-theme', value), theme);
    const arrays = (await (await page.request.get('/api/arrays')).json()) as { id: string; model: string; name: string }[];
    const santricity = arrays.find((array) => array.model === 'santricity');
    const storwize = arrays.find((array) => array.model === 'storwize');
    if (santricity === undefined || storwize === undefined) throw new Error('the demo fleet has santricity and storwize arrays');
    const volumes = (await (await page.request.get(`/api/volumes?arrayId=${santricity.id}`)).json()) as { id: string; name: string }[];
    const source = volumes.find((volume) => volume.name === 'ora_prod_data_01');
    const target = volumes.find((volume) => volume.name === 'ora_prod_data_02');
    if (source === undefined || target === undefined) throw new Error('the demo fleet has ora_prod_data_01 and _02');

    await page.goto(`/copies/new?array=${santricity.id}`);
    await expect(page.getByRole('radio', { name: new RegExp(santricity.name) })).toBeChecked();
    await shoot(page, 'wizard-1-service', theme);
    await page.goto(`/copies/new?step=source&array=${santricity.id}&source=${source.id}&q=ora&sort=capacity`);
    await expect(page.getByRole('table', { name: 'Source volumes' })).toBeVisible();
    await shoot(page, 'wizard-2-source', theme);
    await page.goto(`/copies/new?step=target&array=${santricity.id}&source=${source.id}&target=${target.id}`);
    await expect(page.getByRole('table', { name: 'Target volumes' })).toBeVisible();
    await shoot(page, 'wizard-3-target', theme);
    await page.getByRole('table', { name: 'Target volumes' }).getByTestId('ineligible-reasons').first().scrollIntoViewIfNeeded();
    await shoot(page, 'wizard-3-target-ineligible', theme);
    await page.goto(`/copies/new?step=options&array=${santricity.id}&source=${source.id}&target=${target.id}&opt.priority=high`);
    await expect(page.getByTestId('option-priority')).toBeVisible();
    await shoot(page, 'wizard-4-options', theme);
    await page.goto(`/copies/new?step=review&array=${santricity.id}&source=${source.id}&target=${target.id}&opt.priority=high`);
    await expect(page.getByTestId('review-lines')).toBeVisible();
    await shoot(page, 'wizard-5-review', theme);

    const storwizeVolumes = (await (await page.request.get(`/api/volumes?arrayId=${storwize.id}`)).json()) as { id: string }[];
    const first = storwizeVolumes[0];
    if (first === undefined) throw new Error('the storwize array has volumes');
    await page.goto(`/copies/new?step=options&array=${storwize.id}&source=${first.id}&target=new&opt.copyRate=151&group=new&groupName=nightly`);
    await expect(page.getByTestId('option-copyRate')).toBeVisible();
    await shoot(page, 'wizard-4-options-storwize', theme);
    await page.goto(
      `/copies/new?step=target&bulk=1&array=${storwize.id}&${storwizeVolumes
        .slice(0, 4)
        .map((volume) => `source=${volume.id}`)
        .join('&')}`,
    );
    await expect(page.getByRole('table', { name: 'Matched pairs' })).toBeVisible();
    await shoot(page, 'wizard-3-bulk-targets', theme);

    // A bulk result (fresh volumes, matched with each other's size or new targets, left unstarted).
    const stamp = `shot_bulk_${theme}_${Date.now().toString(36)}`;
    const fresh: { id: string }[] = [];
    for (const suffix of ['a', 'b', 'c'])
      fresh.push(
        (await (
          await request.post('/api/volumes', { data: { arrayId: storwize.id, name: `${stamp}_${suffix}`, capacityBytes: 16 * 1024 * 1024 } })
        ).json()) as { id: string },
      );
    await page.goto(`/copies/new?step=review&bulk=1&start=0&array=${storwize.id}&${fresh.map((volume) => `source=${volume.id}`).join('&')}`);
    await expect(page.getByTestId('review-lines')).toBeVisible();
    await shoot(page, 'wizard-5-review-bulk', theme);
    await page.getByRole('button', { name: /^Create/ }).click();
    await expect(page.getByTestId('bulk-results')).toBeVisible();
    await shoot(page, 'wizard-bulk-results', theme);
  });
}
