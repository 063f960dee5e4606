// The event log records what the console did, and its kind filter lives in the URL.
import { expect, test } from './support/test';

test('a created volume appears in the event log; the kind filter survives a reload', async ({ page, request }) => {
  const arrays = (await (await request.get('/api/arrays')).json()) as { id: string; name: string; model: string }[];
  const array = arrays.find((candidate) => candidate.model === 'storwize');
  if (array === undefined) throw new Error('the demo fleet has a storwize array');
  const name = `e2e_event_${Date.now()}`;
  const created = await request.post('/api/volumes', { data: { arrayId: array.id, name, capacityBytes: 2 * 1024 * 1024 } });
  expect(created.status()).toBe(201);

  await page.goto('/events');
  await page.getByLabel('Kind').click();
  await page.getByRole('option', { name: 'volume.created' }).click();
  await expect(page).toHaveURL(/[?&]kind=volume\.created/);

  const table = page.getByRole('table', { name: 'Events' });
  const row = table.getByRole('row', { name: new RegExp(name) });
  await expect(row).toContainText('volume.created');
  await expect(row).toContainText('admin');
  await expect(row).toContainText('2 MiB');
  await expect(table.getByText('array.added')).toHaveCount(0);

  await page.reload();
  await expect(page.getByLabel('Kind')).toHaveText('volume.created');
  await expect(row).toBeVisible();

  // The subject links to the volume's own page.
  const volumeId = ((await created.json()) as { id: string }).id;
  await row.getByRole('link', { name }).click();
  await expect(page).toHaveURL(new RegExp(`/volumes/${volumeId}$`));
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
});

test('the log is live: a request made elsewhere appears at the top without a reload, under its user', async ({ page, request }) => {
  await page.goto('/events?category=audit&since=15m');
  await expect(page.getByTestId('connection-status')).toHaveText('Live');
  await expect(page.getByLabel('Time')).toHaveText('Last 15 minutes');
  const table = page.getByRole('table', { name: 'Events' });
  await expect(table).toBeVisible();
  // Refusals are on record too: this body lacks arrayId and capacityBytes (400).
  const refused = await request.post('/api/volumes', { data: { name: `live_tail_${Date.now()}` } });
  expect(refused.status()).toBe(400);
  const first = table.getByRole('row').nth(1);
  await expect(first).toContainText('POST /api/volumes');
  await expect(first).toContainText('refused 400');
  await expect(first).toContainText('admin');
});
