// Copy services in depth over HTTP against the real server (paused clock, stepped): Storwize
// cascades with dependent mappings, cleaning and restores (also as lsfcmap shows them, and across
// a restart), DS6000 resync and reverse restore with incomplete images, and XP7 quick restore.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, type ApiErrorBody } from '../support/api';
import { adminToken, bearer } from '../support/auth';
import { startServer, TEST_ADMIN, type RunningServer } from '../support/server';
import { svcClient, waitListening, type SvcClient } from '../support/svc-client';
import type { GrainlineArray, GrainlineCopy, GrainlineVolume } from '../support/grainline-types';

const KiB = 1024;
const MiB = 1024 * KiB;

let server: RunningServer;
let token = '';
const { get, post, put, del, putBytes, getBytes } = apiClient(
  () => server.baseUrl,
  () => bearer(token),
);

interface Chain {
  cleanGrains: number;
  cleanProgress: number;
  dependentMappingIds: string[];
  restoring: boolean;
  restoredById: string | null;
  restoreProgress: number;
}
type Copy = GrainlineCopy & { chain?: Chain; sourceVolumeId: string; targetVolumeId: string };
type Volume = GrainlineVolume & { imageNote: string | null };

const pattern = (length: number, seed: number) => Uint8Array.from({ length }, (_, i) => (i * 31 + seed * 7) & 0xff);

async function arrayOf(model: string): Promise<GrainlineArray> {
  const found = (await get<GrainlineArray[]>('/api/arrays')).body.find((a) => a.model === model);
  if (!found) throw new Error(`no ${model} array`);
  return found;
}
/** `count` free volumes of the array with one capacity, the smallest such. */
async function freeVolumes(model: string, count: number): Promise<Volume[]> {
  const array = await arrayOf(model);
  const volumes = (await get<Volume[]>(`/api/volumes?arrayId=${array.id}`)).body.filter((v) => v.roles.length === 0);
  const bySize = new Map<number, Volume[]>();
  for (const v of volumes) bySize.set(Number(v.capacityBytes), [...(bySize.get(Number(v.capacityBytes)) ?? []), v]);
  const fit = [...bySize.entries()].filter(([, list]) => list.length >= count).sort((a, b) => a[0] - b[0])[0];
  if (!fit) throw new Error(`no ${count} free volumes of one size on ${model}`);
  return fit[1].slice(0, count);
}
async function advance(seconds: number): Promise<void> {
  expect((await post('/api/simulation/advance', { seconds })).status).toBe(200);
}
async function copy(id: string): Promise<Copy> {
  const answer = await get<Copy>(`/api/copies/${id}`);
  expect(answer.status).toBe(200);
  return answer.body;
}
async function create(body: Record<string, unknown>): Promise<Copy> {
  const answer = await post<Copy>('/api/copies', body);
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body;
}
async function act(id: string, action: string, mode?: string): Promise<Copy> {
  const answer = await post<Copy>(`/api/copies/${id}/actions/${action}`, mode === undefined ? {} : { mode });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body;
}
async function read(volumeId: string, offset: number, length: number): Promise<Buffer> {
  const answer = await getBytes(`/api/volumes/${volumeId}/data?offset=${offset}&length=${length}`);
  expect(answer.status).toBe(200);
  return Buffer.from(answer.bytes);
}
async function write(volumeId: string, offset: number, data: Uint8Array): Promise<void> {
  expect((await putBytes(`/api/volumes/${volumeId}/data?offset=${offset}`, data)).status).toBe(204);
}

beforeAll(async () => {
  server = await startServer();
  await waitListening(server.svcPort);
  token = await adminToken(server.baseUrl, server.dataDir);
  expect((await put('/api/simulation', { speed: 0 })).status).toBe(200);
});

afterAll(async () => {
  await server?.stop();
  if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
});

