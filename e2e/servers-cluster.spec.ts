// The Copy Services Servers page on a real cluster: two console nodes (css-a, css-b) on one
// embedded PostgreSQL and one data directory, started here beside the e2e console. The browser is
// on css-b, the backup; css-a is killed (SIGKILL) and the page shows css-b take over: the toast,
// the header's role, the lease, the roles in the table and the takeover history.
// GRAINLINE_SCREENSHOTS=1 also saves the page before and after the takeover in light and dark.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { startPostgres, type RunningPostgres } from '../tests/support/postgres';
import { freePort, startServer, TEST_ADMIN, type RunningServer } from '../tests/support/server';
import { expect, test } from './support/test';
import { NO_COOKIES } from './support/users';

/** Short, so the takeover comes within seconds, yet long enough that a busy machine does not fence the new primary. */
const LEASE_MS = 3_000;
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const SHOTS = process.env.GRAINLINE_SCREENSHOTS ? (process.env.GRAINLINE_SCREENSHOTS_DIR ?? path.resolve(__dirname, '..', 'screenshots')) : null;

let postgres: RunningPostgres;
let dataDir: string;
let nodeA: RunningServer;
let nodeB: RunningServer;

async function startNode(name: string, databaseUrl: string, secret: string): Promise<RunningServer> {
  const port = await freePort();
  return startServer({
    port,
    dataDir,
    env: {
      DATABASE_URL: databaseUrl,
      GRAINLINE_SESSION_SECRET: secret,
      GRAINLINE_NODE_NAME: name,
      GRAINLINE_NODE_URL: `http://127.0.0.1:${port}`,
      GRAINLINE_LEASE_MS: String(LEASE_MS),
    },
  });
}

