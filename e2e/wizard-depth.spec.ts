// The wizard's service-specific options and group actions (docs/domain.md): Storwize's GUI presets
// set the options they stand for and turn to Custom when one is edited; an XP7 pair takes the MU
// number asked for and joins a new consistency group (CTG); a second pair joins it, and the
// array page splits the whole group at one instant after a confirmation.
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './support/test';
import { advance, arrayOf, createVolume, openLive, restoreSpeedAfterAll, setSpeed, uniqueName, type VolumeBody } from './support/fleet';

const MiB = 1024 * 1024;
const LIVE_TIMEOUT_MS = 30_000;

interface PairBody {
  id: string;
  name: string;
  state: string;
  options: { mu?: number };
  consistencyGroupId: string | null;
  pointInTime: string | null;
}

async function choose(page: Page, label: string, option: RegExp | string): Promise<void> {
  await page.getByLabel(label, { exact: true }).click();
  await page.getByRole('option', { name: option }).click();
}

restoreSpeedAfterAll();

test('Storwize presets fill the options they stand for, and editing one shows Custom', async ({ page, request }) => {
  const array = await arrayOf(request, 'storwize');
  const source = await createVolume(request, array.id, uniqueName('preset', 'src'), 4 * MiB);
  const target = await createVolume(request, array.id, uniqueName('preset', 'tgt'), 4 * MiB);
  try {
    await openLive(page, `/copies/new?array=${array.id}&source=${source.id}&target=${target.id}&step=options`);
    await expect(page.getByLabel('Preset', { exact: true })).toContainText('Custom');
    await choose(page, 'Preset', /^Snapshot/);
    await expect(page.getByLabel('Copy rate')).toHaveValue('0');
    await expect(page.getByTestId('option-preset')).toContainText('no background copy (rate 0)');
    await choose(page, 'Preset', /^Clone/);
    await expect(page.getByLabel('Copy rate')).toHaveValue('50');
    await expect(page.getByLabel('Delete when copied')).toBeChecked();
    await expect(page).toHaveURL(/opt\.autoDelete=true/);
    await page.getByLabel('Copy rate').fill('60');
    await expect(page.getByLabel('Preset', { exact: true })).toContainText('Custom');
  } finally {
    for (const volume of [source, target]) await request.delete(`/api/volumes/${volume.id}`);
  }
});

async function removePairs(request: APIRequestContext, pairs: PairBody[], groupId: string | null, volumes: VolumeBody[]): Promise<void> {
  for (const pair of pairs) await request.delete(`/api/copies/${pair.id}`);
  // A pair passes through SMPL(PD) for a simulated second before it lets go.
  await advance(request, 3);
  if (groupId !== null) await request.delete(`/api/consistency-groups/${groupId}?force=true`);
  for (const volume of volumes) await request.delete(`/api/volumes/${volume.id}`);
}

test('an XP7 pair takes the MU number asked for and a new CTG; the array page splits the group at one instant', async ({ page, request }) => {
  test.setTimeout(180_000);
  await setSpeed(request, 0);
  const array = await arrayOf(request, 'xp7');
  const volumes: VolumeBody[] = [];
  for (const label of ['p1', 's1', 'p2', 's2']) volumes.push(await createVolume(request, array.id, uniqueName('ctg', label), 4 * MiB));
  const [p1, s1, p2, s2] = volumes as [VolumeBody, VolumeBody, VolumeBody, VolumeBody];
  const pairs: PairBody[] = [];
  let groupId: string | null = null;
  const groupName = uniqueName('ctg', 'grp');
  try {
    await openLive(page, `/copies/new?array=${array.id}&source=${p1.id}&target=${s1.id}&step=options`);
    await choose(page, 'MU number', /^1/);
    await choose(page, 'Consistency group', 'New group…');
    await page.getByLabel('New group name').fill(groupName);
    await expect(page.getByTestId('option-group')).toContainText('splitting the group splits all its pairs at one instant');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel(/^Type .* to confirm/).fill(s1.name);
    await page.getByRole('button', { name: /^Create/ }).click();
    await expect(page).toHaveURL(/\/copies\/(?!new\b)[^/?]+$/);
    const firstId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
    const first = (await (await request.get(`/api/copies/${firstId}`)).json()) as PairBody;
    pairs.push(first);
    expect(first.options.mu).toBe(1);
    groupId = first.consistencyGroupId;
    expect(groupId).not.toBeNull();

    const second = await request.post('/api/copies', {
      data: { type: 'shadowimage', sourceVolumeId: p2.id, targetVolumeId: s2.id, consistencyGroupId: groupId },
    });
    expect(second.status(), await second.text()).toBe(201);
    pairs.push((await second.json()) as PairBody);
    await advance(request, 60);

    await openLive(page, `/arrays/${array.id}`);
    const row = page.getByTestId('array-group').filter({ hasText: groupName });
    await expect(row).toContainText('PAIR');
    await row.getByRole('button', { name: `Actions for consistency group ${groupName}` }).click();
    await page.getByRole('menuitem', { name: /^Split \(quick\)/ }).click();
    const confirm = page.getByRole('alertdialog', { name: `Split (quick): consistency group ${groupName}?` });
    await expect(confirm).toContainText('applies to all 2 ShadowImage pairs');
    await confirm.getByRole('button', { name: 'Split (quick)', exact: true }).click();
    await expect(page.getByText(`Split (quick): consistency group ${groupName}`)).toBeVisible();
    await expect(row).toContainText('PSUS', { timeout: LIVE_TIMEOUT_MS });
    await page.screenshot({ path: test.info().outputPath('array-ctg-split.png'), fullPage: true });
    const after = await Promise.all(pairs.map(async (pair) => (await (await request.get(`/api/copies/${pair.id}`)).json()) as PairBody));
    expect(after.map((pair) => pair.state)).toEqual(['PSUS', 'PSUS']);
    expect(new Set(after.map((pair) => pair.pointInTime)).size).toBe(1);
  } finally {
    await removePairs(request, pairs, groupId, volumes);
    await setSpeed(request, 1);
  }
});

