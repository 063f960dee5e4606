// Console defects, one test each: what a monitor is offered on an array's page, what a stopped
// FlashCopy mapping's page says about its target, a bulk creation that a reload must not offer
// again, a wizard link naming a target that cannot be one, and a volume page with no workload
// that must leave nothing red in the browser's console.
import { type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { expect, test } from './support/test';
import { createUser, removeUser, signInAs } from './support/users';
import { arrayOf, uniqueName } from './support/fleet';

const MiB = 1024 * 1024;
const LIVE_TIMEOUT_MS = 30_000;

interface CopyBody {
  id: string;
  name: string;
  state: string;
  consistencyGroupId: string | null;
  progress: { percent: number };
}

function stamp(label: string): string {
  return uniqueName('cd', label);
}

async function createVolume(request: APIRequestContext, arrayId: string, name: string, capacityBytes: number): Promise<{ id: string; name: string }> {
  const response = await request.post('/api/volumes', { data: { arrayId, name, capacityBytes } });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { id: string; name: string };
}

async function copyOf(request: APIRequestContext, id: string): Promise<CopyBody> {
  return (await (await request.get(`/api/copies/${id}`)).json()) as CopyBody;
}

async function copiesOf(request: APIRequestContext, volumeId: string): Promise<CopyBody[]> {
  return (await (await request.get(`/api/copies?volumeId=${volumeId}`)).json()) as CopyBody[];
}

async function setSpeed(request: APIRequestContext, speed: number | 'max'): Promise<void> {
  expect((await request.put('/api/simulation', { data: { speed } })).status()).toBe(200);
}

async function advance(request: APIRequestContext, seconds: number): Promise<void> {
  expect((await request.post('/api/simulation/advance', { data: { seconds } })).status()).toBe(200);
}

/** Every relationship of these volumes stopped and removed, then the volumes (the clock paused). */
async function cleanUp(request: APIRequestContext, volumeIds: string[]): Promise<void> {
  for (const volumeId of volumeIds) {
    for (const copy of await copiesOf(request, volumeId)) {
      if (/^(copying|preparing|prepared|in-progress|pending)$/.test(copy.state)) await request.post(`/api/copies/${copy.id}/actions/stop`, { data: {} });
      // A stop passes through `stopping` for a simulated second; the callers keep the clock paused.
      for (let step = 0; step < 5 && (await copyOf(request, copy.id)).state === 'stopping'; step++) await advance(request, 1);
      expect([204, 404]).toContain((await request.delete(`/api/copies/${copy.id}`)).status());
    }
  }
  for (const volumeId of volumeIds) expect([204, 404]).toContain((await request.delete(`/api/volumes/${volumeId}`)).status());
}

/** Clicks a radio or checkbox and waits for it to show the new state (the wizard's controls follow the URL a moment later). */
async function toggle(control: Locator, checked = true): Promise<void> {
  await control.click();
  if (checked) await expect(control).toBeChecked();
  else await expect(control).not.toBeChecked();
}

async function next(page: Page): Promise<void> {
  const before = (await page.getByTestId('wizard-step-title').textContent()) ?? '';
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByTestId('wizard-step-title')).not.toHaveText(before);
}

let previousSpeed: number | 'max' = 1;
test.beforeAll(async ({ request }) => {
  previousSpeed = ((await (await request.get('/api/simulation')).json()) as { speed: number | 'max' }).speed;
});
test.afterAll(async ({ request }) => {
  await setSpeed(request, previousSpeed);
});

