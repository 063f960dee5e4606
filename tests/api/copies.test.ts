// Each copy service driven end to end over HTTP against the real server (paused clock, stepped).
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, type ApiErrorBody } from '../support/api';
import { adminToken, bearer } from '../support/auth';
import { startServer, type RunningServer } from '../support/server';

let server: RunningServer;
const { get, post, put, patch, del, putBytes, getBytes } = apiClient(
  () => server.baseUrl,
  () => bearer(token),
);
let token = '';

interface Volume {
  id: string;
  arrayId: string;
  name: string;
  capacityBytes: number;
  currentOwner: string;
  roles: string[];
}
interface Copy {
  id: string;
  state: string;
  type: string;
  options: Record<string, unknown>;
  progress: { percent: number; totalBytes: number };
  actions: { action: string; allowed: boolean; reason?: string }[];
}
interface Array_ {
  id: string;
  model: string;
}

async function arrayOf(model: string): Promise<Array_> {
  const arrays = (await get<Array_[]>('/api/arrays')).body;
  const found = arrays.find((a) => a.model === model);
  if (!found) throw new Error(`no ${model}`);
  return found;
}
async function volumesOf(model: string): Promise<Volume[]> {
  return (await get<Volume[]>(`/api/volumes?arrayId=${(await arrayOf(model)).id}`)).body;
}
/** Two free volumes of the array with the same capacity. */
async function samePair(model: string, skip = 0): Promise<[Volume, Volume]> {
  const volumes = (await volumesOf(model)).filter((v) => v.roles.length === 0);
  const bySize = new Map<number, Volume[]>();
  for (const v of volumes) bySize.set(v.capacityBytes, [...(bySize.get(v.capacityBytes) ?? []), v]);
  const pairs = [...bySize.values()].filter((list) => list.length >= 2).sort((a, b) => a[0]!.capacityBytes - b[0]!.capacityBytes);
  const pair = pairs[skip];
  if (!pair) throw new Error(`no equal-size pair #${skip} on ${model}`);
  return [pair[0]!, pair[1]!];
}
async function advance(seconds: number): Promise<void> {
  expect((await post('/api/simulation/advance', { seconds })).status).toBe(200);
}
const bytes = (length: number, seed: number) => Uint8Array.from({ length }, (_, i) => (i * 7 + seed) & 0xff);

beforeAll(async () => {
  server = await startServer();
  token = await adminToken(server.baseUrl, server.dataDir);
  expect((await put('/api/simulation', { speed: 0 })).status).toBe(200);
});

afterAll(async () => {
  await server?.stop();
  if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
});

describe('simulation', () => {
  it('pauses, steps, and refuses bad speeds and stepping while running', async () => {
    const before = (await get<{ speed: number; simulatedTime: string }>('/api/simulation')).body;
    expect(before.speed).toBe(0);
    const after = (await post<{ simulatedTime: string }>('/api/simulation/advance', { seconds: 90 })).body;
    expect(Date.parse(after.simulatedTime) - Date.parse(before.simulatedTime)).toBe(90_000);
    expect((await put<ApiErrorBody>('/api/simulation', { speed: 7 })).status).toBe(400);
    expect((await post<ApiErrorBody>('/api/simulation/advance', { seconds: -1 })).status).toBe(400);
    await put('/api/simulation', { speed: 10 });
    const running = await post<ApiErrorBody>('/api/simulation/advance', { seconds: 1 });
    expect(running.status).toBe(409);
    expect(running.body.error.message).toMatch(/pause/);
    await put('/api/simulation', { speed: 0 });
  });
});

