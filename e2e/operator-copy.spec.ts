// An operator the admin created starts a copy from the Copies table; the action, its confirmation
// and its outcome are the operator's, and the audit says so.
import { expect, test } from './support/test';
import { anonymousContext, createUser, signInThroughForm } from './support/users';

test('a new operator starts a FlashCopy mapping from the Copies table after confirming', async ({ browser, baseURL, request }) => {
  const operator = await createUser(request, 'operator');
  const arrays = (await (await request.get('/api/arrays')).json()) as { id: string; model: string }[];
  const storwize = arrays.find((candidate) => candidate.model === 'storwize');
  if (storwize === undefined) throw new Error('the demo fleet has a storwize array');
  const stamp = Date.now();
  const volumeIds: string[] = [];
  for (const suffix of ['src', 'tgt']) {
    const created = await request.post('/api/volumes', { data: { arrayId: storwize.id, name: `e2e_op_${stamp}_${suffix}`, capacityBytes: 1024 * 1024 } });
    expect(created.status()).toBe(201);
    volumeIds.push(((await created.json()) as { id: string }).id);
  }
  const created = await request.post('/api/copies', { data: { type: 'flashcopy', sourceVolumeId: volumeIds[0], targetVolumeId: volumeIds[1], start: false } });
  expect(created.status()).toBe(201);
  const copyId = ((await created.json()) as { id: string }).id;
  // Paused, the started mapping stays in preparing: nothing races the assertions.
  const previous = ((await (await request.get('/api/simulation')).json()) as { speed: number | 'max' }).speed;
  expect((await request.put('/api/simulation', { data: { speed: 0 } })).status()).toBe(200);

  const context = await anonymousContext(browser, baseURL);
  const page = await context.newPage();
  await signInThroughForm(page, operator.username, operator.password, '/copies');
  await expect(page.getByTestId('session-role')).toHaveText('operator');
  const row = page.getByRole('table', { name: 'Copy relationships' }).getByRole('row', { name: new RegExp(`e2e_op_${stamp}_src`) });
  await expect(row).toContainText('idle_or_copied');

  // Stop is not allowed from idle_or_copied: shown, disabled, with the table's reason.
  await row.getByRole('button', { name: /^Actions for/ }).click();
  await expect(page.getByRole('menuitem', { name: /^Stop/ })).toHaveAttribute('aria-disabled', 'true');
  await expect(page.getByRole('menuitem', { name: /^Stop/ })).toContainText('not allowed while the mapping is idle or copied');

  // Start replaces the target's contents, so it asks first; cancel changes nothing.
  await page.getByRole('menuitem', { name: /^Start/ }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Start?' });
  await expect(confirm).toContainText('replaced by the source’s point-in-time image');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  expect(((await (await request.get(`/api/copies/${copyId}`)).json()) as { state: string }).state).toBe('idle_or_copied');

  await row.getByRole('button', { name: /^Actions for/ }).click();
  await page.getByRole('menuitem', { name: /^Start/ }).click();
  await page.getByRole('alertdialog', { name: 'Start?' }).getByRole('button', { name: 'Start' }).click();
  // Start lands in preparing, which the mapping leaves by itself: the toast says it was requested.
  await expect(page.getByText(/^Start requested: fcmap\d+ is preparing$/)).toBeVisible();
  await expect(row).toContainText('preparing');
  expect(((await (await request.get(`/api/copies/${copyId}`)).json()) as { state: string }).state).toBe('preparing');

  // The audit line names the operator and the outcome.
  await page.goto(`/events?category=audit&actor=${operator.username}`);
  await expect(page.getByRole('row', { name: new RegExp(`POST /api/copies/${copyId}/actions/start`) })).toContainText('succeeded 200');
  await context.close();

  await request.put('/api/simulation', { data: { speed: previous } });
  await request.post(`/api/copies/${copyId}/actions/stop`, { data: {} });
  await request.delete(`/api/copies/${copyId}`);
  for (const id of volumeIds) await request.delete(`/api/volumes/${id}`);
});