/** The node's own role as GET /api/cluster reports it, or what went wrong asking (expect.poll asks again). */
async function roleOf(node: RunningServer): Promise<string> {
  const session = await fetch(`${node.baseUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(TEST_ADMIN),
  });
  if (!session.ok) return `sign-in ${session.status}: ${await session.text()}`;
  const cookie = session.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  const answer = await fetch(`${node.baseUrl}/api/cluster`, { headers: { cookie } });
  if (!answer.ok) return `cluster ${answer.status}: ${await answer.text()}`;
  return ((await answer.json()) as { thisNode: { role: string } }).thisNode.role;
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  postgres = await startPostgres({ port: await freePort() });
  const databaseUrl = await postgres.createDatabase('grainline_servers');
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'grainline-servers-'));
  const secret = randomBytes(32).toString('base64url');
  nodeA = await startNode('css-a', databaseUrl, secret);
  // css-a holds the lease before css-b starts, so css-b is the backup.
  await expect.poll(() => roleOf(nodeA), { timeout: 30_000 }).toBe('primary');
  nodeB = await startNode('css-b', databaseUrl, secret);
  await expect.poll(() => roleOf(nodeB), { timeout: 30_000 }).toBe('backup');
});

/** A clean stop, or a kill when the node has not exited within `graceMs`. */
async function stopNode(node: RunningServer | undefined, graceMs: number): Promise<void> {
  if (node === undefined || node.process.exitCode !== null || node.process.signalCode !== null) return;
  const stopped = await Promise.race([node.stop('SIGTERM').then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), graceMs))]);
  if (!stopped) {
    console.log(`servers-cluster: ${node.baseUrl} did not stop within ${graceMs} ms; killing it`);
    await node.stop('SIGKILL');
  }
}

test.afterAll(async () => {
  test.setTimeout(90_000);
  await stopNode(nodeB, 15_000);
  // RunningServer.stop() waits for an exit that already happened when a signal ended the process.
  if (nodeA !== undefined && nodeA.process.exitCode === null && nodeA.process.signalCode === null) await nodeA.stop('SIGKILL');
  await postgres?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

async function shoot(page: Page, name: string): Promise<void> {
  if (SHOTS === null) return;
  for (const theme of ['light', 'dark'] as const) {
    await page.evaluate((value) => {
      window.localStorage.setItem('grainline-theme', value);
      document.documentElement.classList.remove('light', 'dark');
      document.documentElement.classList.add(value);
    }, theme);
    await page.screenshot({ path: path.join(SHOTS, `servers-cluster-${name}-${theme}.png`) });
  }
}

test('on the backup: css-a is primary; when it dies css-b takes over, with a toast, and the page and header follow', async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ baseURL: nodeB.baseUrl, storageState: NO_COOKIES, viewport: { width: 1440, height: 900 } });
  try {
    expect((await context.request.post('/api/session', { data: TEST_ADMIN })).status()).toBe(200);
    const page = await context.newPage();
    await page.goto('/servers');

    const badge = page.getByTestId('this-node');
    await expect(badge).toHaveText('css-b · backup');
    await expect(page.getByTestId('servers-summary')).toHaveText('2 nodes running; css-a is the primary.');
    const table = page.getByRole('table', { name: 'Copy Services Servers' });
    const rowOf = (name: string) => table.getByRole('row').filter({ hasText: name });
    await expect(rowOf('css-a')).toContainText('primary');
    await expect(rowOf('css-b')).toContainText('backup');
    await expect(rowOf('css-b')).toContainText('this node');
    await expect(rowOf('css-a')).not.toContainText('this node');
    // Each node's own vendor ports: a backup answers there too, relaying to the primary.
    await expect(rowOf('css-a')).toContainText(`REST ${nodeA.svcPort} · SSH ${nodeA.sshPort} · NBD ${nodeA.nbdPort}`);
    await expect(rowOf('css-b')).toContainText(`REST ${nodeB.svcPort} · SSH ${nodeB.sshPort} · NBD ${nodeB.nbdPort}`);
    const lease = page.getByTestId('lease');
    await expect(lease).toContainText('css-a');
    await expect(lease).toContainText(/Expires\s*in \d+ s/);
    await expect(lease).toContainText(`Lease length${LEASE_MS / 1000} s`);
    // css-a's first lease is in the history too, with no previous primary.
    const takeovers = page.getByRole('table', { name: 'Takeovers' });
    await expect(takeovers.getByRole('row')).toHaveCount(2);
    await expect(takeovers.getByRole('row').nth(1)).toContainText(/css-a\s*none \(first primary\)/);
    const axe = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
    expect(axe.violations.map((violation) => violation.id)).toEqual([]);
    await shoot(page, 'before');

    // The role filter, kept in the URL.
    await page.getByLabel('Role').click();
    await page.getByRole('option', { name: /^backup/ }).click();
    await expect(page).toHaveURL(/\/servers\?role=backup$/);
    await expect(table.getByRole('row')).toHaveCount(2);
    await page.goto('/servers');
    // The tab's first answer is what it knew before: only a takeover after it gets a toast.
    await expect(badge).toHaveText('css-b · backup');
    await expect(rowOf('css-a')).toContainText('primary');

    await nodeA.stop('SIGKILL');
    await expect(page.getByText('css-b took over as primary')).toBeVisible({ timeout: 30_000 });
    await expect(badge).toHaveText('css-b · primary');
    await expect(rowOf('css-b')).toContainText('primary');
    await expect(rowOf('css-a')).toContainText('unreachable', { timeout: 15_000 });
    await expect(page.getByTestId('servers-summary')).toHaveText('1 node running, 1 unreachable; css-b is the primary.');
    await expect(lease).toContainText('css-b');
    await expect(takeovers.getByRole('row')).toHaveCount(3);
    const takeover = takeovers.getByRole('row').nth(1);
    await expect(takeover).toContainText('css-b');
    await expect(takeover).toContainText('css-a');
    await shoot(page, 'after');
  } finally {
    await context.close();
  }
});