describe('santricity volume-copy over HTTP', () => {
  it('copies real bytes, locks the source while copying and keeps target data after removal', async () => {
    const [source, target] = await samePair('santricity');
    const data = bytes(200_000, 3);
    expect((await putBytes(`/api/volumes/${source.id}/data?offset=4096`, data)).status).toBe(204);
    const created = await post<Copy>('/api/copies', {
      type: 'volume-copy',
      sourceVolumeId: source.id,
      targetVolumeId: target.id,
      options: { priority: 'high' },
    });
    expect(created.status).toBe(201);
    expect(created.body.state).toBe('in-progress');
    const locked = await putBytes(`/api/volumes/${source.id}/data?offset=0`, bytes(10, 1));
    expect(locked.status).toBe(423);
    expect(locked.body?.error.message).toMatch(/source of volume copy .* in-progress/);
    expect((await get<Volume>(`/api/volumes/${target.id}`)).body.currentOwner).toBe(source.currentOwner);
    await advance(120);
    const done = (await get<Copy>(`/api/copies/${created.body.id}`)).body;
    expect(done.state).toBe('completed');
    expect(done.progress.percent).toBe(100);
    const read = await getBytes(`/api/volumes/${target.id}/data?offset=4096&length=200000`);
    expect(Buffer.from(read.bytes).equals(Buffer.from(data))).toBe(true);
    expect((await get<Volume>(`/api/volumes/${target.id}`)).body.currentOwner).toBe(target.currentOwner);
    const stop = await post<ApiErrorBody>(`/api/copies/${created.body.id}/actions/stop`);
    expect(stop.status).toBe(409);
    expect(stop.body.error.message).toMatch(/not allowed while the volume copy is completed: it applies only when the volume copy is pending or in-progress$/);
    expect((await patch<Copy>(`/api/copies/${created.body.id}`, { options: { priority: 'bogus' } })).status).toBe(400);
    expect((await patch<Copy>(`/api/copies/${created.body.id}`, { options: { targetReadOnly: false } })).body.options.targetReadOnly).toBe(false);
    expect((await del(`/api/copies/${created.body.id}`)).status).toBe(204);
    expect((await get<Volume>(`/api/volumes/${target.id}`)).body.roles).toEqual([]);
    const kept = await getBytes(`/api/volumes/${target.id}/data?offset=4096&length=16`);
    expect(Buffer.from(kept.bytes).equals(Buffer.from(data.subarray(0, 16)))).toBe(true);
  });

  it('refuses an ineligible target with 422 listing every reason, and the wrong service type', async () => {
    const volumes = await volumesOf('santricity');
    const small = volumes.reduce((a, b) => (a.capacityBytes <= b.capacityBytes ? a : b));
    const big = volumes.reduce((a, b) => (a.capacityBytes >= b.capacityBytes ? a : b));
    const refused = await post<ApiErrorBody>('/api/copies', { type: 'volume-copy', sourceVolumeId: big.id, targetVolumeId: small.id });
    expect(refused.status).toBe(422);
    expect((refused.body.error.details as string[]).join()).toMatch(/at least as large/);
    const wrongType = await post<ApiErrorBody>('/api/copies', { type: 'shadowimage', sourceVolumeId: big.id, targetVolumeId: small.id });
    expect(wrongType.status).toBe(422);
    expect(wrongType.body.error.message).toMatch(/offers volume-copy/);
    const eligibility = (
      await get<{ volumeId: string; eligible: boolean; reasons: string[] }[]>(`/api/copies/eligibility?type=volume-copy&sourceVolumeId=${big.id}`)
    ).body;
    expect(eligibility).toHaveLength(volumes.length);
    expect(eligibility.find((e) => e.volumeId === small.id)?.eligible).toBe(false);
    expect(eligibility.find((e) => e.volumeId === big.id)?.reasons).toEqual(['a volume cannot be copied onto itself']);
  });
});

