// SANtricity snapshot volumes from the volume page: taking one (its repository a share of the
// base), watching its repository fill live as the base changes, restoring it onto its base with a
// volume copy made in the wizard (which says it is a restore and copies only what differs), and
// re-creating it after a confirmation.
import { type APIRequestContext } from '@playwright/test';
import { expect, test } from './support/test';
import { arrayOf, createVolume, nextStep, restoreSpeedAfterAll, setSpeed, uniqueName, writeBytes } from './support/fleet';

const MiB = 1024 * 1024;
const LIVE_TIMEOUT_MS = 30_000;

interface VolumeWithSnapshot {
  id: string;
  name: string;
  roles: string[];
  snapshot: { baseVolumeId: string; state: string; repositoryUsedBytes: number; repositoryCapacityBytes: number } | null;
}

async function volumeOf(request: APIRequestContext, id: string): Promise<VolumeWithSnapshot> {
  return (await (await request.get(`/api/volumes/${id}`)).json()) as VolumeWithSnapshot;
}

async function bytesOf(request: APIRequestContext, id: string, lengthBytes: number): Promise<Buffer> {
  const response = await request.get(`/api/volumes/${id}/data?offset=0&length=${lengthBytes}`);
  expect(response.status()).toBe(200);
  return Buffer.from(await response.body());
}

restoreSpeedAfterAll();

test('a snapshot taken on the volume page fills its repository live, restores onto its base from the wizard, and is re-created', async ({ page, request }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1440, height: 1000 });
  const array = await arrayOf(request, 'santricity');
  const base = await createVolume(request, array.id, uniqueName('snap', 'base'), 4 * MiB);
  const created: string[] = [];
  try {
    await setSpeed(request, 1);
    await writeBytes(request, base.id, 0, 4 * MiB, 0x5a);
    await page.goto(`/volumes/${base.id}`);
    await expect(page.getByTestId('connection-status')).toHaveText('Live', { timeout: LIVE_TIMEOUT_MS });
    const panel = page.getByRole('region', { name: 'Snapshots' });
    await expect(panel).toContainText('No snapshots.');

    await panel.getByRole('button', { name: 'Take snapshot…' }).click();
    const dialog = page.getByRole('dialog', { name: `Take a snapshot of ${base.name}` });
    await dialog.getByLabel('Repository').click();
    await page.getByRole('option', { name: /50 % of the base/ }).click();
    await dialog.getByRole('button', { name: 'Take snapshot' }).click();
    const snapshotName = `${base.name}-1`;
    await expect(page.getByText(`Snapshot ${snapshotName} taken`)).toBeVisible();
    const row = panel.getByRole('row').filter({ hasText: snapshotName });
    await expect(row).toContainText('optimal');
    await expect(row.getByTestId('snapshot-repository')).toContainText('0 B of 2 MiB (0 %)');
    const snapshotId = (
      (await request.get(`/api/volumes?arrayId=${array.id}&q=${encodeURIComponent(snapshotName)}`).then((r) => r.json())) as VolumeWithSnapshot[]
    )[0]!.id;
    created.push(snapshotId);

    // The base changes: the snapshot saves the old data, and the page shows its repository filling, live.
    await writeBytes(request, base.id, 0, MiB, 0x11);
    await expect(row.getByTestId('snapshot-repository')).toContainText('1 MiB of 2 MiB (50 %)', { timeout: LIVE_TIMEOUT_MS });
    await page.screenshot({ path: test.info().outputPath('base-with-snapshot.png'), fullPage: true });

    await row.getByRole('link', { name: snapshotName }).click();
    const snapshotPanel = page.getByRole('region', { name: 'Snapshot', exact: true });
    await expect(snapshotPanel.getByTestId('snapshot-state')).toHaveText('optimal');
    await expect(snapshotPanel.getByRole('link', { name: base.name, exact: true })).toBeVisible();
    expect((await bytesOf(request, snapshotId, MiB)).equals(Buffer.alloc(MiB, 0x5a))).toBe(true);
    await page.screenshot({ path: test.info().outputPath('snapshot-volume.png'), fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: test.info().outputPath('snapshot-volume-dark.png'), fullPage: true });
    await page.emulateMedia({ colorScheme: 'light' });

    // Restore: the wizard opens with the snapshot as the source and its base as the target.
    await snapshotPanel.getByRole('link', { name: `Restore to ${base.name}…` }).click();
    await expect(page).toHaveURL(/\/copies\/new\?/);
    await nextStep(page);
    await expect(page.getByTestId('review-lines')).toContainText(
      `A restore: ${base.name} goes back to snapshot ${snapshotName}'s point-in-time image. Only the 1 MiB that differ are copied`,
    );
    await page.getByLabel(/^Type .* to confirm/).fill(base.name);
    await page.getByRole('button', { name: 'Create and start' }).click();
    await expect(page).toHaveURL(/\/copies\/(?!new\b)[^/?]+$/);
    const copyId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
    await expect(page.getByTestId('copy-state')).toHaveText('completed', { timeout: LIVE_TIMEOUT_MS });
    expect((await bytesOf(request, base.id, 4 * MiB)).equals(Buffer.alloc(4 * MiB, 0x5a))).toBe(true);
    expect((await request.delete(`/api/copies/${copyId}`)).status()).toBe(204);
    expect((await volumeOf(request, snapshotId)).roles).toEqual(['snapshot']);

    // Re-create: asked first, then a new point in time with an empty repository.
    await page.goto(`/volumes/${snapshotId}`);
    await page.getByRole('button', { name: 'Re-create…' }).click();
    const confirm = page.getByRole('alertdialog', { name: `Re-create snapshot ${snapshotName}?` });
    await expect(confirm).toContainText('Its repository is emptied');
    await confirm.getByRole('button', { name: 'Re-create', exact: true }).click();
    await expect(page.getByText(`Snapshot ${snapshotName} re-created`)).toBeVisible();
    await expect(page.getByRole('region', { name: 'Snapshot', exact: true }).getByTestId('snapshot-repository')).toContainText('0 B of 2 MiB (0 %)');
  } finally {
    for (const id of created) await request.delete(`/api/volumes/${id}`);
    await request.delete(`/api/volumes/${base.id}`);
  }
});
