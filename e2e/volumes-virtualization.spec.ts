// The Volumes table renders only the rows in view: with 1,500 matching volumes the DOM holds a
// screenful, and scrolling reaches the last one.
import { expect, test } from './support/test';

const VOLUME_COUNT = 1500;
const BATCH_SIZE = 50;
const MIB = 1024 * 1024;
const MAX_ROWS_IN_DOM = 150;

test('1,500 volumes: the count is shown, few rows are in the DOM, the last row scrolls into view', async ({ page, request }) => {
  test.setTimeout(150_000);
  const arrays = (await (await request.get('/api/arrays')).json()) as { id: string; model: string }[];
  const array = arrays.find((candidate) => candidate.model === 'santricity');
  if (array === undefined) throw new Error('the demo fleet has a santricity array');
  const prefix = `e2e_virt_${Date.now()}_`;
  const nameOf = (index: number) => `${prefix}${String(index).padStart(4, '0')}`;

  for (let start = 0; start < VOLUME_COUNT; start += BATCH_SIZE) {
    const batch = Array.from({ length: BATCH_SIZE }, (_, offset) =>
      request.post('/api/volumes', { data: { arrayId: array.id, name: nameOf(start + offset), capacityBytes: MIB } }),
    );
    const statuses = (await Promise.all(batch)).map((response) => response.status());
    expect(
      statuses.every((status) => status === 201),
      `batch at ${start}: ${statuses.join(',')}`,
    ).toBe(true);
  }

  await page.goto(`/volumes?q=${prefix}&sort=name`);
  await expect(page.getByTestId('volume-count')).toHaveText('1,500 volumes match the filters');
  const region = page.getByRole('region', { name: 'Volumes table' });
  await expect(region.getByRole('table')).toHaveAttribute('aria-rowcount', String(VOLUME_COUNT + 1));
  await expect(region.getByRole('cell', { name: nameOf(0), exact: true })).toBeVisible();
  const rows = region.locator('tbody tr');
  expect(await rows.count()).toBeLessThan(MAX_ROWS_IN_DOM);

  await region.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
  const last = region.getByRole('cell', { name: nameOf(VOLUME_COUNT - 1), exact: true });
  await expect(last).toBeVisible();
  await expect(last).toBeInViewport();
  await expect(region.getByRole('cell', { name: nameOf(0), exact: true })).toHaveCount(0);
  expect(await rows.count()).toBeLessThan(MAX_ROWS_IN_DOM);
  // The header stays in place while the body scrolls.
  await expect(region.getByRole('columnheader', { name: 'Name' })).toBeInViewport();
});