describe('xp7 shadowimage over HTTP', () => {
  it('pairs, refuses S-VOL writes in PAIR with 423, splits and resyncs', async () => {
    const [pvol, svol] = await samePair('xp7');
    const pair = await post<Copy>('/api/copies', { type: 'shadowimage', sourceVolumeId: pvol.id, targetVolumeId: svol.id, options: { pace: 'faster' } });
    expect(pair.status).toBe(201);
    expect(pair.body.state).toBe('COPY(PD)');
    await advance(60);
    expect((await get<Copy>(`/api/copies/${pair.body.id}`)).body.state).toBe('PAIR');
    const refused = await putBytes(`/api/volumes/${svol.id}/data?offset=0`, bytes(512, 1));
    expect(refused.status).toBe(423);
    expect(refused.body?.error.message).toMatch(/S-VOL .* PAIR/);
    await putBytes(`/api/volumes/${pvol.id}/data?offset=0`, bytes(512, 9));
    const split = await post<Copy>(`/api/copies/${pair.body.id}/actions/split`, { mode: 'quick' });
    expect(split.body.state).toBe('PSUS(SP)');
    const image = await getBytes(`/api/volumes/${svol.id}/data?offset=0&length=512`);
    expect(Buffer.from(image.bytes).equals(Buffer.from(bytes(512, 9)))).toBe(true);
    await advance(10);
    expect((await get<Copy>(`/api/copies/${pair.body.id}`)).body.state).toBe('PSUS');
    expect((await putBytes(`/api/volumes/${svol.id}/data?offset=0`, bytes(512, 2))).status).toBe(204);
    // The heatmap's cells: the S-VOL write since the split is the one changed grain, in cell 0.
    const cells = await get<{ cells: number; grainsPerCell: number; changed: number[]; toCopy: number[]; counts: { toCopy: number; changed: number } }>(
      `/api/copies/${pair.body.id}/bitmap?cells=16`,
    );
    expect(cells.status).toBe(200);
    expect(cells.body.cells).toBe(16);
    expect(cells.body.counts).toMatchObject({ toCopy: 0, changed: 1 });
    expect(cells.body.changed[0]).toBe(1);
    expect((await get<ApiErrorBody>(`/api/copies/${pair.body.id}/bitmap?cells=8193`)).status).toBe(400);
    expect((await get<ApiErrorBody>('/api/copies/no-such-copy/bitmap')).status).toBe(404);
    // Its own history: every event about this pair and nothing else, the split among them.
    const history = (await get<{ subjectId: string; kind: string; details: { to?: string } }[]>(`/api/events?subjectId=${pair.body.id}`)).body;
    expect(history.every((event) => event.subjectId === pair.body.id)).toBe(true);
    expect(history.some((event) => event.kind === 'copy.state-changed' && event.details.to === 'PSUS')).toBe(true);
    const resync = await post<Copy>(`/api/copies/${pair.body.id}/actions/resync`, { mode: 'normal' });
    expect(resync.body.state).toBe('COPY(RS)');
    expect((await post<ApiErrorBody>(`/api/copies/${pair.body.id}/actions/split`, { mode: 'diagonal' })).status).toBe(400);
    await advance(10);
    const back = (await get<Copy>(`/api/copies/${pair.body.id}`)).body;
    expect(back.state).toBe('PAIR');
    expect(back.actions.find((a) => a.action === 'resync')?.allowed).toBe(false);
  });
});

describe('storwize flashcopy over HTTP', () => {
  it('prepares and starts a mapping, presents the T0 image, and starts a consistency group at one instant', async () => {
    const [source, target] = await samePair('storwize');
    await putBytes(`/api/volumes/${source.id}/data?offset=0`, bytes(1024, 5));
    const map = await post<Copy>('/api/copies', {
      type: 'flashcopy',
      sourceVolumeId: source.id,
      targetVolumeId: target.id,
      start: false,
      options: { copyRate: 0 },
    });
    expect(map.body.state).toBe('idle_or_copied');
    expect((await post<Copy>(`/api/copies/${map.body.id}/actions/start`)).body.state).toBe('preparing');
    await advance(3);
    expect((await get<Copy>(`/api/copies/${map.body.id}`)).body.state).toBe('copying');
    await putBytes(`/api/volumes/${source.id}/data?offset=0`, bytes(1024, 6));
    const t0 = await getBytes(`/api/volumes/${target.id}/data?offset=0&length=1024`);
    expect(Buffer.from(t0.bytes).equals(Buffer.from(bytes(1024, 5)))).toBe(true);
    expect((await del<ApiErrorBody>(`/api/copies/${map.body.id}`)).status).toBe(409);

    const storwize = await arrayOf('storwize');
    const group = await post<{ id: string; state: string }>('/api/consistency-groups', { arrayId: storwize.id, name: 'fcg_nightly' });
    expect(group.status).toBe(201);
    expect((await post<ApiErrorBody>('/api/consistency-groups', { arrayId: storwize.id, name: 'fcg_nightly' })).status).toBe(409);
    const [a, b] = await samePair('storwize', 0);
    const [c, d] = await samePair('storwize', 1);
    for (const [s, t] of [
      [a, b],
      [c, d],
    ] as const) {
      const member = await post<Copy>('/api/copies', {
        type: 'flashcopy',
        sourceVolumeId: s.id,
        targetVolumeId: t.id,
        start: false,
        consistencyGroupId: group.body.id,
      });
      expect(member.status).toBe(201);
    }
    const started = await post<{ group: { state: string }; members: Copy[] }>(`/api/consistency-groups/${group.body.id}/actions/start`);
    expect(started.status).toBe(200);
    expect(started.body.members.map((m) => m.state)).toEqual(['preparing', 'preparing']);
    await advance(3);
    const groups = (await get<{ id: string; state: string }[]>('/api/consistency-groups')).body;
    expect(groups.find((g) => g.id === group.body.id)?.state).toMatch(/copying|idle_or_copied/);
  });
});

