// DS6000 consistency groups with freeze and thaw (docs/domain.md#ds6000-consistency-groups): a
// group on the DS6000 array, one relationship created into it from the wizard with "Freeze sources
// until thawed" and one through the API, the array page's Frozen badge, a host workload on a frozen
// source refused with the array's words on the volume page, then Thaw: confirmed, a toast, the
// badge gone, and the source's writes go through.
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './support/test';
import { advance, arrayOf, createVolume, openLive, setSpeed, uniqueName, writeBytes, type VolumeBody } from './support/fleet';

const MiB = 1024 * 1024;
const LIVE_TIMEOUT_MS = 30_000;

interface CopyBody {
  id: string;
  name: string;
  state: string;
  consistencyGroupId: string | null;
}
interface GroupBody {
  id: string;
  name: string;
  frozen: boolean;
}

async function startWrites(page: Page): Promise<void> {
  const form = page.getByRole('form', { name: 'Host workload settings' });
  await form.getByLabel('IOPS').fill('10');
  await form.getByLabel('Block size (KiB)').fill('64');
  await form.getByLabel('Writes (%)').fill('100');
  await page.getByRole('button', { name: 'Start workload' }).click();
  await expect(page.getByTestId('workload-status')).toHaveText('running');
}

async function cleanUp(request: APIRequestContext, groupId: string | null, volumes: VolumeBody[]): Promise<void> {
  await setSpeed(request, 0);
  for (const volume of volumes) await request.delete(`/api/volumes/${volume.id}/workload`);
  if (groupId !== null) await request.post(`/api/consistency-groups/${groupId}/actions/thaw`, { data: {} });
  const copies = (await (await request.get('/api/copies?type=flashcopy')).json()) as (CopyBody & { sourceVolumeId: string })[];
  for (const copy of copies.filter((candidate) => volumes.some((volume) => volume.id === candidate.sourceVolumeId))) {
    await request.post(`/api/copies/${copy.id}/actions/withdraw`, { data: {} });
    expect([204, 404]).toContain((await request.delete(`/api/copies/${copy.id}`)).status());
  }
  if (groupId !== null) expect([204, 404]).toContain((await request.delete(`/api/consistency-groups/${groupId}?force=true`)).status());
  for (const volume of volumes) expect([204, 404]).toContain((await request.delete(`/api/volumes/${volume.id}`)).status());
  await setSpeed(request, 1);
}

test('freeze two DS6000 sources in a consistency group, see the refusal, thaw from the array page', async ({ page, request }) => {
  test.setTimeout(180_000);
  await setSpeed(request, 0);
  const ds = await arrayOf(request, 'ds6000');
  const pools = ((await (await request.get(`/api/arrays/${ds.id}`)).json()) as { pools: { id: string }[] }).pools;
  const volumes: VolumeBody[] = [];
  let groupId: string | null = null;
  try {
    // One pool, one LSS: FlashCopy source and target share it.
    for (const label of ['src1', 'tgt1', 'src2', 'tgt2'])
      volumes.push(await createVolume(request, ds.id, uniqueName('frz', label), 4 * MiB, { poolId: pools[0]?.id }));
    const [source1, target1, source2, target2] = volumes as [VolumeBody, VolumeBody, VolumeBody, VolumeBody];
    await writeBytes(request, source1.id, 0, MiB, 0x31);
    await writeBytes(request, source2.id, 0, MiB, 0x32);
    const made = await request.post('/api/consistency-groups', { data: { arrayId: ds.id, name: uniqueName('frz', 'grp') } });
    expect(made.status(), await made.text()).toBe(201);
    const group = (await made.json()) as GroupBody;
    groupId = group.id;

    // The first from the wizard: a DS6000 group offers the freeze.
    await openLive(page, `/copies/new?array=${ds.id}&source=${source1.id}&target=${target1.id}&step=options&opt.mode=nocopy&group=${group.id}`);
    await expect(page.getByTestId('wizard-step-title')).toContainText('Step 4 of 5: Options');
    const freeze = page.getByLabel('Freeze sources until thawed (consistency group)');
    // The choice lives in the URL: the box shows it once the URL has it.
    await freeze.click();
    await expect(freeze).toBeChecked();
    await page.screenshot({ path: test.info().outputPath('wizard-freeze-option.png'), fullPage: true });
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByTestId('review-lines')).toContainText(
      `Freezes its source from its point in time: hosts cannot write it (extended long busy) until consistency group ${group.name} is thawed`,
    );
    // The target exists: the engine says its contents are replaced, so its name is typed first.
    await page.getByLabel(/^Type .* to confirm/).fill(target1.name);
    await page.getByRole('button', { name: /^Create/ }).click();
    await expect(page.getByTestId('copy-state')).toHaveText('nocopy', { timeout: LIVE_TIMEOUT_MS });
    await expect(page.getByTestId('group-frozen')).toContainText('Frozen until');

    // The second through the API, ten simulated seconds later: its source is held from its own T0.
    await advance(request, 10);
    const second = await request.post('/api/copies', {
      data: {
        type: 'flashcopy',
        sourceVolumeId: source2.id,
        targetVolumeId: target2.id,
        options: { mode: 'nocopy' },
        consistencyGroupId: group.id,
        freeze: true,
      },
    });
    expect(second.status(), await second.text()).toBe(201);

    await openLive(page, `/arrays/${ds.id}`);
    const row = page.locator(`[data-testid="array-group"][data-group-id="${group.id}"]`);
    await expect(row.getByTestId('group-frozen')).toContainText('Frozen until');
    await expect(row).toContainText('nocopy');
    await row.scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath('array-group-frozen.png') });

    // A host on the frozen source: every write refused, in the array's words, on the volume page.
    await openLive(page, `/volumes/${source1.id}`);
    await startWrites(page);
    await advance(request, 1);
    const refused = page.getByTestId('workload-refused');
    await expect(refused).toContainText('10 writes refused', { timeout: LIVE_TIMEOUT_MS });
    await page.screenshot({ path: test.info().outputPath('volume-frozen-write-refused.png'), fullPage: true });
    await expect(refused).toContainText(`Volume ${source1.name} is frozen by consistency group ${group.name} (extended long busy) until`);
    await expect(page.getByTestId('workload-writes')).toHaveText('0');
    await page.getByRole('button', { name: 'Stop workload' }).click();
    await expect(page.getByTestId('workload-status')).toHaveText('stopped');

    // Thaw from the array page: asked first, then a toast, and the badge goes.
    await openLive(page, `/arrays/${ds.id}`);
    await row.getByRole('button', { name: 'Thaw…' }).click();
    const confirm = page.getByRole('alertdialog', { name: `Thaw consistency group ${group.name}?` });
    await expect(confirm).toContainText('unfreezeflash');
    await confirm.getByRole('button', { name: 'Thaw', exact: true }).click();
    await expect(page.getByText(`Consistency group ${group.name} thawed`)).toBeVisible();
    await expect(row.getByTestId('group-frozen')).toHaveCount(0);
    await expect(row).toContainText('not frozen');
    expect(((await (await request.get(`/api/consistency-groups/${group.id}`)).json()) as GroupBody).frozen).toBe(false);

    // The same host writes now go through.
    await openLive(page, `/volumes/${source1.id}`);
    await startWrites(page);
    await advance(request, 1);
    await expect(page.getByTestId('workload-writes')).toHaveText('10', { timeout: LIVE_TIMEOUT_MS });
    await expect(page.getByTestId('workload-rejected')).toHaveText('0');
  } finally {
    await cleanUp(request, groupId, volumes);
  }
});
