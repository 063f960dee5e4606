// SANtricity Web Services (/devmgr) on the real server: every endpoint's fields, HTTP Basic with
// Grainline's users and roles, the Web Services' error shape, volume copies driven through them and
// seen in Grainline's own API, the audit trail, and refusals that change nothing. Paused clock, stepped.
import fs from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from '../support/api';
import { adminToken, bearer } from '../support/auth';
import { closeRawAgent, rawRequest, type RawBody } from '../support/raw-http';
import { startServer, TEST_ADMIN, type RunningServer } from '../support/server';
import type { GrainlineArray, GrainlineCopy, GrainlineEvent as AuditEvent, GrainlineVolume } from '../support/grainline-types';

let server: RunningServer;
let token = '';
const grainline = apiClient(
  () => server.baseUrl,
  () => bearer(token),
);

const OPERATOR = { username: 'sant-operator', password: 'operator-password-1' };
const MONITOR = { username: 'sant-monitor', password: 'monitor-password-1' };
const KiB = 1024;
const MiB = 1024 * KiB;

interface Login {
  username: string;
  password: string;
}
interface Answer<T> {
  status: number;
  body: T;
  headers: Headers;
}
interface ErrorShape {
  errorMessage: string;
  localizedMessage: string;
  retcode: string;
  codeType: string;
}
interface Pair {
  id: string;
  volcopyRef: string;
  worldWideName: string;
  volcopyHandle: number;
  status: string;
  sourceVolume: string;
  targetVolume: string;
  currentManager: string;
  idleTargetWriteProt: boolean;
  copyCompleteTime: string;
  copyStartTime: string;
  copyPriority: string;
  reserved1: string;
  cloneCopy: boolean;
  pgRef: string;
  baseSourceVolumeId: string;
  onlineCopy: boolean;
}
interface Progress {
  volumeCopyId: string;
  percentComplete: number;
  timeToCompletion: number;
}
interface SantricityVolume {
  id: string;
  name: string;
  capacity: string;
  wwn: string;
  status: string;
  volumeGroupRef: string;
  currentManager: string;
  preferredManager: string;
  volumeCopySource: boolean;
  volumeCopyTarget: boolean;
}

function basic(login: Login): Record<string, string> {
  return { authorization: `Basic ${Buffer.from(`${login.username}:${login.password}`).toString('base64')}` };
}

/** One request to the Web Services; `login` null sends no credentials. */
async function devmgr<T>(
  method: string,
  path: string,
  options: { login?: Login | null; body?: unknown; raw?: string; headers?: Record<string, string> } = {},
): Promise<Answer<T>> {
  const login = options.login === undefined ? OPERATOR : options.login;
  const headers: Record<string, string> = { accept: 'application/json', ...(login === null ? {} : basic(login)), ...options.headers };
  const init: RequestInit = { method, headers };
  if (options.raw !== undefined || options.body !== undefined) {
    headers['content-type'] = 'application/json';
    init.body = options.raw ?? JSON.stringify(options.body);
  }
  const response = await fetch(`${server.baseUrl}${path}`, init);
  const text = await response.text();
  return { status: response.status, body: (text === '' ? undefined : JSON.parse(text)) as T, headers: response.headers };
}

function expectRefusal(answer: Answer<unknown>, status: number, codeType?: string): ErrorShape {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  const body = answer.body as ErrorShape;
  expect(Object.keys(body).sort()).toEqual(['codeType', 'errorMessage', 'localizedMessage', 'retcode']);
  expect(body.errorMessage.length).toBeGreaterThan(0);
  expect(body.localizedMessage).toBe(body.errorMessage);
  if (codeType !== undefined) expect(body.codeType).toBe(codeType);
  return body;
}

let array: GrainlineArray;
let base = '';
const volumes: Record<'source' | 'target' | 'small' | 'spare' | 'spareTarget', GrainlineVolume> = {} as never;

async function createVolume(name: string, capacityBytes: number): Promise<GrainlineVolume> {
  const created = await grainline.post<GrainlineVolume>('/api/volumes', { arrayId: array.id, name, capacityBytes });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body;
}

async function advance(seconds: number): Promise<void> {
  expect((await grainline.post('/api/simulation/advance', { seconds })).status).toBe(200);
}

