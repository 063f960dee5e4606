// The frame around every page: navigation, theme, skip link, and what a failed load looks like.
import { expect, test } from './support/test';

test('the theme toggle switches the dark class and the choice survives a reload', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  const html = page.locator('html');
  await expect(html).not.toHaveClass(/\bdark\b/);

  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await expect(html).toHaveClass(/\bdark\b/);
  await page.reload();
  await expect(html).toHaveClass(/\bdark\b/);

  await page.getByRole('button', { name: 'Switch to light theme' }).click();
  await expect(html).not.toHaveClass(/\bdark\b/);
  await page.reload();
  await expect(html).toHaveClass(/\blight\b/);
});

test('keyboard: the skip link moves focus to the page content, navigation works by keyboard', async ({ page }) => {
  await page.goto('/arrays');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();

  const eventsLink = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Events' });
  await eventsLink.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Events' })).toBeVisible();
  await expect(eventsLink).toHaveAttribute('aria-current', 'page');
});

test('the dashboard shows the fleet figures and copy count the API reports', async ({ page, request }) => {
  const copies = (await (await request.get('/api/copies')).json()) as unknown[];
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Arrays', exact: true })).toContainText('4');
  await expect(page.getByRole('region', { name: 'Controllers', exact: true })).toContainText('8 online');
  await expect(page.getByRole('table', { name: 'Latest events' })).toBeVisible();
  if (copies.length === 0) await expect(page.getByText('No copy relationships yet')).toBeVisible();
  else
    await expect(page.getByRole('region', { name: 'Copy relationships' })).toContainText(
      `${copies.length} ${copies.length === 1 ? 'relationship' : 'relationships'}`,
    );
});

test('a failed API call shows an error with a retry that recovers', async ({ page }) => {
  let failing = true;
  await page.route('**/api/arrays', (route) =>
    failing ? route.fulfill({ status: 503, json: { error: { code: 'unavailable', message: 'the inventory is unavailable' } } }) : route.fallback(),
  );
  await page.goto('/arrays');
  const alert = page.getByRole('alert').filter({ hasText: 'Could not load the arrays' });
  await expect(alert).toContainText('the inventory is unavailable', { timeout: 15_000 });
  failing = false;
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('link', { name: 'DS6800-NYC-01' })).toBeVisible();
});

test('an unknown array id shows a not-found state', async ({ page }) => {
  await page.goto('/arrays/no-such-array');
  await expect(page.getByText('Array not found')).toBeVisible();
  await page.getByRole('link', { name: 'Back to Arrays' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Arrays' })).toBeVisible();
});