describe('ds6000 flashcopy over HTTP', () => {
  it('establishes nocopy, converts to copy, ends by itself; refuses another LSS', async () => {
    const volumes = await volumesOf('ds6000');
    const lss10 = volumes.filter((v) => v.name.startsWith('10') && v.roles.length === 0);
    const source = lss10[0]!;
    const target = lss10.find((v) => v.id !== source.id && v.capacityBytes >= source.capacityBytes)!;
    const rel = await post<Copy>('/api/copies', { type: 'flashcopy', sourceVolumeId: source.id, targetVolumeId: target.id, options: { mode: 'nocopy' } });
    expect(rel.body.state).toBe('nocopy');
    expect((await post<Copy>(`/api/copies/${rel.body.id}/actions/convert-to-copy`)).body.state).toBe('copying');
    await advance(60);
    expect((await get<Copy>(`/api/copies/${rel.body.id}`)).body.state).toBe('ended');
    const otherLss = volumes.find((v) => v.name.startsWith('11') && v.capacityBytes >= source.capacityBytes)!;
    const refused = await post<ApiErrorBody>('/api/copies', { type: 'flashcopy', sourceVolumeId: source.id, targetVolumeId: otherLss.id });
    expect(refused.status).toBe(422);
    expect((refused.body.error.details as string[]).join()).toMatch(/same LSS/);
  });
});

describe('host workloads', () => {
  it('runs a workload in simulated time and stops it', async () => {
    const volume = (await volumesOf('ds6000')).find((v) => v.roles.length === 0)!;
    const started = await post<{ iops: number }>(`/api/volumes/${volume.id}/workload`, { pattern: 'random', iops: 200, blockBytes: 4096, writePercent: 50 });
    expect(started.status).toBe(201);
    expect((await post<ApiErrorBody>(`/api/volumes/${volume.id}/workload`, { pattern: 'zigzag', iops: 1, blockBytes: 4096, writePercent: 1 })).status).toBe(
      400,
    );
    await advance(5);
    const status = (await get<{ stats: { reads: number; writes: number } }>(`/api/volumes/${volume.id}/workload`)).body;
    expect(status.stats.reads + status.stats.writes).toBeGreaterThanOrEqual(900);
    expect(status.stats.writes).toBeGreaterThan(0);
    expect((await del(`/api/volumes/${volume.id}/workload`)).status).toBe(204);
    expect((await del(`/api/volumes/${volume.id}/workload`)).status).toBe(404);
  });

  it('refuses reads and writes outside the volume or over the size limit', async () => {
    const volume = (await volumesOf('ds6000'))[0]!;
    expect((await getBytes(`/api/volumes/${volume.id}/data?offset=${volume.capacityBytes}&length=1`)).status).toBe(400);
    expect((await getBytes(`/api/volumes/${volume.id}/data?offset=0&length=${64 * 1024 * 1024}`)).status).toBe(400);
    expect((await getBytes(`/api/volumes/${volume.id}/data?offset=-5&length=1`)).status).toBe(400);
    expect((await putBytes(`/api/volumes/${volume.id}/data?offset=0`, new Uint8Array(17 * 1024 * 1024))).status).toBe(413);
    expect((await getBytes(`/api/volumes/nope/data?offset=0&length=1`)).status).toBe(404);
  });
});

describe('restart', () => {
  it('resumes every relationship with its state, progress and options', async () => {
    const [source, target] = await samePair('santricity', 1);
    await putBytes(`/api/volumes/${source.id}/data?offset=0`, bytes(4096, 8));
    const copy = await post<Copy>('/api/copies', {
      type: 'volume-copy',
      sourceVolumeId: source.id,
      targetVolumeId: target.id,
      options: { priority: 'lowest' },
    });
    await advance(1);
    const before = (await get<Copy[]>('/api/copies')).body;
    expect(await server.stop('SIGTERM')).toBe(0);
    server = await startServer({ dataDir: server.dataDir });
    const after = (await get<Copy[]>('/api/copies')).body;
    expect(after.map((c) => [c.id, c.state, c.options, c.progress.percent])).toEqual(before.map((c) => [c.id, c.state, c.options, c.progress.percent]));
    expect((await get<{ speed: number }>('/api/simulation')).body.speed).toBe(0);
    await advance(3600);
    expect((await get<Copy>(`/api/copies/${copy.body.id}`)).body.state).toBe('completed');
    const read = await getBytes(`/api/volumes/${target.id}/data?offset=0&length=4096`);
    expect(Buffer.from(read.bytes).equals(Buffer.from(bytes(4096, 8)))).toBe(true);
  });
});
