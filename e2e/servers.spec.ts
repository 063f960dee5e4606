// The Copy Services Servers page on the e2e console, which runs alone on SQLite: the one server is
// the primary and this node, the page says how to run a cluster instead, the header names the node,
// the page refreshes by itself, its sort lives in the URL, and it works by keyboard and passes axe.
// GRAINLINE_SCREENSHOTS=1 also saves it in light and dark to look at.
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './support/test';

interface ClusterJson {
  mode: string;
  thisNode: { id: string; name: string; role: string };
  servers: {
    id: string;
    name: string;
    url: string;
    role: string;
    heartbeatAt: string;
    thisNode: boolean;
    vendorPorts: { svcRest: number | null; svcSsh: number | null; nbd: number | null };
  }[];
  takeovers: unknown[];
}

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

test('alone on SQLite: one primary server marked as this node, the single-node explanation, and the header badge', async ({ page, request }) => {
  const response = await request.get('/api/cluster');
  expect(response.status()).toBe(200);
  const cluster = (await response.json()) as ClusterJson;
  expect(cluster.mode).toBe('single');
  expect(cluster.servers).toHaveLength(1);
  const server = cluster.servers[0]!;

  await page.goto('/servers');
  await expect(page.getByRole('heading', { level: 1, name: 'Copy Services Servers' })).toBeVisible();
  await expect(page.getByTestId('servers-summary')).toHaveText('One console node on SQLite.');
  const table = page.getByRole('table', { name: 'Copy Services Servers' });
  const rows = table.getByRole('row');
  await expect(rows).toHaveCount(2); // the header and the one server
  const row = rows.nth(1);
  await expect(row).toContainText(server.name);
  await expect(row).toContainText('this node');
  await expect(row).toContainText('primary');
  await expect(row).toContainText(server.url);
  await expect(row.getByRole('cell').nth(3)).toHaveText(/^(just now|\d+ s ago)$/);
  // Where to point the vendors' tools: the ports this node listens on.
  const { svcRest, svcSsh, nbd } = server.vendorPorts;
  expect([svcRest, svcSsh, nbd].every((port) => typeof port === 'number')).toBe(true);
  await expect(row.getByRole('cell').nth(5)).toHaveText(`REST ${svcRest} · SSH ${svcSsh} · NBD ${nbd}`);

  await expect(page.getByTestId('single-node-note')).toContainText('This console runs alone on SQLite');
  await expect(page.getByText('npm run start:cluster')).toBeVisible();
  await expect(page.getByText('DATABASE_URL=postgresql://…')).toBeVisible();
  // No lease and no takeovers alone.
  await expect(page.getByRole('heading', { name: 'Engine lease' })).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'Takeovers' })).toHaveCount(0);

  const badge = page.getByTestId('this-node');
  await expect(badge).toHaveText('Single node');
  await expect(badge).toHaveAttribute('href', '/servers');
  await expect(badge).toHaveAttribute('title', new RegExp(`alone on SQLite \\(${server.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\)`));
});

test('the heartbeat refreshes by itself: the page asks again every 2 s', async ({ page }) => {
  await page.goto('/servers');
  const heartbeat = page.getByRole('table', { name: 'Copy Services Servers' }).getByRole('row').nth(1).locator('time').last();
  const first = await heartbeat.getAttribute('datetime');
  expect(first).not.toBeNull();
  // Alone, the server reports its heartbeat as the moment it answers: a new answer has a new time.
  await expect(heartbeat).not.toHaveAttribute('datetime', first!, { timeout: 6_000 });
});

test('keyboard: the navigation and the header badge lead to the page; a sort made by keyboard is kept in the URL', async ({ page }) => {
  await page.goto('/events');
  const navLink = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Servers' });
  await navLink.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Copy Services Servers' })).toBeVisible();
  await expect(navLink).toHaveAttribute('aria-current', 'page');

  await page.goto('/arrays');
  await expect(page.getByRole('link', { name: 'DS6800-NYC-01' })).toBeVisible();
  // Tab from the theme toggle's neighbour back to the badge: it is in the tab order.
  await page.getByTestId('this-node').focus();
  await expect(page.getByTestId('this-node')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/servers$/);

  const table = page.getByRole('table', { name: 'Copy Services Servers' });
  await table.getByRole('button', { name: 'Last heartbeat' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/servers\?sort=heartbeat$/);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/servers\?sort=heartbeat&dir=desc$/);
  await page.reload();
  await expect(table.getByRole('columnheader', { name: 'Last heartbeat' })).toHaveAttribute('aria-sort', 'descending');
});

for (const theme of ['light', 'dark'] as const) {
  test(`no WCAG 2.1 AA violation in ${theme}`, async ({ page }) => {
    await page.addInitScript((value) => window.localStorage.setItem('grainline-theme', value), theme);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto('/servers');
    await expect(page.getByRole('table', { name: 'Copy Services Servers' })).toBeVisible();
    await expect(page.locator('html')).toHaveClass(new RegExp(`\\b${theme}\\b`));
    const axe = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
    expect(axe.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(' | ')}`)).toEqual([]);
    if (process.env.GRAINLINE_SCREENSHOTS) {
      const outputDir = process.env.GRAINLINE_SCREENSHOTS_DIR ?? path.resolve(__dirname, '..', 'screenshots');
      await page.screenshot({ path: path.join(outputDir, `servers-${theme}.png`) });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.screenshot({ path: path.join(outputDir, `servers-phone-${theme}.png`), fullPage: true });
    }
  });
}
