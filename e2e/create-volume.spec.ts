// The main path: browse to an array, create a volume on it, find it in the Volumes table.
import { expect, test } from './support/test';

test('create a volume from an array page and find it in Volumes', async ({ page }) => {
  const name = `e2e_create_${Date.now()}`;

  await page.goto('/arrays');
  await page.getByRole('link', { name: 'V7000-LON-02' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'V7000-LON-02' })).toBeVisible();
  await expect(page.getByText('Storwize V7000')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Controller A' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Controller B' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Controller A' }).getByRole('cell', { name: 'vdisk_sql01' })).toBeVisible();
  const pools = page.getByRole('table', { name: 'Pools' });
  await expect(pools.getByRole('cell', { name: 'mdiskgrp0' })).toBeVisible();
  await expect(pools.getByRole('cell', { name: 'mdiskgrp1' })).toBeVisible();

  await page.getByRole('button', { name: 'Create volume' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create volume' });
  await expect(dialog.getByLabel('Array')).toHaveText('V7000-LON-02');
  await dialog.getByLabel('Pool').click();
  await page.getByRole('option', { name: /^mdiskgrp1/ }).click();
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByLabel('Size').fill('20');
  await dialog.getByRole('radio', { name: 'Controller B' }).check();
  await dialog.getByRole('button', { name: 'Create volume' }).click();

  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Volume ${name} created`)).toBeVisible();
  await expect(page.getByRole('table', { name: 'Controller B' }).getByRole('cell', { name, exact: true })).toBeVisible();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Volumes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Volumes' })).toBeVisible();
  await page.getByLabel('Search volumes').fill(name);
  await expect(page).toHaveURL(new RegExp(`[?&]q=${name}`));
  await expect(page.getByTestId('volume-count')).toHaveText('1 volume matches the filters');
  const row = page.getByRole('row', { name: new RegExp(name) });
  await expect(row).toContainText('V7000-LON-02');
  await expect(row).toContainText('mdiskgrp1');
  await expect(row).toContainText('20 GiB');
  await expect(row).toContainText('online');
});

test('keyboard only: open the dialog, fill every field and create', async ({ page }) => {
  const name = `e2e_keys_${Date.now()}`;
  await page.goto('/volumes');
  await page.getByRole('button', { name: 'Create volume' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Create volume' });
  await expect(dialog.getByLabel('Array')).toBeFocused();

  await page.keyboard.press('Enter');
  await expect(page.getByRole('listbox')).toBeVisible();
  await page.keyboard.type('V7000');
  await page.keyboard.press('Enter');
  await expect(dialog.getByLabel('Array')).toHaveText('V7000-LON-02');
  await expect(dialog.getByLabel('Array')).toBeFocused();

  await page.keyboard.press('Tab');
  await expect(dialog.getByLabel('Pool')).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.type(name);
  await page.keyboard.press('Tab');
  await page.keyboard.type('512');
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(dialog.getByLabel('Unit')).toHaveText('MiB');
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('radio', { name: 'Automatic' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(dialog.getByRole('radio', { name: 'Controller A' })).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');

  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Volume ${name} created`)).toBeVisible();
  await expect(page.getByText('512 MiB on V7000-LON-02, preferred owner controller A')).toBeVisible();
});