describe('storwize cascades over HTTP and SVC REST', () => {
  it('cleans a stopping middle mapping at its clean rate, as lsfcmap and the API report, across a restart', async () => {
    const svc: SvcClient = await svcClient(server.svcPort, TEST_ADMIN.username, TEST_ADMIN.password);
    for (const name of ['depth_a', 'depth_b', 'depth_c']) {
      expect((await svc.run('mkvdisk', null, { name, mdiskgrp: 'mdiskgrp0', size: '4', unit: 'mb' })).status).toBe(200);
    }
    const array = await arrayOf('storwize');
    const byName = new Map((await get<Volume[]>(`/api/volumes?arrayId=${array.id}`)).body.map((v) => [v.name, v]));
    const named = (name: string): Volume => {
      const volume = byName.get(name);
      if (volume === undefined) throw new Error(`mkvdisk ${name} made no volume`);
      return volume;
    };
    const [a, b, c] = [named('depth_a'), named('depth_b'), named('depth_c')];
    const data = pattern(4 * MiB, 1);
    await write(a.id, 0, data);
    const middle = await create({ type: 'flashcopy', sourceVolumeId: a.id, targetVolumeId: b.id, options: { copyRate: 0, cleanRate: 1 } });
    await advance(3);
    const last = await create({ type: 'flashcopy', sourceVolumeId: b.id, targetVolumeId: c.id, options: { copyRate: 0 } });
    await advance(3);
    expect((await copy(last.id)).state).toBe('copying');
    expect((await copy(middle.id)).chain?.dependentMappingIds).toEqual([last.id]);
    expect((await svc.run<Record<string, string>>('lsfcmap', middle.name)).body.dependent_mappings).toBe('1');

    expect((await act(middle.id, 'stop')).state).toBe('stopping');
    const stopping = await copy(middle.id);
    expect(stopping.chain).toMatchObject({ cleanGrains: 16, cleanProgress: 0 });
    // Clean rate 1 = 128 KiB/s: 16 grains of 256 KiB take 32 s.
    await advance(8);
    const quarter = await copy(middle.id);
    expect(quarter.state).toBe('stopping');
    expect(quarter.chain?.cleanProgress).toBe(25);
    expect((await svc.run<Record<string, string>>('lsfcmap', middle.name)).body.clean_progress).toBe('25');
    // A source write while it cleans is saved for the mapping still reading through it.
    await write(a.id, 0, pattern(64 * KiB, 2));

    expect(await server.stop('SIGTERM')).toBe(0);
    server = await startServer({ dataDir: server.dataDir });
    expect((await copy(middle.id)).state).toBe('stopping');
    await advance(40);
    expect((await copy(middle.id)).state).toBe('stopped');
    expect((await read(c.id, 0, 4 * MiB)).equals(Buffer.from(data))).toBe(true);
    expect((await copy(last.id)).state).toBe('idle_or_copied');
  });

  it('restores a source from its target while the forward mapping copies, which shows restoring', async () => {
    const [source, target] = await freeVolumes('storwize', 2);
    await write(source!.id, 0, pattern(256 * KiB, 3));
    const forward = await create({ type: 'flashcopy', sourceVolumeId: source!.id, targetVolumeId: target!.id, options: { copyRate: 0 } });
    await advance(3);
    await write(target!.id, 0, pattern(64 * KiB, 4));
    const backup = await read(target!.id, 0, 256 * KiB);
    await write(source!.id, 0, pattern(256 * KiB, 5));
    const eligible = (await get<{ volumeId: string; eligible: boolean }[]>(`/api/copies/eligibility?type=flashcopy&sourceVolumeId=${target!.id}`)).body.find(
      (entry) => entry.volumeId === source!.id,
    );
    expect(eligible?.eligible).toBe(true);
    const restore = await create({ type: 'flashcopy', sourceVolumeId: target!.id, targetVolumeId: source!.id, options: { copyRate: 0 } });
    await advance(3);
    expect((await read(source!.id, 0, 256 * KiB)).equals(backup)).toBe(true);
    const shown = await copy(forward.id);
    expect(shown.chain).toMatchObject({ restoring: true, restoredById: restore.id });
    expect((await act(restore.id, 'stop')).state).toBe('stopping');
    await advance(3);
    expect((await copy(forward.id)).chain?.restoring).toBe(false);
    await act(forward.id, 'stop');
    await advance(3);
    for (const id of [restore.id, forward.id]) expect((await del(`/api/copies/${id}`)).status).toBe(204);
  });
});

describe('ds6000 in depth over HTTP', () => {
  it('resyncs incrementally, reverse-restores, and marks an incomplete target image', async () => {
    const [source, target] = await freeVolumes('ds6000', 2);
    await write(source!.id, 0, pattern(MiB, 6));
    const refused = await post<ApiErrorBody>('/api/copies', {
      type: 'flashcopy',
      sourceVolumeId: source!.id,
      targetVolumeId: target!.id,
      options: { incremental: true },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/needs persistent/);
    const relationship = await create({
      type: 'flashcopy',
      sourceVolumeId: source!.id,
      targetVolumeId: target!.id,
      options: { mode: 'nocopy', persistent: true, incremental: true },
    });
    await write(source!.id, 0, pattern(64 * KiB, 7));
    const resynced = await act(relationship.id, 'resync');
    expect(resynced.state).toBe('nocopy');
    expect((await read(target!.id, 0, 64 * KiB)).equals(Buffer.from(pattern(64 * KiB, 7)))).toBe(true);
    await write(target!.id, 0, pattern(64 * KiB, 8));
    const reversed = await act(relationship.id, 'reverse', 'normal');
    expect([reversed.sourceVolumeId, reversed.targetVolumeId]).toEqual([target!.id, source!.id]);
    expect((await read(source!.id, 0, 64 * KiB)).equals(Buffer.from(pattern(64 * KiB, 8)))).toBe(true);
    await act(relationship.id, 'withdraw');
    // Withdrawn at once after the reverse: the old source was still to be copied.
    expect((await get<Volume>(`/api/volumes/${source!.id}`)).body.imageNote).toMatch(/incomplete FlashCopy image/);
    const again = await act(relationship.id, 'start', 'copy');
    expect(again.state).toBe('copying');
    expect((await get<Volume>(`/api/volumes/${source!.id}`)).body.imageNote).toBeNull();
  });
});

describe('xp7 quick restore over HTTP', () => {
  it('swaps P-VOL and S-VOL images at once and returns to PAIR', async () => {
    const [pvol, svol] = await freeVolumes('xp7', 2);
    await write(pvol!.id, 0, pattern(128 * KiB, 9));
    const pair = await create({ type: 'shadowimage', sourceVolumeId: pvol!.id, targetVolumeId: svol!.id });
    await advance(120);
    await act(pair.id, 'split', 'quick');
    await advance(120);
    expect((await copy(pair.id)).state).toBe('PSUS');
    const before = await read(pvol!.id, 0, 128 * KiB);
    await write(pvol!.id, 0, pattern(64 * KiB, 10));
    const restored = await act(pair.id, 'resync', 'quick');
    expect(restored.state).toBe('PAIR');
    expect((await read(pvol!.id, 0, 128 * KiB)).equals(before)).toBe(true);
  });
});
