// A host attached over NBD shows on the volume's page while it is attached: qemu-io (Debian's
// qemu-utils) opens the volume with an API token, writes, and the page's host I/O section shows
// the connection and the writes without a reload; when qemu-io quits, the connection goes.
import { spawn } from 'node:child_process';
import { E2E_NBD_PORT } from './support/chromium';
import { arrayOf, createVolume, uniqueName } from './support/fleet';
import { expect, test } from './support/test';

const MiB = 1024 * 1024;

test('a qemu-io host attached over NBD shows on the volume page, live, with its writes', async ({ page, request }) => {
  test.skip(process.env.GRAINLINE_E2E_URL !== undefined, 'the NBD port of an outside server is not known');
  const array = await arrayOf(request, 'storwize');
  const volume = await createVolume(request, array.id, uniqueName('e2e', 'nbd'), 16 * MiB);
  const tokenResponse = await request.post('/api/tokens', { data: { name: uniqueName('e2e', 'nbd-token') } });
  expect(tokenResponse.status()).toBe(201);
  const { secret } = (await tokenResponse.json()) as { secret: string };

  await page.goto(`/volumes/${volume.id}`);
  const hostIo = page.getByTestId('host-io');
  await expect(hostIo.getByText('No host is attached over NBD.')).toBeVisible();

  const uri = `nbd://127.0.0.1:${E2E_NBD_PORT}/${encodeURIComponent(`${volume.name}?token=${secret}`)}`;
  const qemu = spawn('qemu-io', ['-f', 'raw', uri], { stdio: ['pipe', 'pipe', 'pipe'] });
  try {
    qemu.stdin.write('write -P 0x5a 0 64k\n');
    await expect(hostIo.getByRole('list', { name: 'NBD connections' })).toContainText(/NBD: admin from 127\.0\.0\.1, read-write/, { timeout: 15_000 });
    await expect(page.getByTestId('host-io-writes')).toHaveAttribute('data-writes', '1', { timeout: 15_000 });
    await expect(page.getByTestId('host-io-writes')).toContainText('64 KiB');
  } finally {
    qemu.stdin.end('quit\n');
    await new Promise<void>((resolve) => qemu.once('exit', () => resolve()));
  }
  await expect(hostIo.getByText('No host is attached over NBD.')).toBeVisible({ timeout: 15_000 });
  // The bytes are the volume's: read back through the API.
  const read = await request.get(`/api/volumes/${volume.id}/data?offset=0&length=16`);
  expect([...(await read.body())]).toEqual(Array(16).fill(0x5a));
});
