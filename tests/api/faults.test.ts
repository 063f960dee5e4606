// Controllers and injected faults over HTTP against the real server (paused clock, stepped):
// failover and failback, each fault's state change and its recovery, bad input refused with
// nothing changed, and faults kept across a restart.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, type ApiErrorBody } from '../support/api';
import { adminToken, bearer, createTokenAs, signIn } from '../support/auth';
import { startServer, type RunningServer } from '../support/server';

let server: RunningServer;
let token = '';
const api = apiClient(
  () => server.baseUrl,
  () => bearer(token),
);
const { get, post, put, del } = api;
const GiB = 1024 ** 3;

interface Volume {
  id: string;
  name: string;
  currentOwner: string;
  preferredOwner: string;
  status: string;
}
interface Copy {
  id: string;
  name: string;
  state: string;
  actions: { action: string; allowed: boolean; reason?: string }[];
}
interface ArrayDto {
  id: string;
  name: string;
  model: string;
  controllers: { slot: string; status: string; volumeCount: number }[];
}
interface Fault {
  id: string;
  kind: string;
  arrayId: string;
  targetName: string;
  since: string;
  effect: string;
}

async function arrayOf(model: string): Promise<ArrayDto> {
  const found = (await get<ArrayDto[]>('/api/arrays')).body.find((a) => a.model === model);
  if (!found) throw new Error(`no ${model} array`);
  return found;
}
async function volume(model: string, name: string, preferredOwner: 'A' | 'B'): Promise<Volume> {
  const created = await post<Volume>('/api/volumes', { arrayId: (await arrayOf(model)).id, name, capacityBytes: GiB, preferredOwner });
  expect(created.status).toBe(201);
  return created.body;
}
async function copy(id: string): Promise<Copy> {
  return (await get<Copy>(`/api/copies/${id}`)).body;
}
async function advance(seconds: number): Promise<void> {
  expect((await post('/api/simulation/advance', { seconds })).status).toBe(200);
}
async function faults(): Promise<Fault[]> {
  return (await get<Fault[]>('/api/faults')).body;
}
/** The error shape of docs/api.md#errors, with its message. */
function refusal(result: { status: number; body: unknown }, status: number): string {
  expect(result.status).toBe(status);
  const body = result.body as ApiErrorBody;
  expect(typeof body.error.code).toBe('string');
  return body.error.message;
}

beforeAll(async () => {
  server = await startServer();
  token = await adminToken(server.baseUrl, server.dataDir);
  expect((await put('/api/simulation', { speed: 0 })).status).toBe(200);
});

afterAll(async () => {
  await server?.stop();
  if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
});

