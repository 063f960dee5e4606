// Two people, two browsers: what one does, the other sees at once, without a reload.
import { expect, test } from './support/test';
import { ADMIN_STATE } from './support/chromium';

test('a split made in one browser shows as PSUS in the other, live', async ({ browser, baseURL, request }) => {
  test.setTimeout(120_000);
  const arrays = (await (await request.get('/api/arrays')).json()) as { id: string; model: string }[];
  const xp7 = arrays.find((candidate) => candidate.model === 'xp7');
  if (xp7 === undefined) throw new Error('the demo fleet has an xp7 array');
  const stamp = Date.now().toString(36);
  const previous = ((await (await request.get('/api/simulation')).json()) as { speed: number | 'max' }).speed;
  expect((await request.put('/api/simulation', { data: { speed: 0 } })).status()).toBe(200);
  const volumeIds: string[] = [];
  let copyId = '';
  try {
    for (const role of ['p', 's']) {
      const created = await request.post('/api/volumes', { data: { arrayId: xp7.id, name: `two_${stamp}_${role}`, capacityBytes: 1024 * 1024 } });
      volumeIds.push(((await created.json()) as { id: string }).id);
    }
    const created = await request.post('/api/copies', { data: { type: 'shadowimage', sourceVolumeId: volumeIds[0], targetVolumeId: volumeIds[1] } });
    copyId = ((await created.json()) as { id: string }).id;
    expect((await request.post('/api/simulation/advance', { data: { seconds: 30 } })).status()).toBe(200);

    const first = await browser.newContext({ baseURL, storageState: ADMIN_STATE });
    const second = await browser.newContext({ baseURL, storageState: ADMIN_STATE });
    const pageA = await first.newPage();
    const pageB = await second.newPage();
    for (const page of [pageA, pageB]) {
      await page.goto(`/copies?q=two_${stamp}`);
      await expect(page.getByTestId('connection-status')).toHaveText('Live');
      await expect(page.getByRole('row', { name: new RegExp(`two_${stamp}_p`) })).toContainText('PAIR');
    }

    const rowA = pageA.getByRole('row', { name: new RegExp(`two_${stamp}_p`) });
    await rowA.getByRole('button', { name: /^Actions for/ }).click();
    await pageA.getByRole('menuitem', { name: 'Split (quick)…' }).click();
    await pageA.getByRole('alertdialog', { name: 'Split (quick)?' }).getByRole('button', { name: 'Split (quick)', exact: true }).click();
    await expect(rowA).toContainText('PSUS');
    await expect(pageB.getByRole('row', { name: new RegExp(`two_${stamp}_p`) })).toContainText('PSUS');
    await first.close();
    await second.close();
  } finally {
    await request.put('/api/simulation', { data: { speed: previous } });
    if (copyId !== '') await request.delete(`/api/copies/${copyId}`);
    for (const id of volumeIds) await request.delete(`/api/volumes/${id}`);
  }
});