async function grainlineCopy(id: string): Promise<Answer<GrainlineCopy>> {
  return grainline.get<GrainlineCopy>(`/api/copies/${id}`);
}

/** Grainline's own view of the santricity array's copies and volumes, to show refusals changed nothing. */
async function inventorySnapshot(): Promise<string> {
  const copies = (await grainline.get<GrainlineCopy[]>(`/api/copies?arrayId=${array.id}`)).body;
  const vols = (await grainline.get<GrainlineVolume[]>(`/api/volumes?arrayId=${array.id}`)).body;
  return JSON.stringify({ copies: copies.map((c) => [c.id, c.state, c.options]), vols: vols.map((v) => [v.id, v.roles, v.currentOwner]) });
}

const pattern = (length: number, seed: number) => Uint8Array.from({ length }, (_, i) => (i * 13 + seed) & 0xff);

beforeAll(async () => {
  server = await startServer();
  token = await adminToken(server.baseUrl, server.dataDir);
  expect((await grainline.put('/api/simulation', { speed: 0 })).status).toBe(200);
  for (const [login, role] of [
    [OPERATOR, 'operator'],
    [MONITOR, 'monitor'],
  ] as const) {
    expect((await grainline.post('/api/users', { ...login, role })).status).toBe(201);
  }
  const arrays = (await grainline.get<GrainlineArray[]>('/api/arrays')).body;
  const found = arrays.find((a) => a.model === 'santricity');
  if (!found) throw new Error('the demo fleet has no santricity array');
  array = found;
  base = `/devmgr/v2/storage-systems/${array.id}`;
  volumes.source = await createVolume('sant_api_src', 4 * MiB);
  volumes.target = await createVolume('sant_api_tgt', 4 * MiB);
  volumes.small = await createVolume('sant_api_small', 1 * MiB);
  volumes.spare = await createVolume('sant_api_spare', 2 * MiB);
  volumes.spareTarget = await createVolume('sant_api_spare_tgt', 2 * MiB);
});

afterAll(async () => {
  closeRawAgent();
  await server?.stop();
  if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
});