describe('controllers', () => {
  it('fails A while a volume copy runs: its volumes move to B with the copy; restore brings them back', async () => {
    const array = await arrayOf('santricity');
    const source = await volume('santricity', 'ft_vc_src', 'A');
    const target = await volume('santricity', 'ft_vc_tgt', 'B');
    const created = await post<Copy>('/api/copies', {
      type: 'volume-copy',
      sourceVolumeId: source.id,
      targetVolumeId: target.id,
      options: { priority: 'lowest' },
    });
    expect(created.body.state).toBe('in-progress');
    await advance(5);
    const onA = (await get<Volume[]>(`/api/volumes?arrayId=${array.id}&owner=A`)).body;
    expect(onA.map((v) => v.id)).toContain(target.id); // moved to the source's controller for the copy

    const failed = await post<ArrayDto>(`/api/arrays/${array.id}/controllers/A/fail`);
    expect(failed.status).toBe(200);
    expect(failed.body.controllers.map((c) => [c.slot, c.status])).toEqual([
      ['A', 'offline'],
      ['B', 'online'],
    ]);
    expect(failed.body.controllers[0]!.volumeCount).toBe(0);
    const all = (await get<Volume[]>(`/api/volumes?arrayId=${array.id}`)).body;
    expect(all.every((v) => v.currentOwner === 'B')).toBe(true);
    expect(all.find((v) => v.id === source.id)?.preferredOwner).toBe('A');
    expect((await copy(created.body.id)).state).toBe('in-progress');
    const [fault] = await faults();
    expect(fault).toMatchObject({
      kind: 'controller-failure',
      arrayId: array.id,
      targetName: 'controller A',
      effect: `${onA.length} volumes move to controller B; copies continue there`,
    });
    // Host writes go through the survivor.
    const other = all.find((v) => v.preferredOwner === 'A' && v.id !== source.id)!;
    expect((await api.putBytes(`/api/volumes/${other.id}/data?offset=0`, new Uint8Array(512).fill(7))).status).toBe(204);

    expect(refusal(await post(`/api/arrays/${array.id}/controllers/A/fail`), 409)).toMatch(/already offline/);
    expect(refusal(await post(`/api/arrays/${array.id}/controllers/B/restore`), 409)).toMatch(/is online: there is nothing to restore/);
    expect(refusal(await post(`/api/arrays/${array.id}/controllers/C/fail`), 404)).toMatch(/no controller "C"/);
    expect(refusal(await post('/api/arrays/nope/controllers/A/fail'), 404)).toMatch(/does not exist/);
    expect(refusal(await get(`/api/arrays/${array.id}/controllers/A/fail`), 405)).toMatch(/takes POST/);

    const restored = await post<ArrayDto>(`/api/arrays/${array.id}/controllers/A/restore`);
    expect(restored.body.controllers.map((c) => c.status)).toEqual(['online', 'online']);
    const back = (await get<Volume[]>(`/api/volumes?arrayId=${array.id}`)).body;
    expect(back.find((v) => v.id === source.id)?.currentOwner).toBe('A');
    expect(back.find((v) => v.id === target.id)?.currentOwner).toBe('A'); // with its source until the copy ends
    expect(back.filter((v) => v.id !== target.id).every((v) => v.currentOwner === v.preferredOwner)).toBe(true);
    expect(await faults()).toEqual([]);
    const events = (await get<{ kind: string; details: Record<string, unknown> }[]>(`/api/events?arrayId=${array.id}&limit=1000`)).body;
    expect(events.filter((e) => e.kind === 'controller.changed').map((e) => e.details.to)).toEqual(['online', 'offline']);
    expect(events.some((e) => e.kind === 'fault.injected' && e.details.faultKind === 'controller-failure')).toBe(true);
    expect(events.some((e) => e.kind === 'volume.owner-changed')).toBe(true);
    expect((await del(`/api/copies/${created.body.id}`)).status).toBe(204);
  });

  it('refuses monitors (403) and changes nothing', async () => {
    expect((await post('/api/users', { username: 'ft-monitor', password: 'monitor-password-1', role: 'monitor' })).status).toBe(201);
    const monitorToken = await createTokenAs(server.baseUrl, await signIn(server.baseUrl, 'ft-monitor', 'monitor-password-1'), 'ft monitor');
    const asMonitor = apiClient(
      () => server.baseUrl,
      () => bearer(monitorToken),
    );
    const array = await arrayOf('xp7');
    expect((await asMonitor.post(`/api/arrays/${array.id}/controllers/A/fail`)).status).toBe(403);
    expect((await asMonitor.post('/api/faults', { kind: 'controller-failure', arrayId: array.id, slot: 'A' })).status).toBe(403);
    expect((await asMonitor.get('/api/faults')).status).toBe(200);
    expect((await arrayOf('xp7')).controllers.map((c) => c.status)).toEqual(['online', 'online']);
  });
});

