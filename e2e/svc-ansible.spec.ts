// An operator's Ansible playbook, with IBM's own modules (ibm.spectrum_virtualize, Debian's
// ansible package), creates and starts a FlashCopy clone on the Storwize array through Grainline's
// Spectrum Virtualize REST API (port 7443, which the collection hard-codes) while the Copies page
// is open: the mapping appears in the table by its name without a reload, its progress moves as
// simulated time is stepped, and once copied it deletes itself (clone = autodelete) and leaves
// the table on its own.
import type { APIRequestContext } from '@playwright/test';
import { runPlaybook } from '../tests/ansible/run-playbook';
import { TEST_ADMIN } from '../tests/support/server';
import { svcClient, waitListening } from '../tests/support/svc-client';
import { expect, test } from './support/test';

const SVC_PORT = 7443;
const MiB = 1024 * 1024;
const LIVE_TIMEOUT_MS = 30_000;

interface CopyBody {
  id: string;
  name: string;
  state: string;
}

async function setSpeed(request: APIRequestContext, speed: number): Promise<void> {
  expect((await request.put('/api/simulation', { data: { speed } })).status()).toBe(200);
}
async function advance(request: APIRequestContext, seconds: number): Promise<void> {
  expect((await request.post('/api/simulation/advance', { data: { seconds } })).status()).toBe(200);
}
async function copyNamed(request: APIRequestContext, arrayId: string, name: string): Promise<CopyBody | undefined> {
  const copies = (await (await request.get(`/api/copies?arrayId=${arrayId}`)).json()) as CopyBody[];
  return copies.find((copy) => copy.name === name);
}

test('a FlashCopy mapping made and started by an Ansible playbook appears on Copies and progresses, live', async ({ page, request }) => {
  test.setTimeout(180_000);
  const arrays = (await (await request.get('/api/arrays')).json()) as { id: string; model: string }[];
  const storwize = arrays.find((candidate) => candidate.model === 'storwize');
  if (storwize === undefined) throw new Error('the demo fleet has a storwize array');
  const stamp = Date.now().toString(36);
  const sourceName = `e2e_ans_${stamp}_src`;
  const targetName = `e2e_ans_${stamp}_tgt`;
  const mappingName = `e2e_ans_${stamp}_map`;
  const previous = ((await (await request.get('/api/simulation')).json()) as { speed: number | 'max' }).speed;
  const volumeIds: string[] = [];
  try {
    const created = await request.post('/api/volumes', { data: { arrayId: storwize.id, name: sourceName, capacityBytes: 64 * MiB } });
    expect(created.status()).toBe(201);
    volumeIds.push(((await created.json()) as { id: string }).id);
    const written = await request.put(`/api/volumes/${volumeIds[0]}/data?offset=0`, {
      data: Buffer.alloc(256 * 1024, 0x5a),
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(written.status()).toBe(204);
    // The SVC REST on 7443 must be this run's console (the volume just made is there), not another one.
    await waitListening(SVC_PORT);
    const svc = await svcClient(SVC_PORT, TEST_ADMIN.username, TEST_ADMIN.password);
    expect((await svc.run('lsvdisk', sourceName, { bytes: true })).status, `port ${SVC_PORT} is not the e2e console: see e2e/support/global-setup.ts`).toBe(
      200,
    );

    await page.goto('/copies');
    await expect(page.getByTestId('connection-status')).toHaveText('Live', { timeout: LIVE_TIMEOUT_MS });
    // Paused: the mapping waits in preparing until the test steps the clock, so nothing races the page.
    await setSpeed(request, 0);
    await expect(page.getByRole('combobox', { name: 'Simulation speed' })).toHaveText('Paused');

    const run = await runPlaybook('svc/create-and-start.yml', {
      clustername: 'localhost',
      username: TEST_ADMIN.username,
      password: TEST_ADMIN.password,
      log_path: '/dev/null',
      mapping_name: mappingName,
      source: sourceName,
      target: targetName,
      copytype: 'clone',
      copyrate: '50',
    });
    expect(run.code, run.output).toBe(0);
    expect(
      run.results.map((task) => [task.changed, task.failed]),
      run.output,
    ).toEqual([
      [true, false],
      [true, false],
    ]);
    const mapping = await copyNamed(request, storwize.id, mappingName);
    expect(mapping?.state).toBe('preparing');
    const target = ((await (await request.get(`/api/volumes?arrayId=${storwize.id}`)).json()) as { id: string; name: string }[]).find(
      (v) => v.name === targetName,
    );
    if (target !== undefined) volumeIds.push(target.id);

    // The row is found by the mapping's name (the table's Name column), pushed without a reload.
    const row = page.getByRole('table', { name: 'Copy relationships' }).getByRole('row', { name: new RegExp(mappingName) });
    await expect(row).toContainText('preparing', { timeout: LIVE_TIMEOUT_MS });
    await expect(row.getByRole('cell', { name: mappingName, exact: true })).toBeVisible();
    await expect(row).toContainText(sourceName);
    await expect(row).toContainText(targetName);
    await expect(row.getByTestId('copy-percent')).toHaveText('0.0%');

    // 2 s of prepare, then 2 s at rate 50 (2 MiB/s): a few percent of the 64 MiB are copied…
    const percent = async () => Number.parseFloat((await row.getByTestId('copy-percent').textContent()) ?? 'NaN');
    await advance(request, 4);
    await expect(row).toContainText('copying', { timeout: LIVE_TIMEOUT_MS });
    await expect.poll(percent, { timeout: LIVE_TIMEOUT_MS }).toBeGreaterThan(0);
    const early = await percent();
    expect(early).toBeLessThan(10);
    // …and 16 s more copy a good half: the open table's progress moves with the mapping's.
    await advance(request, 16);
    await expect.poll(percent, { timeout: LIVE_TIMEOUT_MS }).toBeGreaterThan(50);
    expect(await percent()).toBeLessThan(100);

    // The rest copies; the clone deletes itself and its row leaves the table on its own.
    await advance(request, 20);
    await expect.poll(async () => (await copyNamed(request, storwize.id, mappingName))?.state ?? 'deleted').toBe('deleted');
    await expect(page.getByRole('row', { name: new RegExp(mappingName) })).toHaveCount(0, { timeout: LIVE_TIMEOUT_MS });
    await expect(page.getByTestId('connection-status')).toHaveText('Live');
  } finally {
    await setSpeed(request, typeof previous === 'number' ? previous : 1);
    const left = await copyNamed(request, storwize.id, mappingName);
    if (left !== undefined) {
      await request.post(`/api/copies/${left.id}/actions/stop`, { data: {} });
      await request.delete(`/api/copies/${left.id}`);
    }
    for (const id of volumeIds) await request.delete(`/api/volumes/${id}`);
  }
});
