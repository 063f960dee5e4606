// Progress is pushed only for the Copies table's rows in view (lib/realtime/progress-watch.ts): a
// row scrolled into view must catch up at once, showing what the engine says now rather than the
// figures the list was loaded with.
import { expect, test } from './support/test';
import { advance, arrayOf, createVolume, restoreSpeedAfterAll, setSpeed, uniqueName } from './support/fleet';

const MIB = 1024 * 1024;
/** Enough rows that the last is far below the DOM's rows (about 20 at 1280×720, with the overscan of 3). */
const MAPPINGS = 70;
const LIVE_TIMEOUT_MS = 30_000;

interface CopyBody {
  id: string;
  state: string;
  progress: { percent: number };
}

restoreSpeedAfterAll();

test('a copy row scrolled into view shows its current progress', async ({ page, request }) => {
  test.setTimeout(180_000);
  const storwize = await arrayOf(request, 'storwize');
  const prefix = uniqueName('e2e', 'scroll');
  const copyIds: string[] = [];
  const volumeIds: string[] = [];
  await setSpeed(request, 0);
  try {
    const source = await createVolume(request, storwize.id, `${prefix}_src`, 256 * MIB);
    volumeIds.push(source.id);
    for (let i = 0; i < MAPPINGS; i++) {
      const target = await createVolume(request, storwize.id, `${prefix}_t${String(i).padStart(2, '0')}`, 256 * MIB);
      volumeIds.push(target.id);
      // copyRate 50: 2 MiB/s, so a step of a few seconds moves every mapping a few percent.
      const created = await request.post('/api/copies', {
        data: { type: 'flashcopy', sourceVolumeId: source.id, targetVolumeId: target.id, options: { copyRate: 50 } },
      });
      expect(created.status(), await created.text()).toBe(201);
      copyIds.push(((await created.json()) as CopyBody).id);
    }
    // Prepared (2 s) and copying.
    await advance(request, 3);

    // Sorted by target name: t00 on top, the last far below (created at one paused instant, they have no creation order).
    await page.goto(`/copies?q=${encodeURIComponent(prefix)}&sort=target`);
    await expect(page.getByTestId('connection-status')).toHaveText('Live', { timeout: LIVE_TIMEOUT_MS });
    const table = page.getByRole('table', { name: 'Copy relationships' });
    const lastName = `${prefix}_t${String(MAPPINGS - 1).padStart(2, '0')}`;
    const lastRow = table.getByRole('row', { name: new RegExp(lastName) });
    await expect(table.getByRole('row', { name: new RegExp(`${prefix}_t00`) })).toContainText('copying', { timeout: LIVE_TIMEOUT_MS });
    await expect(lastRow).toHaveCount(0);

    // Every mapping moves on while the last row is out of view (and so not pushed to this page).
    await advance(request, 10);
    const lastId = copyIds.at(-1)!;
    const now = ((await (await request.get(`/api/copies/${lastId}`)).json()) as CopyBody).progress.percent;
    expect(now).toBeGreaterThan(3);
    const firstRow = table.getByRole('row', { name: new RegExp(`${prefix}_t00`) });
    await expect(firstRow.getByTestId('copy-percent')).toHaveText(`${now.toFixed(1)}%`, { timeout: LIVE_TIMEOUT_MS });

    await page.getByRole('region', { name: 'Copies table' }).evaluate((region) => region.scrollTo(0, region.scrollHeight));
    await expect(lastRow.getByTestId('copy-percent')).toHaveText(`${now.toFixed(1)}%`, { timeout: 5_000 });
  } finally {
    await setSpeed(request, 10);
    for (const id of copyIds) await request.post(`/api/copies/${id}/actions/stop`, { data: {} });
    for (const id of copyIds)
      await expect
        .poll(async () => ((await (await request.get(`/api/copies/${id}`)).json()) as CopyBody).state, { timeout: LIVE_TIMEOUT_MS })
        .toMatch(/^(stopped|idle_or_copied)$/);
    for (const id of copyIds) await request.delete(`/api/copies/${id}`);
    for (const id of volumeIds) await request.delete(`/api/volumes/${id}`);
  }
});
