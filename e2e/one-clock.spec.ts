// One clock (issue #18, defect 2): after the simulation has run ahead of the wall, a copy's timeline
// and the event log show an action at the simulated time the header clock shows, with the real time
// on hover — not the wall time, which would put a split an hour before the clock that ran it.
import { type APIRequestContext, type Page } from '@playwright/test';
import { expect, test } from './support/test';

const MiB = 1024 * 1024;
const LIVE_TIMEOUT_MS = 30_000;
// Far enough ahead that simulated and wall time cannot be confused on screen.
const AHEAD_SECONDS = 3 * 3600;

async function arrayOf(request: APIRequestContext, model: string): Promise<string> {
  const arrays = (await (await request.get('/api/arrays')).json()) as { id: string; model: string }[];
  const found = arrays.find((candidate) => candidate.model === model);
  if (found === undefined) throw new Error(`the demo fleet has a ${model} array`);
  return found.id;
}

async function createVolume(request: APIRequestContext, arrayId: string, name: string): Promise<string> {
  const response = await request.post('/api/volumes', { data: { arrayId, name, capacityBytes: 64 * MiB } });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

async function setSpeed(request: APIRequestContext, speed: number): Promise<void> {
  expect((await request.put('/api/simulation', { data: { speed } })).status()).toBe(200);
}

/** The header clock's text, "YYYY-MM-DD HH:MM:SS" (the date shows at desktop widths). */
async function headerClock(page: Page): Promise<string> {
  return ((await page.getByTestId('simulated-clock').locator('time').textContent()) ?? '').trim();
}

test('the timeline and the event log show simulated time, as the header clock does, with real time on hover', async ({ page, request }) => {
  test.setTimeout(120_000);
  const arrayId = await arrayOf(request, 'santricity');
  const stamp = Date.now();
  const volumeIds = [await createVolume(request, arrayId, `e2e_clock_${stamp}_s`), await createVolume(request, arrayId, `e2e_clock_${stamp}_t`)];
  let copyId: string | null = null;
  let copyName = '';
  try {
    // Run fast for a moment, then pause and step far ahead, so the clock stands still while the page reads it.
    await setSpeed(request, 100);
    await page.waitForTimeout(500);
    await setSpeed(request, 0);
    expect((await request.post('/api/simulation/advance', { data: { seconds: AHEAD_SECONDS } })).status()).toBe(200);
    const simulation = (await (await request.get('/api/simulation')).json()) as { simulatedTime: string };
    expect(Date.parse(simulation.simulatedTime) - Date.now()).toBeGreaterThan(AHEAD_SECONDS * 1000 - 60_000);

    const created = await request.post('/api/copies', { data: { type: 'volume-copy', sourceVolumeId: volumeIds[0], targetVolumeId: volumeIds[1] } });
    expect(created.status(), await created.text()).toBe(201);
    ({ id: copyId, name: copyName } = (await created.json()) as { id: string; name: string });

    await page.goto(`/copies/${copyId}`);
    await expect(page.getByTestId('connection-status')).toHaveText('Live', { timeout: LIVE_TIMEOUT_MS });
    const clock = await headerClock(page);
    expect(clock).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);

    await expect(page.getByRole('heading', { name: /Timeline/ })).toContainText('simulated time');
    const timelineTime = page.getByTestId('copy-timeline').locator('time').last();
    await expect(timelineTime).toHaveText(clock);
    await expect(timelineTime).toHaveAttribute('title', /^Simulated time · real time \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    // The real time on hover is the wall clock's, hours behind the simulated one.
    expect(await timelineTime.getAttribute('title')).not.toContain(clock);

    await page.goto(`/events?category=changes`);
    await expect(page.getByRole('columnheader', { name: /Time \(simulated\)/ })).toBeVisible();
    const row = page
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: copyName, exact: true }) })
      .first();
    await expect(row.locator('time')).toHaveText(clock, { timeout: LIVE_TIMEOUT_MS });
    await expect(row.locator('time')).toHaveAttribute('title', /^Simulated time · real time /);
  } finally {
    await setSpeed(request, 1);
    if (copyId !== null) expect([204, 404]).toContain((await request.delete(`/api/copies/${copyId}`)).status());
    for (const id of volumeIds)
      await expect.poll(async () => [204, 404].includes((await request.delete(`/api/volumes/${id}`)).status()), { timeout: LIVE_TIMEOUT_MS }).toBe(true);
  }
});