describe('faults', () => {
  it('refuses bad input with 400/404/409/422 and changes nothing', async () => {
    const source = await volume('storwize', 'ft_fc_src', 'A');
    const target = await volume('storwize', 'ft_fc_tgt', 'B');
    const idle = await post<Copy>('/api/copies', { type: 'flashcopy', sourceVolumeId: source.id, targetVolumeId: target.id, start: false });
    const vc = await post<Copy>('/api/copies', {
      type: 'volume-copy',
      sourceVolumeId: (await volume('santricity', 'ft_bad_src', 'A')).id,
      targetVolumeId: (await volume('santricity', 'ft_bad_tgt', 'A')).id,
      start: false,
    });
    const before = JSON.stringify([(await get('/api/volumes')).body, (await get('/api/copies')).body, (await get('/api/arrays')).body]);
    expect(refusal(await post('/api/faults', {}), 400)).toBeTruthy();
    expect(refusal(await post('/api/faults', { kind: 'meteor-strike', volumeId: source.id }), 400)).toBeTruthy();
    expect(refusal(await post('/api/faults', { kind: 'volume-io-error' }), 400)).toBeTruthy();
    expect(refusal(await post('/api/faults', { kind: 'volume-io-error', volumeId: source.id, extra: 1 }), 400)).toBeTruthy();
    expect(refusal(await post('/api/faults', { kind: 'controller-failure', arrayId: (await arrayOf('xp7')).id, slot: 'C' }), 400)).toBeTruthy();
    expect(refusal(await api.call('POST', '/api/faults', undefined, '{"kind":'), 400)).toBeTruthy();
    expect(refusal(await post('/api/faults', { kind: 'volume-io-error', volumeId: 'nope' }), 404)).toMatch(/does not exist/);
    expect(refusal(await post('/api/faults', { kind: 'metadata-loss', copyId: 'nope' }), 404)).toMatch(/does not exist/);
    expect(refusal(await post('/api/faults', { kind: 'metadata-loss', copyId: idle.body.id }), 409)).toMatch(/idle_or_copied/);
    expect(refusal(await post('/api/faults', { kind: 'metadata-loss', copyId: vc.body.id }), 422)).toMatch(/Storwize fault/);
    expect(refusal(await del('/api/faults/nope'), 404)).toMatch(/not in force/);
    expect(refusal(await get('/api/faults/nope'), 404)).toMatch(/not in force/);
    expect(refusal(await get('/api/faults?kind=meteor'), 400)).toBeTruthy();
    expect(await faults()).toEqual([]);
    expect(JSON.stringify([(await get('/api/volumes')).body, (await get('/api/copies')).body, (await get('/api/arrays')).body])).toBe(before);
  });

  it('volume I/O error: copy failed, hosts refused with 423, recopy refused until cleared, then recovers', async () => {
    const source = await volume('santricity', 'ft_io_src', 'A');
    const target = await volume('santricity', 'ft_io_tgt', 'A');
    const created = (
      await post<Copy>('/api/copies', { type: 'volume-copy', sourceVolumeId: source.id, targetVolumeId: target.id, options: { priority: 'lowest' } })
    ).body;
    await advance(2);
    const injected = await post<Fault>('/api/faults', { kind: 'volume-io-error', volumeId: target.id });
    expect(injected.status).toBe(201);
    expect(injected.headers.get('location')).toBe(`/api/faults/${injected.body.id}`);
    expect(injected.body.effect).toBe(`hosts cannot read or write ft_io_tgt; volume-copy ${created.name}: in-progress → failed`);
    expect(Date.parse(injected.body.since)).toBeGreaterThan(0);
    expect((await copy(created.id)).state).toBe('failed');
    expect((await get<Volume>(`/api/volumes/${target.id}`)).body.status).toBe('failed');
    const read = await api.getBytes(`/api/volumes/${target.id}/data?offset=0&length=512`);
    expect(read.status).toBe(423);
    expect(read.text).toMatch(/has an I\/O error \(fault .*\): hosts cannot read it/);
    expect(refusal(await post(`/api/copies/${created.id}/actions/recopy`), 409)).toMatch(/recopy is refused while volume ft_io_tgt has an I\/O error/);
    expect((await copy(created.id)).actions.find((a) => a.action === 'recopy')).toMatchObject({ allowed: false });
    expect(refusal(await post('/api/faults', { kind: 'volume-io-error', volumeId: target.id }), 409)).toMatch(/already has an I\/O error/);

    expect((await del(`/api/faults/${injected.body.id}`)).status).toBe(204);
    expect((await get<Volume>(`/api/volumes/${target.id}`)).body.status).toBe('online');
    expect((await post<Copy>(`/api/copies/${created.id}/actions/recopy`)).body.state).toBe('in-progress');
    const events = (await get<{ kind: string; details: Record<string, unknown> }[]>('/api/events?limit=50')).body;
    expect(events.some((e) => e.kind === 'fault.cleared' && e.details.faultId === injected.body.id)).toBe(true);
    const audit = (await get<{ subjectId: string }[]>('/api/events?category=audit&limit=50')).body;
    expect(audit.some((e) => e.subjectId.startsWith('DELETE /api/faults/'))).toBe(true);
    expect(audit.some((e) => e.subjectId === 'POST /api/faults')).toBe(true);
    await post(`/api/copies/${created.id}/actions/stop`);
  });

  it('metadata loss suspends a copying Storwize mapping; clearing returns it to copying', async () => {
    const source = await volume('storwize', 'ft_md_src', 'A');
    const target = await volume('storwize', 'ft_md_tgt', 'B');
    const map = (await post<Copy>('/api/copies', { type: 'flashcopy', sourceVolumeId: source.id, targetVolumeId: target.id, options: { copyRate: 1 } })).body;
    await advance(3);
    expect((await copy(map.id)).state).toBe('copying');
    const fault = (await post<Fault>('/api/faults', { kind: 'metadata-loss', copyId: map.id })).body;
    expect((await copy(map.id)).state).toBe('suspended');
    expect((await api.getBytes(`/api/volumes/${source.id}/data?offset=0&length=512`)).status).toBe(423);
    expect((await get<Fault[]>(`/api/faults?arrayId=${(await arrayOf('storwize')).id}&kind=metadata-loss`)).body.map((f) => f.id)).toEqual([fault.id]);
    expect((await del(`/api/faults/${fault.id}`)).status).toBe(204);
    expect((await copy(map.id)).state).toBe('copying');
    expect((await api.getBytes(`/api/volumes/${source.id}/data?offset=0&length=512`)).status).toBe(200);
  });

  it('keeps faults and controller status across a restart', async () => {
    const array = await arrayOf('ds6000');
    const plain = await volume('ds6000', 'ft_restart', 'A');
    const ioError = (await post<Fault>('/api/faults', { kind: 'volume-io-error', volumeId: plain.id })).body;
    expect((await post(`/api/arrays/${array.id}/controllers/B/fail`)).status).toBe(200);
    await server.stop();
    server = await startServer({ dataDir: server.dataDir });
    token = await adminToken(server.baseUrl, server.dataDir);
    const kept = await faults();
    expect(kept.map((f) => f.kind).sort()).toEqual(['controller-failure', 'volume-io-error']);
    expect((await arrayOf('ds6000')).controllers.map((c) => c.status)).toEqual(['online', 'offline']);
    expect((await get<Volume>(`/api/volumes/${plain.id}`)).body.status).toBe('failed');
    expect((await api.getBytes(`/api/volumes/${plain.id}/data?offset=0&length=512`)).status).toBe(423);
    expect((await del(`/api/faults/${ioError.id}`)).status).toBe(204);
    expect((await post(`/api/arrays/${array.id}/controllers/B/restore`)).status).toBe(200);
    expect(await faults()).toEqual([]);
    expect((await get<Volume>(`/api/volumes/${plain.id}`)).body.status).toBe('online');
  });
});