describe('about and sign-in', () => {
  it('answers /devmgr/utils/about without credentials, with a four-part version and runningAsProxy false', async () => {
    const about = await devmgr<{ version: string; runningAsProxy: boolean; systemId: string; capabilities: string[] }>('GET', '/devmgr/utils/about', {
      login: null,
    });
    expect(about.status).toBe(200);
    expect(about.body.version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(about.body.runningAsProxy).toBe(false);
    expect(typeof about.body.systemId).toBe('string');
    expect(Array.isArray(about.body.capabilities)).toBe(true);
    expectRefusal(await devmgr('POST', '/devmgr/utils/about', { login: null }), 405);
  });

  it('refuses /devmgr/v2 without, with malformed and with wrong Basic credentials: 401 and a Basic challenge', async () => {
    const none = await devmgr('GET', '/devmgr/v2/storage-systems', { login: null });
    expectRefusal(none, 401, 'webservice');
    expect(none.headers.get('www-authenticate')).toMatch(/^Basic realm="/);
    const bearerOnly = await devmgr('GET', '/devmgr/v2/storage-systems', { login: null, headers: bearer(token) });
    expectRefusal(bearerOnly, 401);
    expect(bearerOnly.headers.get('www-authenticate')).toMatch(/^Basic /);
    const wrong = await devmgr('GET', '/devmgr/v2/storage-systems', { login: { username: 'nobody-here', password: 'not-a-password' } });
    expectRefusal(wrong, 401);
    expect(wrong.headers.get('www-authenticate')).toMatch(/^Basic /);
  });

  it('throttles repeated wrong passwords for a user with 429 and Retry-After, even with the right one', async () => {
    const victim = { username: 'sant-throttled', password: 'throttled-password-1' };
    expect((await grainline.post('/api/users', { ...victim, role: 'operator' })).status).toBe(201);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expectRefusal(await devmgr('GET', '/devmgr/v2/storage-systems', { login: { username: victim.username, password: `wrong-${attempt}` } }), 401);
    }
    const throttled = await devmgr('GET', '/devmgr/v2/storage-systems', { login: victim });
    expectRefusal(throttled, 429);
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('lets a monitor read but refuses its POST and DELETE with 403, changing nothing', async () => {
    const before = await inventorySnapshot();
    expect((await devmgr('GET', `${base}/volumes`, { login: MONITOR })).status).toBe(200);
    const create = await devmgr('POST', `${base}/volume-copy-jobs`, { login: MONITOR, body: { sourceId: volumes.spare.id, targetId: volumes.spareTarget.id } });
    expect(expectRefusal(create, 403).errorMessage).toMatch(/monitor/);
    expectRefusal(await devmgr('DELETE', `${base}/volume-copy-jobs/anything`, { login: MONITOR }), 403);
    expect(await inventorySnapshot()).toBe(before);
  });
});

describe('storage systems, volumes and pools', () => {
  it('lists only santricity arrays and finds one by id or by name in any case', async () => {
    const systems = await devmgr<{ id: string; name: string; wwn: string; model: string; status: string; chassisSerialNumber: string; fwVersion: string }[]>(
      'GET',
      '/devmgr/v2/storage-systems',
    );
    expect(systems.status).toBe(200);
    expect(systems.body.map((s) => s.id)).toEqual([array.id]);
    const byName = await devmgr<{ id: string; name: string; wwn: string; model: string; status: string; chassisSerialNumber: string; fwVersion: string }>(
      'GET',
      `/devmgr/v2/storage-systems/${array.name.toLowerCase()}`,
    );
    expect(byName.status).toBe(200);
    expect(byName.body).toMatchObject({ id: array.id, name: array.name, model: 'santricity', status: 'optimal', chassisSerialNumber: array.serial });
    expect(byName.body.wwn).toMatch(/^[0-9A-F]{32}$/);
    expect(byName.body.fwVersion).toMatch(/^\d+\.\d+/);
    expect((await devmgr<{ id: string }>('GET', `/devmgr/v2/storage-systems/${array.id}`)).body.id).toBe(array.id);
  });

  it("answers 404 in the Web Services error shape for an unknown ssid, another model's array and an unknown path", async () => {
    expectRefusal(await devmgr('GET', '/devmgr/v2/storage-systems/no-such-array/volumes'), 404);
    const others = (await grainline.get<GrainlineArray[]>('/api/arrays')).body.filter((a) => a.model !== 'santricity');
    for (const other of others) expectRefusal(await devmgr('GET', `/devmgr/v2/storage-systems/${other.id}`), 404);
    expectRefusal(await devmgr('GET', `${base}/no-such-collection`), 404);
    expectRefusal(await devmgr('GET', '/devmgr/v9/storage-systems'), 404);
  });

  it('shows volumes with capacity as a string of bytes, copy roles as booleans, controller refs and the pool', async () => {
    const listed = await devmgr<SantricityVolume[]>('GET', `${base}/volumes`);
    expect(listed.status).toBe(200);
    const grainlineVolumes = (await grainline.get<GrainlineVolume[]>(`/api/volumes?arrayId=${array.id}`)).body;
    expect(listed.body.map((v) => v.id).sort()).toEqual(grainlineVolumes.map((v) => v.id).sort());
    const source = listed.body.find((v) => v.id === volumes.source.id);
    expect(source).toMatchObject({
      name: 'sant_api_src',
      capacity: String(4 * MiB),
      status: 'optimal',
      volumeGroupRef: volumes.source.poolId,
      volumeCopySource: false,
      volumeCopyTarget: false,
      currentManager: volumes.source.currentOwner === 'A' ? '070000000000000000000001' : '070000000000000000000002',
    });
    expect(source?.wwn).toMatch(/^[0-9A-F]{32}$/);
    const one = await devmgr<SantricityVolume>('GET', `${base}/volumes/${volumes.small.id}`);
    expect(one.body).toMatchObject({ id: volumes.small.id, capacity: String(1 * MiB) });
    const elsewhere = (await grainline.get<GrainlineVolume[]>('/api/volumes')).body.find((v) => v.arrayId !== array.id);
    expectRefusal(await devmgr('GET', `${base}/volumes/${elsewhere?.id}`), 404);
    expectRefusal(await devmgr('GET', `${base}/volumes/no-such-volume`), 404);
  });

  it('answers the graph, XPath over it, the hardware inventory, workloads and key-values', async () => {
    const graph = await devmgr<{
      sa: { saData: { storageArrayLabel: string; chassisSerialNumber: string; saId: { worldWideName: string } } };
      controller: { controllerRef: string; serialNumber: string; status: string }[];
      volumeGroup: { id: string; name: string; freeSpace: string; totalRaidedSpace: string; usedSpace: string }[];
      volume: { id: string; volumeGroupRef: string; capacity: string; thinProvisioned: boolean; metadata: unknown[] }[];
    }>('GET', `${base}/graph`);
    expect(graph.status).toBe(200);
    expect(graph.body.sa.saData).toMatchObject({ storageArrayLabel: array.name, chassisSerialNumber: array.serial });
    expect(graph.body.controller.map((c) => [c.controllerRef, c.status])).toEqual([
      ['070000000000000000000001', 'optimal'],
      ['070000000000000000000002', 'optimal'],
    ]);
    expect(graph.body.volumeGroup.map((g) => [g.id, g.name, g.totalRaidedSpace, g.usedSpace])).toEqual(
      [...array.pools].sort((a, b) => a.name.localeCompare(b.name)).map((p) => [p.id, p.name, String(p.capacityBytes), expect.any(String)]),
    );
    for (const group of graph.body.volumeGroup) expect(BigInt(group.freeSpace) + BigInt(group.usedSpace)).toBe(BigInt(group.totalRaidedSpace));
    expect(graph.body.volume.find((v) => v.id === volumes.target.id)).toMatchObject({
      volumeGroupRef: volumes.target.poolId,
      capacity: String(4 * MiB),
      thinProvisioned: false,
      metadata: [],
    });
    const ids = await devmgr<string[]>('GET', `${base}/graph/xpath-filter?query=/controller/id`);
    expect(ids.body).toEqual(['070000000000000000000001', '070000000000000000000002']);
    const named = await devmgr<string[]>('GET', `${base}/graph/xpath-filter?query=${encodeURIComponent("/volume[name='sant_api_small']/capacity")}`);
    expect(named.body).toEqual([String(1 * MiB)]);
    expectRefusal(await devmgr('GET', `${base}/graph/xpath-filter?query=${encodeURIComponent('//controller')}`), 400);
    expectRefusal(await devmgr('GET', `${base}/graph/xpath-filter`), 400);
    const inventory = await devmgr<{ controllers: unknown[]; ibPorts: unknown[] }>('GET', `${base}/hardware-inventory`);
    expect(inventory.body.controllers).toHaveLength(2);
    expect(inventory.body.ibPorts).toEqual([]);
    expect((await devmgr('GET', `${base}/workloads`)).body).toEqual([]);
    expect((await devmgr('GET', '/devmgr/v2/key-values')).body).toEqual([]);
    expect((await devmgr<unknown[]>('GET', `${base}/storage-pools`)).body).toHaveLength(array.pools.length);
  });
});

describe('volume copy jobs', () => {
  let pairId = '';

  it('creates a pair with 200 and the job object, visible in Grainline as a volume-copy', async () => {
    await grainline.putBytes(`/api/volumes/${volumes.source.id}/data?offset=${64 * KiB}`, pattern(8 * KiB, 1));
    const created = await devmgr<Pair>('POST', `${base}/volume-copy-jobs`, { body: { sourceId: volumes.source.id, targetId: volumes.target.id } });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    pairId = created.body.id;
    expect(created.body).toMatchObject({
      volcopyRef: pairId,
      status: 'inProgress',
      sourceVolume: volumes.source.id,
      targetVolume: volumes.target.id,
      idleTargetWriteProt: true,
      copyPriority: 'priority2',
      copyCompleteTime: '0',
      reserved1: '',
      cloneCopy: false,
      onlineCopy: false,
      baseSourceVolumeId: volumes.source.id,
    });
    expect(created.body.worldWideName).toMatch(/^[0-9A-F]{32}$/);
    expect(typeof created.body.volcopyHandle).toBe('number');
    expect(created.body.currentManager).toMatch(/^0700000000000000000000\d\d$/);
    expect(Number(created.body.copyStartTime)).toBeGreaterThan(0);
    const copy = await grainlineCopy(pairId);
    expect(copy.body).toMatchObject({ type: 'volume-copy', state: 'in-progress', sourceVolumeId: volumes.source.id, targetVolumeId: volumes.target.id });
    const roles = (await devmgr<SantricityVolume[]>('GET', `${base}/volumes`)).body;
    expect(roles.find((v) => v.id === volumes.source.id)?.volumeCopySource).toBe(true);
    expect(roles.find((v) => v.id === volumes.target.id)?.volumeCopyTarget).toBe(true);
    expect((await devmgr<Pair[]>('GET', `${base}/volume-copy-jobs`)).body.map((p) => p.id)).toContain(pairId);
    expect((await devmgr<Pair>('GET', `${base}/volume-copy-jobs/${pairId}`)).body.id).toBe(pairId);
  });

  it('reports progress, stops and starts through volume-copy-jobs-control, and completes with the same bytes', async () => {
    const running = await devmgr<Progress>('GET', `${base}/volume-copy-jobs-control/${pairId}`);
    expect(running.body).toMatchObject({ volumeCopyId: pairId, percentComplete: 0 });
    const stopped = await devmgr<Progress[]>('POST', `${base}/volume-copy-jobs-control/${pairId}?control=stop`);
    expect(stopped.status).toBe(200);
    expect(stopped.body).toEqual([{ volumeCopyId: pairId, percentComplete: -1, timeToCompletion: 0 }]);
    expect((await grainlineCopy(pairId)).body.state).toBe('stopped');
    expect((await devmgr<Pair>('GET', `${base}/volume-copy-jobs/${pairId}`)).body.status).toBe('halted');
    expectRefusal(await devmgr('POST', `${base}/volume-copy-jobs-control/${pairId}?control=stop`), 422, 'symbol');
    const started = await devmgr<Progress[]>('POST', `${base}/volume-copy-jobs-control/${pairId}?control=start`);
    expect(started.status).toBe(200);
    expect(started.body[0]?.percentComplete).toBeGreaterThanOrEqual(0);
    expect((await grainlineCopy(pairId)).body.state).toBe('in-progress');
    await advance(30);
    const done = await devmgr<Pair>('GET', `${base}/volume-copy-jobs/${pairId}`);
    expect(done.body.status).toBe('complete');
    expect((await devmgr<Progress>('GET', `${base}/volume-copy-jobs-control/${pairId}`)).body.percentComplete).toBe(-1);
    const source = await grainline.getBytes(`/api/volumes/${volumes.source.id}/data?offset=0&length=${4 * MiB}`);
    const target = await grainline.getBytes(`/api/volumes/${volumes.target.id}/data?offset=0&length=${4 * MiB}`);
    expect(Buffer.from(target.bytes).equals(Buffer.from(source.bytes))).toBe(true);
    // start on a completed copy copies again (Grainline's recopy)
    const again = await devmgr<Progress[]>('POST', `${base}/volume-copy-jobs-control/${pairId}?control=start`);
    expect(again.status).toBe(200);
    expect((await grainlineCopy(pairId)).body.state).toBe('in-progress');
    await advance(30);
    const completed = await devmgr<Pair>('GET', `${base}/volume-copy-jobs/${pairId}`);
    expect(completed.body.status).toBe('complete');
    expect(completed.body.copyCompleteTime).not.toBe('0');
    expectRefusal(await devmgr('POST', `${base}/volume-copy-jobs-control/${pairId}?control=pause`), 400);
    expectRefusal(await devmgr('POST', `${base}/volume-copy-jobs-control/${pairId}`), 400);
  });

  it('changes copy priority and target write protection, as Grainline options', async () => {
    const changed = await devmgr<Pair>('POST', `${base}/volume-copy-jobs/${pairId}`, { body: { copyPriority: 'priority4', targetWriteProtected: false } });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ copyPriority: 'priority4', idleTargetWriteProt: false });
    expect((await grainlineCopy(pairId)).body.options).toEqual({ priority: 'highest', targetReadOnly: false });
    await devmgr('POST', `${base}/volume-copy-jobs/${pairId}`, { body: { copyPriority: 'priority0' } });
    expect((await grainlineCopy(pairId)).body.options.priority).toBe('lowest');
    expectRefusal(await devmgr('POST', `${base}/volume-copy-jobs/${pairId}`, { body: { copyPriority: 'priority9' } }), 400);
  });

  it('creates with a priority and write protection, and refuses bad bodies and ineligible volumes without changing anything', async () => {
    const before = await inventorySnapshot();
    expectRefusal(await devmgr('POST', `${base}/volume-copy-jobs`, { raw: '{"sourceId": ' }), 400);
    expectRefusal(await devmgr('POST', `${base}/volume-copy-jobs`, { raw: '' }), 400);
    expectRefusal(await devmgr('POST', `${base}/volume-copy-jobs`, { body: { sourceId: volumes.spare.id } }), 400);
    expectRefusal(
      await devmgr('POST', `${base}/volume-copy-jobs`, { raw: JSON.stringify({ sourceId: 'x', targetId: 'y', pad: 'x'.repeat(1024 * 1024) }) }),
      413,
    );
    const smaller = expectRefusal(
      await devmgr('POST', `${base}/volume-copy-jobs`, { body: { sourceId: volumes.spare.id, targetId: volumes.small.id } }),
      422,
      'symbol',
    );
    expect(smaller.errorMessage).toMatch(/large/);
    const elsewhere = (await grainline.get<GrainlineVolume[]>('/api/volumes')).body.find((v) => v.arrayId !== array.id);
    expectRefusal(await devmgr('POST', `${base}/volume-copy-jobs`, { body: { sourceId: volumes.spare.id, targetId: elsewhere?.id } }), 422);
    expectRefusal(
      await devmgr('POST', `${base}/volume-copy-jobs`, { body: { sourceId: volumes.spare.id, targetId: volumes.spareTarget.id, onlineCopy: true } }),
      422,
    );
    expect(await inventorySnapshot()).toBe(before);
    const created = await devmgr<Pair>('POST', `${base}/volume-copy-jobs`, {
      body: { sourceId: volumes.spare.id, targetId: volumes.spareTarget.id, copyPriority: 'priority0', targetWriteProtected: 'false' },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    expect((await grainlineCopy(created.body.id)).body.options).toEqual({ priority: 'lowest', targetReadOnly: false });
    expect((await devmgr('DELETE', `${base}/volume-copy-jobs/${created.body.id}`)).status).toBe(204);
  });

  it('answers 404 for unknown jobs and 405 with Allow for a method a path does not take', async () => {
    expectRefusal(await devmgr('GET', `${base}/volume-copy-jobs/no-such-job`), 404);
    expectRefusal(await devmgr('GET', `${base}/volume-copy-jobs-control/no-such-job`), 404);
    expectRefusal(await devmgr('POST', `${base}/volume-copy-jobs-control/no-such-job?control=start`), 404);
    expectRefusal(await devmgr('DELETE', `${base}/volume-copy-jobs/no-such-job?retainRepositories=false`), 404);
    const wrongMethod = await devmgr('PUT', `${base}/volume-copy-jobs`, { body: {} });
    expectRefusal(wrongMethod, 405);
    expect(wrongMethod.headers.get('allow')).toBe('GET, POST, HEAD, OPTIONS');
    expectRefusal(await devmgr('DELETE', `${base}/volumes/${volumes.small.id}`), 405);
  });

  it('deletes the pair with 204 (the target keeps its data), then answers 404', async () => {
    const deleted = await devmgr('DELETE', `${base}/volume-copy-jobs/${pairId}?retainRepositories=false`);
    expect(deleted.status).toBe(204);
    expect((await grainlineCopy(pairId)).status).toBe(404);
    expectRefusal(await devmgr('GET', `${base}/volume-copy-jobs/${pairId}`), 404);
    expectRefusal(await devmgr('DELETE', `${base}/volume-copy-jobs/${pairId}?retainRepositories=false`), 404);
    expect((await grainline.get<GrainlineVolume>(`/api/volumes/${volumes.target.id}`)).body.roles).toEqual([]);
    const kept = await grainline.getBytes(`/api/volumes/${volumes.target.id}/data?offset=${64 * KiB}&length=${8 * KiB}`);
    expect(Buffer.from(kept.bytes).equals(Buffer.from(pattern(8 * KiB, 1)))).toBe(true);
  });

  it('put every change and refusal on the audit trail with who, from where and the outcome', async () => {
    const audit = (await grainline.get<AuditEvent[]>('/api/events?category=audit&limit=1000')).body;
    const find = (actor: string, method: string, path: string, status: number) =>
      audit.find((e) => e.actor === actor && e.details.method === method && e.details.path === path && e.details.status === status);
    const created = find(OPERATOR.username, 'POST', `${base}/volume-copy-jobs`, 200);
    expect(created?.details).toMatchObject({ outcome: 'succeeded' });
    expect(created?.details.message).toMatch(/created volume copy/);
    expect(created?.details.address).toBeTruthy();
    expect(find(OPERATOR.username, 'POST', `${base}/volume-copy-jobs-control/${pairId}?control=stop`, 200)).toBeDefined();
    expect(find(OPERATOR.username, 'DELETE', `${base}/volume-copy-jobs/${pairId}?retainRepositories=false`, 204)).toBeDefined();
    const refused = find(MONITOR.username, 'POST', `${base}/volume-copy-jobs`, 403);
    expect(refused?.details).toMatchObject({ outcome: 'refused' });
    expect(refused?.details.message).toMatch(/monitor/);
    expect(find(OPERATOR.username, 'POST', `${base}/volume-copy-jobs`, 422)).toBeDefined();
  });

  it('records an unauthenticated change attempt as anonymous, and takes the admin too', async () => {
    const path = `${base}/volume-copy-jobs`;
    expectRefusal(await devmgr('POST', path, { login: null, body: {} }), 401);
    const audit = (await grainline.get<AuditEvent[]>('/api/events?category=audit&actor=anonymous&limit=100')).body;
    expect(audit.some((e) => e.details.path === path && e.details.status === 401)).toBe(true);
    expect((await devmgr('GET', `${base}/volume-copy-jobs`, { login: TEST_ADMIN })).status).toBe(200);
  });
});

// Hostile input (fast-check): random methods, paths, queries and bodies from a signed-in operator
// (wrong credentials would trip the sign-in throttle for the whole address). Never a 5xx; every
// refusal in the Web Services' error shape; a refused request leaves Grainline's inventory as it was.
describe('hostile input', () => {
  const SEED = Number(process.env.SANTRICITY_FUZZ_SEED ?? 20_261_204);
  const RUNS = Number(process.env.SANTRICITY_FUZZ_RUNS ?? 150);
  const WORDS = [
    'v2',
    'storage-systems',
    'volumes',
    'volume-copy-jobs',
    'volume-copy-jobs-control',
    'graph',
    'xpath-filter',
    'hardware-inventory',
    'workloads',
    'key-values',
    'storage-pools',
    'utils',
    'about',
  ];
  const TEMPLATES = [
    'v2/storage-systems/:ssid',
    'v2/storage-systems/:ssid/volumes/:id',
    'v2/storage-systems/:ssid/volume-copy-jobs',
    'v2/storage-systems/:ssid/volume-copy-jobs/:id',
    'v2/storage-systems/:ssid/volume-copy-jobs-control/:id',
    'v2/storage-systems/:ssid/graph/xpath-filter',
  ];
  const STRAY_TEMPLATES = ['v2/:word/:ssid/:word', ':word/:word'];
  let ids: string[] = [];

  const junk = () =>
    fc.oneof(
      { weight: 2, arbitrary: fc.string({ maxLength: 24 }) },
      { weight: 1, arbitrary: fc.constantFrom('..', '.', 'x'.repeat(300), '%', '\u00e9', 'a b', "'; DROP TABLE", '{{7*7}}') },
    );
  const fillers: Record<string, () => fc.Arbitrary<string>> = {
    ':ssid': () => fc.oneof({ weight: 6, arbitrary: fc.constantFrom(array.id, array.name, array.name.toUpperCase()) }, { weight: 1, arbitrary: junk() }),
    ':id': () => fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...ids) }, { weight: 1, arbitrary: junk() }),
    ':word': () => fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...WORDS) }, { weight: 1, arbitrary: junk() }),
  };
  const pathArb = () =>
    fc
      .oneof({ weight: 5, arbitrary: fc.constantFrom(...TEMPLATES) }, { weight: 1, arbitrary: fc.constantFrom(...STRAY_TEMPLATES) })
      .chain((template) =>
        fc
          .tuple(...template.split('/').map((part) => fillers[part]?.() ?? fc.constant(part)))
          .map((parts) => `/devmgr/${parts.map((part, index) => (template.split('/')[index]?.startsWith(':') ? encodeURIComponent(part) : part)).join('/')}`),
      );
  const queryArb = () =>
    fc.oneof(
      fc.constant(''),
      fc.constantFrom(
        '?control=start',
        '?control=stop',
        '?control=pause',
        '?control=',
        '?retainRepositories=false',
        '?query=/controller/id',
        "?query=/volume[name='x']/id",
        '?query=//*',
        '?query=/a[b=c]',
      ),
      fc.string({ maxLength: 40 }).map((text) => `?query=${encodeURIComponent(text)}&control=${encodeURIComponent(text)}`),
    );
  const jsonBody = (value: unknown): RawBody => ({ kind: 'bytes', data: new TextEncoder().encode(JSON.stringify(value)) });
  const bodyArb = () =>
    fc.oneof(
      fc.constant<RawBody>({ kind: 'none' }),
      fc.jsonValue({ maxDepth: 3 }).map(jsonBody),
      fc.string({ maxLength: 60 }).map((text): RawBody => ({ kind: 'bytes', data: new TextEncoder().encode(text) })),
      fc
        .record(
          {
            sourceId: fc.oneof(fc.constantFrom(...ids), fc.string(), fc.integer()),
            targetId: fc.oneof(fc.constantFrom(...ids), fc.string(), fc.constant(null)),
            copyPriority: fc.constantFrom('priority0', 'priority4', 'highest', 7),
            targetWriteProtected: fc.constantFrom(true, false, 'true', 'maybe'),
            onlineCopy: fc.boolean(),
          },
          { requiredKeys: [] },
        )
        .map(jsonBody),
      fc.constant<RawBody>({ kind: 'stream', chunk: new TextEncoder().encode('{"a":"' + 'x'.repeat(64 * 1024)), totalBytes: 2 * MiB }),
    );
  const methodArb = () =>
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom('GET', 'POST', 'DELETE') },
      { weight: 1, arbitrary: fc.constantFrom('HEAD', 'OPTIONS', 'PUT', 'PATCH', 'TRACE') },
    );
  const requestArb = () => fc.record({ method: methodArb(), path: pathArb(), query: queryArb(), body: bodyArb() });

  it('never answers 5xx, refuses in the error shape and changes nothing when it refuses', async () => {
    const fuzzPair = await devmgr<Pair>('POST', `${base}/volume-copy-jobs`, { body: { sourceId: volumes.spare.id, targetId: volumes.spareTarget.id } });
    expect(fuzzPair.status).toBe(200);
    ids = [array.id, array.name, fuzzPair.body.id, ...Object.values(volumes).map((v) => v.id)];
    let baseline = await inventorySnapshot();
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(requestArb(), async (request) => {
        const hasBody = request.body.kind !== 'none' && !['GET', 'HEAD'].includes(request.method);
        const response = await rawRequest(server.port, {
          method: request.method,
          path: `${request.path}${request.query}`,
          headers: { ...basic(OPERATOR), ...(hasBody ? { 'content-type': 'application/json' } : {}) },
          body: hasBody ? request.body : { kind: 'none' },
        });
        const what = `${request.method} ${request.path}${request.query} → ${response.status} ${response.body.toString('utf8').slice(0, 200)}`;
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        if (response.status === 0) return; // an oversized upload the server refused before reading it all
        expect(response.status, what).toBeLessThan(500);
        if (response.status >= 400 && request.method !== 'HEAD') {
          const body = JSON.parse(response.body.toString('utf8')) as Record<string, unknown>;
          expect(Object.keys(body).sort(), what).toEqual(['codeType', 'errorMessage', 'localizedMessage', 'retcode']);
        }
        const after = await inventorySnapshot();
        if (response.status >= 400 || ['GET', 'HEAD', 'OPTIONS'].includes(request.method))
          expect(after, `refused or read-only, yet changed: ${what}`).toBe(baseline);
        baseline = after;
      }),
      { seed: SEED, numRuns: RUNS },
    );
    console.info(
      `santricity fuzz: statuses ${[...statuses.entries()]
        .sort(([a], [b]) => a - b)
        .map(([status, count]) => `${status}×${count}`)
        .join(' ')}`,
    );
    expect((await fetch(`${server.baseUrl}/api/health`)).status).toBe(200);
    expect(server.logs()).not.toMatch(/unhandled error/);
  }, 300_000);
});
