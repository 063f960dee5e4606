// SANtricity snapshot volumes over HTTP against the real server (paused clock, stepped): taking
// one, copy-on-write as the base changes, restoring it onto the base with a volume copy, a full
// repository, re-creating, the refusals, the event log, and a restart keeping all of it.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, type ApiErrorBody } from '../support/api';
import { adminToken, bearer } from '../support/auth';
import { startServer, type RunningServer } from '../support/server';
import type { GrainlineArray, GrainlineCopy, GrainlineVolume } from '../support/grainline-types';

const KiB = 1024;
const MiB = 1024 * KiB;

let server: RunningServer;
let token = '';
const { get, post, put, del, putBytes, getBytes } = apiClient(
  () => server.baseUrl,
  () => bearer(token),
);

interface Snapshot {
  baseVolumeId: string;
  state: string;
  pointInTime: string | null;
  repositoryCapacityBytes: number;
  repositoryUsedBytes: number;
}
type Volume = GrainlineVolume & { kind: string; snapshot: Snapshot | null; status: string; statusReason: string | null };

const pattern = (length: number, seed: number) => Uint8Array.from({ length }, (_, i) => (i * 31 + seed * 7) & 0xff);

async function arrayOf(model: string): Promise<GrainlineArray & { usedBytes: number }> {
  const found = (await get<(GrainlineArray & { usedBytes: number })[]>('/api/arrays')).body.find((a) => a.model === model);
  if (!found) throw new Error(`no ${model} array`);
  return found;
}
async function newVolume(model: string, name: string, capacityBytes: number): Promise<Volume> {
  const array = await arrayOf(model);
  const answer = await post<Volume>('/api/volumes', { arrayId: array.id, name, capacityBytes });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body;
}
async function volume(id: string): Promise<Volume> {
  const answer = await get<Volume>(`/api/volumes/${id}`);
  expect(answer.status).toBe(200);
  return answer.body;
}
async function read(volumeId: string, offset: number, length: number): Promise<Buffer> {
  const answer = await getBytes(`/api/volumes/${volumeId}/data?offset=${offset}&length=${length}`);
  expect(answer.status, answer.text).toBe(200);
  return Buffer.from(answer.bytes);
}
async function write(volumeId: string, offset: number, data: Uint8Array): Promise<void> {
  expect((await putBytes(`/api/volumes/${volumeId}/data?offset=${offset}`, data)).status).toBe(204);
}
async function snapshotOf(baseId: string, body: Record<string, unknown> = {}): Promise<Volume> {
  const answer = await post<Volume>(`/api/volumes/${baseId}/snapshots`, body);
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body;
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

describe('SANtricity snapshot volumes over HTTP', () => {
  it('takes a snapshot that keeps the base as it was, restores it onto the base, and keeps it across a restart', async () => {
    const base = await newVolume('santricity', 'snap_base', 4 * MiB);
    const t0 = pattern(4 * MiB, 1);
    await write(base.id, 0, t0);
    const usedBefore = (await arrayOf('santricity')).usedBytes;

    const snap = await snapshotOf(base.id);
    expect(snap).toMatchObject({ name: 'snap_base-1', kind: 'snapshot', capacityBytes: 4 * MiB, roles: ['snapshot'], status: 'online' });
    expect(snap.snapshot).toMatchObject({ baseVolumeId: base.id, state: 'optimal', repositoryUsedBytes: 0 });
    // The default repository is a fifth of the base, and that is all the pool gives it.
    expect(snap.snapshot?.repositoryCapacityBytes).toBe(Math.ceil((4 * MiB * 0.2) / 512) * 512);
    expect((await arrayOf('santricity')).usedBytes - usedBefore).toBe(snap.snapshot?.repositoryCapacityBytes);
    expect((await volume(base.id)).roles).toEqual(['base']);
    // A snapshot is not a copy.
    expect((await get<GrainlineCopy[]>(`/api/copies?volumeId=${snap.id}`)).body).toEqual([]);

    await write(base.id, 0, pattern(128 * KiB, 2));
    expect((await read(snap.id, 0, 4 * MiB)).equals(Buffer.from(t0))).toBe(true);
    expect((await volume(snap.id)).snapshot?.repositoryUsedBytes).toBe(128 * KiB);

    expect(await server.stop('SIGTERM')).toBe(0);
    server = await startServer({ dataDir: server.dataDir });
    const after = await volume(snap.id);
    expect(after.snapshot).toMatchObject({ state: 'optimal', repositoryUsedBytes: 128 * KiB });
    expect((await read(snap.id, 0, 4 * MiB)).equals(Buffer.from(t0))).toBe(true);

    // "Restore snapshot data to the primary volume": a volume copy from the snapshot onto its base.
    const restore = await post<GrainlineCopy>('/api/copies', { type: 'volume-copy', sourceVolumeId: snap.id, targetVolumeId: base.id });
    expect(restore.status, JSON.stringify(restore.body)).toBe(201);
    expect((await volume(snap.id)).roles).toEqual(['snapshot', 'source']);
    await post('/api/simulation/advance', { seconds: 5 });
    expect((await get<GrainlineCopy>(`/api/copies/${restore.body.id}`)).body.state).toBe('completed');
    expect((await read(base.id, 0, 4 * MiB)).equals(Buffer.from(t0))).toBe(true);
    expect((await volume(snap.id)).snapshot?.state).toBe('optimal');
    // Removing the pair returns each volume to its own type.
    expect((await del(`/api/copies/${restore.body.id}`)).status).toBe(204);
    expect((await volume(snap.id)).roles).toEqual(['snapshot']);
    expect((await volume(base.id)).roles).toEqual(['base']);

    const events = (await get<{ kind: string; subjectType: string; subjectId: string }[]>('/api/events?limit=200')).body;
    expect(events.some((e) => e.kind === 'snapshot.created' && e.subjectType === 'volume' && e.subjectId === snap.id)).toBe(true);
  });

  it('fails when its repository is full, reads are refused, and re-creating takes a new image', async () => {
    const base = await newVolume('santricity', 'snap_full', 1 * MiB);
    await write(base.id, 0, pattern(MiB, 3));
    const snap = await snapshotOf(base.id, { name: 'snap_full_s', repositoryCapacityBytes: 128 * KiB });
    await write(base.id, 0, pattern(128 * KiB, 4));
    await write(base.id, 512 * KiB, pattern(64 * KiB, 5));
    const failed = await volume(snap.id);
    expect(failed.snapshot?.state).toBe('failed');
    expect(failed.status).toBe('offline');
    expect(failed.statusReason).toMatch(/snapshot failed/);
    expect((await getBytes(`/api/volumes/${snap.id}/data?offset=0&length=512`)).status).toBe(423);

    const recreated = await post<Volume>(`/api/volumes/${snap.id}/snapshot/actions/recreate`, {});
    expect(recreated.status, JSON.stringify(recreated.body)).toBe(200);
    expect(recreated.body.snapshot).toMatchObject({ state: 'optimal', repositoryUsedBytes: 0 });
    expect((await read(snap.id, 0, MiB)).equals(await read(base.id, 0, MiB))).toBe(true);

    const disabled = await post<Volume>(`/api/volumes/${snap.id}/snapshot/actions/disable`, {});
    expect(disabled.body.snapshot?.state).toBe('disabled');
    const again = await post<ApiErrorBody>(`/api/volumes/${snap.id}/snapshot/actions/disable`, {});
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/not allowed while the snapshot is disabled/);
  });

  it('refuses what the array does not allow, with reasons, changing nothing', async () => {
    const base = await newVolume('santricity', 'snap_rules', 1 * MiB);
    const other = await newVolume('santricity', 'snap_rules_src', 1 * MiB);
    const snap = await snapshotOf(base.id);
    const storwize = await newVolume('storwize', 'snap_not_here', 1 * MiB);
    const volumesBefore = (await get<Volume[]>('/api/volumes')).body.length;

    const wrongArray = await post<ApiErrorBody>(`/api/volumes/${storwize.id}/snapshots`, {});
    expect(wrongArray.status).toBe(422);
    expect(wrongArray.body.error.message).toMatch(/SANtricity feature/);
    const ofSnapshot = await post<ApiErrorBody>(`/api/volumes/${snap.id}/snapshots`, {});
    expect(ofSnapshot.status).toBe(422);
    const tooBig = await post<ApiErrorBody>(`/api/volumes/${base.id}/snapshots`, { repositoryCapacityBytes: 2 * MiB });
    expect(tooBig.status).toBe(422);
    const badBody = await post<ApiErrorBody>(`/api/volumes/${base.id}/snapshots`, { repository: 1 });
    expect(badBody.status).toBe(400);
    expect((await get<Volume[]>('/api/volumes')).body.length).toBe(volumesBefore);

    const asTarget = await post<ApiErrorBody>('/api/copies', { type: 'volume-copy', sourceVolumeId: other.id, targetVolumeId: snap.id });
    expect(asTarget.status).toBe(422);
    expect(asTarget.body.error.message).toMatch(/snapshot volume/);
    const unknown = await post<ApiErrorBody>(`/api/volumes/${snap.id}/snapshot/actions/split`, {});
    expect(unknown.status).toBe(400);
    const notSnapshot = await post<ApiErrorBody>(`/api/volumes/${base.id}/snapshot/actions/recreate`, {});
    expect(notSnapshot.status).toBe(404);

    const baseGone = await del<ApiErrorBody>(`/api/volumes/${base.id}`);
    expect(baseGone.status).toBe(409);
    expect(baseGone.body.error.message).toMatch(/base of snapshot snap_rules-1: delete it first/);
    expect((await del(`/api/volumes/${snap.id}`)).status).toBe(204);
    expect((await volume(base.id)).roles).toEqual([]);
    expect((await del(`/api/volumes/${base.id}`)).status).toBe(204);
  });
});