test('bulk: a target picked by hand for one source, new volumes for the rest when asked, in the URL and in the copies made', async ({ page, request }) => {
  test.setTimeout(180_000);
  const array = await arrayOf(request, 'santricity');
  const size = 4 * MiB + 512 * (1 + (Date.now() % 1000));
  const label = uniqueName('bulk', 'pick');
  const s1 = await createVolume(request, array.id, `${label}_s1`, size);
  const s2 = await createVolume(request, array.id, `${label}_s2`, size);
  const spare = await createVolume(request, array.id, `${label}_spare`, size);
  const made: string[] = [];
  try {
    await openLive(page, `/copies/new?array=${array.id}&bulk=1&source=${s1.id}&source=${s2.id}&step=target`);
    const pairs = page.getByRole('table', { name: 'Matched pairs' });
    // Matching gives the spare to the first source; the second is given it by hand instead.
    await expect(pairs.getByTestId('bulk-pair').first()).toContainText(spare.name);
    await page.getByLabel(`Target for ${s2.name}`).click();
    await page.getByRole('option', { name: spare.name }).click();
    await expect(page).toHaveURL(new RegExp(`t\\.${s2.id}=${spare.id}`));
    await expect(pairs.getByTestId('bulk-pair').nth(1)).toContainText(spare.name);
    // The first source is matched around the pick (SANtricity takes a larger target too).
    await expect(pairs.getByTestId('bulk-pair').first()).not.toContainText(spare.name);
    // The box follows the URL a moment after the click: wait for it rather than check() at once.
    const alwaysNew = page.getByLabel('Always create new target volumes');
    await alwaysNew.click();
    await expect(alwaysNew).toBeChecked();
    await expect(page).toHaveURL(/new=1/);
    await expect(pairs.getByTestId('bulk-pair').first()).toContainText(`${s1.name}_copy`);
    await expect(pairs.getByTestId('bulk-pair').nth(1)).toContainText(spare.name);
    await page.screenshot({ path: test.info().outputPath('bulk-picked-target.png'), fullPage: true });
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel(/^Type .* to confirm/).fill('overwrite');
    await page.getByRole('button', { name: /^Create.* 2 copies/ }).click();
    await expect(page.getByRole('heading', { name: '2 of 2 copies created' })).toBeVisible();
    const copies = (await (await request.get(`/api/copies?type=volume-copy&arrayId=${array.id}`)).json()) as {
      id: string;
      sourceVolumeId: string;
      targetVolumeId: string;
    }[];
    const ofS2 = copies.find((copy) => copy.sourceVolumeId === s2.id);
    const ofS1 = copies.find((copy) => copy.sourceVolumeId === s1.id);
    made.push(...[ofS1, ofS2].flatMap((copy) => (copy === undefined ? [] : [copy.id])));
    expect(ofS2?.targetVolumeId).toBe(spare.id);
    const newTarget = (await (await request.get(`/api/volumes/${ofS1?.targetVolumeId ?? ''}`)).json()) as { name: string };
    expect(newTarget.name).toBe(`${s1.name}_copy`);
    made.push(`volume:${ofS1?.targetVolumeId ?? ''}`);
  } finally {
    for (const id of made.filter((entry) => !entry.startsWith('volume:'))) {
      await request.post(`/api/copies/${id}/actions/stop`, { data: {} });
      await request.delete(`/api/copies/${id}`);
    }
    for (const id of [s1.id, s2.id, spare.id, ...made.filter((entry) => entry.startsWith('volume:')).map((entry) => entry.slice(7))])
      await request.delete(`/api/volumes/${id}`);
  }
});