test('defect 1: a monitor sees no Create volume on an array page, an admin does', async ({ page, browser, baseURL, request }) => {
  const array = await arrayOf(request, 'santricity');
  const monitor = await createUser(request, 'monitor');
  const { context, page: monitorPage } = await signInAs(browser, baseURL, monitor);
  try {
    await monitorPage.goto(`/arrays/${array.id}`);
    await expect(monitorPage.getByRole('heading', { level: 1 })).toHaveText(array.name);
    // The controllers come from the same answer as the header's actions: once they show, so would the button.
    await expect(monitorPage.getByRole('region', { name: 'Controller A' })).toBeVisible();
    await expect(monitorPage.getByTestId('session-role')).toHaveText('monitor');
    await expect(monitorPage.getByRole('button', { name: 'Create volume' })).toHaveCount(0);

    await page.goto(`/arrays/${array.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(array.name);
    await expect(page.getByRole('button', { name: 'Create volume' })).toBeVisible();
  } finally {
    await context.close();
    await removeUser(request, monitor);
  }
});

test('defect 3: a FlashCopy mapping stopped part-way says so everywhere, and Stop’s toast says it is stopping', async ({ page, request }) => {
  const array = await arrayOf(request, 'storwize');
  const source = await createVolume(request, array.id, stamp('fc_src'), 64 * MiB);
  const target = await createVolume(request, array.id, stamp('fc_tgt'), 64 * MiB);
  try {
    // Paused: the 2 s prepare and then 128 KiB/s (copy rate 10) for 10 s copy about 2 % of 64 MiB.
    await setSpeed(request, 0);
    const created = await request.post('/api/copies', {
      data: { type: 'flashcopy', sourceVolumeId: source.id, targetVolumeId: target.id, options: { copyRate: 10 } },
    });
    expect(created.status(), await created.text()).toBe(201);
    const copy = (await created.json()) as CopyBody;
    await advance(request, 3);
    await advance(request, 10);
    const copying = await copyOf(request, copy.id);
    expect(copying.state).toBe('copying');
    expect(copying.progress.percent).toBeGreaterThan(0);
    expect(copying.progress.percent).toBeLessThan(100);

    await page.goto(`/copies/${copy.id}`);
    await expect(page.getByTestId('connection-status')).toHaveText('Live', { timeout: LIVE_TIMEOUT_MS });
    await expect(page.getByTestId('copy-state')).toHaveText('copying');
    await page.getByRole('button', { name: 'Stop…' }).click();
    await page.getByRole('alertdialog', { name: 'Stop?' }).getByRole('button', { name: 'Stop' }).click();
    // `stopping` lasts until the clock moves: the toast says what was asked and where it is going.
    await expect(page.getByText(`Stop requested: ${copy.name} is stopping`)).toBeVisible();
    await expect(page.getByText('Stop: done')).toHaveCount(0);
    await expect(page.getByTestId('copy-state')).toHaveText('stopping');

    await advance(request, 2);
    await expect(page.getByTestId('copy-state')).toHaveText('stopped', { timeout: LIVE_TIMEOUT_MS });
    const stopped = await copyOf(request, copy.id);
    expect(stopped.state).toBe('stopped');
    // The header (the state table's meaning), the progress, the bitmap and the actions agree.
    await expect(page.getByTestId('state-meaning')).toContainText('the target is offline');
    await expect(page.getByTestId('copy-progress')).toContainText(/stopped before the copy completed/i);
    await expect(page.getByTestId('heatmap-summary')).toContainText('stopped before the copy completed');
    const actions = page.getByRole('region', { name: 'Actions' });
    await expect(actions).toContainText('not a usable copy');
    const main = page.getByRole('main');
    await expect(main).not.toContainText('nothing to copy');
    await expect(main).not.toContainText('no copy has run yet');
    await expect(main).not.toContainText('keeps its data');
    // The removal's confirmation tells the same story; cancelling it changes nothing.
    await actions.getByRole('button', { name: 'Remove relationship…' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Remove relationship?' });
    await expect(confirm).toContainText('not a usable copy');
    await expect(confirm).not.toContainText('keeps the data it has');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(confirm).toBeHidden();
    await page.screenshot({ path: test.info().outputPath('stopped-mapping-light.png'), fullPage: true });
    // Read back from the server alone (a reload, dark theme): the same story, no number made up.
    await page.evaluate(() => window.localStorage.setItem('grainline-theme', 'dark'));
    await page.reload();
    await expect(page.getByTestId('copy-state')).toHaveText('stopped');
    await expect(page.getByTestId('copy-progress')).toContainText(/stopped before the copy completed/i);
    await expect(page.getByTestId('copy-percent')).not.toContainText('%');
    await expect(page.getByTestId('removal-consequence')).toContainText('not a usable copy');
    await page.screenshot({ path: test.info().outputPath('stopped-mapping-dark.png'), fullPage: true });
  } finally {
    await setSpeed(request, 0);
    await cleanUp(request, [source.id, target.id]);
    await setSpeed(request, previousSpeed);
  }
});

test('defect 4: after a bulk create, a reload shows what was created, not a review offering the copies again', async ({ page, request }) => {
  const array = await arrayOf(request, 'storwize');
  // A size no other volume has: every source gets a new target.
  const size = 8 * MiB + 512 * (1 + (Date.now() % 1000));
  const label = stamp('bulk');
  const sources = [await createVolume(request, array.id, `${label}_s1`, size), await createVolume(request, array.id, `${label}_s2`, size)];
  const volumeIds = sources.map((volume) => volume.id);
  try {
    await setSpeed(request, 0);
    await page.goto(`/copies/new?array=${array.id}&step=source`);
    await toggle(page.getByLabel(/^Bulk/));
    await page.getByLabel('Search volumes').fill(`${label}_s`);
    for (const source of sources) await toggle(page.getByRole('checkbox', { name: source.name, exact: true }));
    await next(page);
    await expect(page.getByRole('table', { name: 'Matched pairs' }).getByText('new volume')).toHaveCount(2);
    await next(page);
    await toggle(page.getByLabel('Start now'), false);
    await next(page);
    await page.getByRole('button', { name: 'Create 2 copies' }).click();
    await expect(page.getByRole('heading', { name: '2 of 2 copies created' })).toBeVisible();
    for (const source of sources)
      volumeIds.push(((await (await request.get(`/api/volumes?arrayId=${array.id}&q=${source.name}_copy`)).json()) as { id: string }[])[0]?.id ?? '');

    await page.reload();
    // Whichever the page settles on: the outcome, or (the defect) a review of a new plan.
    const results = page.getByTestId('bulk-results');
    await expect(results.or(page.getByTestId('review-lines'))).toBeVisible();
    await expect(page.getByRole('button', { name: /^Create( and start)? \d+ cop/ })).toHaveCount(0);
    await expect(page.getByTestId('review-lines')).toHaveCount(0);
    await expect(page).not.toHaveURL(/step=review/);
    await expect(results.getByRole('listitem')).toHaveCount(2);
    for (const source of sources) await expect(results).toContainText(`${source.name} → ${source.name}_copy`);
    await expect(page.getByRole('heading', { name: '2 of 2 copies created' })).toBeVisible();
    for (const source of sources) expect(await copiesOf(request, source.id)).toHaveLength(1);
  } finally {
    await cleanUp(
      request,
      volumeIds.filter((id) => id !== ''),
    );
    await setSpeed(request, previousSpeed);
  }
});

test('defect 5: a wizard link naming an ineligible target says why, and its URL names the step shown', async ({ page, request }) => {
  const array = await arrayOf(request, 'xp7');
  const source = await createVolume(request, array.id, stamp('el_src'), 8 * MiB);
  const smaller = await createVolume(request, array.id, stamp('el_small'), 4 * MiB);
  try {
    await page.goto(`/copies/new?array=${array.id}&source=${source.id}&target=${smaller.id}&step=review`);
    await expect(page.getByTestId('wizard-step-title')).toContainText('Step 3 of 5: Target');
    const alert = page.getByRole('alert').filter({ hasText: smaller.name });
    await expect(alert).toContainText(`the S-VOL must be the same size as the P-VOL: ${smaller.name} is 4 MiB, ${source.name} is 8 MiB`);
    await expect(page).toHaveURL(/[?&]step=target(&|$)/);
    // The target stays named in the URL, and the page shows it as the one that cannot be used.
    await expect(page).toHaveURL(new RegExp(`[?&]target=${smaller.id}(&|$)`));
    await expect(page.getByRole('radio', { name: smaller.name, exact: true })).toBeDisabled();
    // Choosing an eligible target (a new one) clears the complaint.
    await toggle(page.getByRole('radio', { name: 'Create a matching target volume' }));
    await expect(alert).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Next' })).toBeEnabled();
  } finally {
    await cleanUp(request, [source.id, smaller.id]);
  }
});

test('defect 7: a volume page without a workload makes no failed request and logs no error', async ({ page, request }) => {
  const array = await arrayOf(request, 'ds6000');
  const volume = await createVolume(request, array.id, stamp('nowl'), 16 * MiB);
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()} (${message.location().url})`);
  });
  // Navigation prefetches the router abandons also end as failed requests: only the API's count.
  page.on('requestfailed', (failed) => {
    if (new URL(failed.url()).pathname.startsWith('/api/')) problems.push(`failed: ${failed.url()} ${failed.failure()?.errorText ?? ''}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()}: ${response.url()}`);
  });
  try {
    await page.goto(`/volumes/${volume.id}`);
    await expect(page.getByTestId('workload-idle')).toBeVisible();
    await expect(page.getByTestId('connection-status')).toHaveText('Live', { timeout: LIVE_TIMEOUT_MS });
    expect(problems).toEqual([]);
  } finally {
    await cleanUp(request, [volume.id]);
  }
});
