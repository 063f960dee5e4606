// Filters, search and sort of the Volumes page live in the URL: reload and back keep them.
import { expect, test } from './support/test';

test('filters, search and sort survive a reload and the back button', async ({ page }) => {
  await page.goto('/volumes');
  const count = page.getByTestId('volume-count');
  await expect(count).toHaveText(/^[\d,]+ volumes$/);

  await page.getByLabel('Array', { exact: true }).click();
  await page.getByRole('option', { name: 'DS6800-NYC-01' }).click();
  await expect(page).toHaveURL(/[?&]array=/);
  await page.getByLabel('Owner', { exact: true }).click();
  await page.getByRole('option', { name: 'Controller B' }).click();
  await expect(page).toHaveURL(/[?&]owner=B/);
  await page.getByLabel('Search volumes').fill('110');
  await expect(page).toHaveURL(/[?&]q=110/);
  // Twice: the first click sorts ascending, the second descending.
  const capacityHeader = page.getByRole('columnheader', { name: 'Capacity' });
  await capacityHeader.getByRole('button').click();
  await expect(capacityHeader).toHaveAttribute('aria-sort', 'ascending');
  await capacityHeader.getByRole('button').press('Enter');
  await expect(capacityHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(page).toHaveURL(/[?&]sort=capacity&dir=desc/);

  // DS6000 volumes 1100..1108 preferred on B: 1100, 1102, 1104, 1106, 1108; 1106 is the largest (2 TiB).
  await expect(count).toHaveText('5 volumes match the filters');
  const firstRow = page.getByRole('region', { name: 'Volumes table' }).locator('tbody tr:not([aria-hidden])').first();
  await expect(firstRow).toContainText('1106');

  const url = page.url();
  await page.reload();
  await expect(page).toHaveURL(url);
  await expect(page.getByLabel('Search volumes')).toHaveValue('110');
  await expect(page.getByLabel('Array', { exact: true })).toHaveText('DS6800-NYC-01');
  await expect(page.getByLabel('Owner', { exact: true })).toHaveText('Controller B');
  await expect(capacityHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(count).toHaveText('5 volumes match the filters');
  await expect(firstRow).toContainText('1106');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Arrays' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Arrays' })).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(url);
  await expect(page.getByLabel('Search volumes')).toHaveValue('110');
  await expect(count).toHaveText('5 volumes match the filters');

  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page).toHaveURL(/\/volumes\?sort=capacity&dir=desc$/);
  await expect(page.getByLabel('Search volumes')).toHaveValue('');
  await expect(count).toHaveText(/^[\d,]+ volumes$/);
});
