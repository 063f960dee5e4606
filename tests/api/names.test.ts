// Names and numbers over Grainline's own API: copies, consistency groups and volumes are named and
// renamed (unique per array), numbered per array, and the log says who renamed what. Volumes grow.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, type ApiErrorBody } from '../support/api';
import { adminToken, bearer } from '../support/auth';
import { startServer, type RunningServer } from '../support/server';

let server: RunningServer;
let token = '';
const { get, post, put, patch, del, putBytes, getBytes } = apiClient(
  () => server.baseUrl,
  () => bearer(token),
);

interface Volume {
  id: string;
  arrayId: string;
  name: string;
  number: number;
  capacityBytes: number;
  provisioning: string;
}
interface Copy {
  id: string;
  name: string;
  number: number;
  state: string;
  consistencyGroupId: string | null;
  lastStarted: string | null;
}
interface Group {
  id: string;
  name: string;
  number: number;
  memberIds: string[];
}
interface Event {
  kind: string;
  subjectId: string;
  details: Record<string, unknown>;
}

const MiB = 1024 * 1024;
let storwizeId = '';
let santricityId = '';

async function volume(arrayId: string, name: string, capacityBytes = MiB): Promise<Volume> {
  const created = await post<Volume>('/api/volumes', { arrayId, name, capacityBytes });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body;
}

beforeAll(async () => {
  server = await startServer();
  token = await adminToken(server.baseUrl, server.dataDir);
  expect((await put('/api/simulation', { speed: 0 })).status).toBe(200);
  const arrays = (await get<{ id: string; model: string }[]>('/api/arrays')).body;
  storwizeId = arrays.find((a) => a.model === 'storwize')?.id ?? '';
  santricityId = arrays.find((a) => a.model === 'santricity')?.id ?? '';
});

afterAll(async () => {
  await server?.stop();
});

describe('copy names', () => {
  it('gives each array its own numbers and default names, takes a given name, and refuses a taken one', async () => {
    const [a, b, c, d] = [
      await volume(storwizeId, 'nm_a'),
      await volume(storwizeId, 'nm_b'),
      await volume(storwizeId, 'nm_c'),
      await volume(storwizeId, 'nm_d'),
    ];
    const first = (await post<Copy>('/api/copies', { type: 'flashcopy', sourceVolumeId: a.id, targetVolumeId: b.id, start: false })).body;
    expect([first.name, first.number, first.lastStarted]).toEqual(['fcmap0', 0, null]);
    const named = await post<Copy>('/api/copies', { type: 'flashcopy', sourceVolumeId: c.id, targetVolumeId: d.id, start: false, name: 'nightly_sql' });
    expect(named.status).toBe(201);
    expect([named.body.name, named.body.number]).toEqual(['nightly_sql', 1]);
    const [e, f] = [await volume(storwizeId, 'nm_e'), await volume(storwizeId, 'nm_f')];
    const before = (await get<Copy[]>('/api/copies')).body.length;
    const clash = await post<ApiErrorBody>('/api/copies', { type: 'flashcopy', sourceVolumeId: e.id, targetVolumeId: f.id, start: false, name: 'NIGHTLY_SQL' });
    expect(clash.status).toBe(409);
    expect(clash.body.error.message).toMatch(/already exists/);
    const bad = await post<ApiErrorBody>('/api/copies', { type: 'flashcopy', sourceVolumeId: e.id, targetVolumeId: f.id, start: false, name: '1st' });
    expect(bad.status).toBe(400);
    expect((await get<Copy[]>('/api/copies')).body).toHaveLength(before);
    const [g, h] = [await volume(santricityId, 'nm_g'), await volume(santricityId, 'nm_h')];
    const volumeCopy = (await post<Copy>('/api/copies', { type: 'volume-copy', sourceVolumeId: g.id, targetVolumeId: h.id })).body;
    expect([volumeCopy.name, volumeCopy.number]).toEqual(['volcopy0', 0]);
  });

  it('renames with PATCH, refuses a name another copy holds without changing anything, and logs the rename', async () => {
    const copies = (await get<Copy[]>(`/api/copies?arrayId=${storwizeId}`)).body;
    const first = copies.find((c) => c.name === 'fcmap0');
    if (first === undefined) throw new Error('fcmap0 missing');
    const renamed = await patch<Copy>(`/api/copies/${first.id}`, { name: 'gold' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe('gold');
    const clash = await patch<ApiErrorBody>(`/api/copies/${first.id}`, { name: 'nightly_sql', options: { copyRate: 99 } });
    expect(clash.status).toBe(409);
    const after = (await get<Copy & { options: { copyRate: number } }>(`/api/copies/${first.id}`)).body;
    expect([after.name, after.options.copyRate]).toEqual(['gold', 50]);
    const events = (await get<Event[]>('/api/events?limit=50')).body;
    const logged = events.find((event) => event.kind === 'copy.renamed' && event.subjectId === first.id);
    expect(logged?.details).toMatchObject({ from: 'fcmap0', to: 'gold', name: 'gold' });
  });
});

describe('consistency groups', () => {
  it('numbers groups from 1 with default names, renames, and deletes only an empty group unless forced', async () => {
    const group = await post<Group>('/api/consistency-groups', { arrayId: storwizeId });
    expect(group.status).toBe(201);
    expect([group.body.name, group.body.number]).toEqual(['fccstgrp1', 1]);
    expect((await patch<Group>(`/api/consistency-groups/${group.body.id}`, { name: 'nightly' })).body.name).toBe('nightly');
    const [a, b] = [await volume(storwizeId, 'cg_a'), await volume(storwizeId, 'cg_b')];
    const member = (
      await post<Copy>('/api/copies', { type: 'flashcopy', sourceVolumeId: a.id, targetVolumeId: b.id, start: false, consistencyGroupId: group.body.id })
    ).body;
    const refused = await del<ApiErrorBody>(`/api/consistency-groups/${group.body.id}`);
    expect(refused.status).toBe(409);
    expect((await get<Group>(`/api/consistency-groups/${group.body.id}`)).body.memberIds).toEqual([member.id]);
    expect((await del(`/api/consistency-groups/${group.body.id}?force=true`)).status).toBe(204);
    expect((await get(`/api/consistency-groups/${group.body.id}`)).status).toBe(404);
    expect((await get<Copy>(`/api/copies/${member.id}`)).body.consistencyGroupId).toBeNull();
  });
});

describe('volumes', () => {
  it('are numbered per array, renamed, and grown with their data in place', async () => {
    const created = await volume(storwizeId, 'grow_me');
    const all = (await get<Volume[]>(`/api/volumes?arrayId=${storwizeId}`)).body;
    expect(new Set(all.map((v) => v.number)).size).toBe(all.length);
    expect(created.provisioning).toBe('thick');
    const data = Uint8Array.from({ length: 4096 }, (_, i) => (i * 13 + 7) & 0xff);
    expect((await putBytes(`/api/volumes/${created.id}/data?offset=0`, data)).status).toBe(204);
    const grown = await patch<Volume>(`/api/volumes/${created.id}`, { capacityBytes: 4 * MiB });
    expect(grown.status).toBe(200);
    expect(grown.body.capacityBytes).toBe(4 * MiB);
    expect(Buffer.from((await getBytes(`/api/volumes/${created.id}/data?offset=0&length=4096`)).bytes).equals(Buffer.from(data))).toBe(true);
    expect((await getBytes(`/api/volumes/${created.id}/data?offset=${3 * MiB}&length=4096`)).bytes.every((byte) => byte === 0)).toBe(true);
    expect((await patch<ApiErrorBody>(`/api/volumes/${created.id}`, { capacityBytes: 2 * MiB })).status).toBe(409);
    const renamed = await patch<Volume>(`/api/volumes/${created.id}`, { name: 'grown' });
    expect(renamed.body.name).toBe('grown');
    expect((await patch<ApiErrorBody>(`/api/volumes/${created.id}`, { name: 'nm_a' })).status).toBe(409);
    expect((await patch<ApiErrorBody>(`/api/volumes/${created.id}`, { name: 'x', capacityBytes: 8 * MiB })).status).toBe(400);
    expect((await get<Volume>(`/api/volumes/${created.id}`)).body).toMatchObject({ name: 'grown', capacityBytes: 4 * MiB });
  });

  it('keep a grown size and their data across a restart', async () => {
    const created = await volume(storwizeId, 'grow_restart');
    const data = Uint8Array.from({ length: 8192 }, (_, i) => (i * 31 + 1) & 0xff);
    // Half before the growth at the old end, half after it just past the old end.
    expect((await putBytes(`/api/volumes/${created.id}/data?offset=${MiB - 4096}`, data.subarray(0, 4096))).status).toBe(204);
    expect((await patch(`/api/volumes/${created.id}`, { capacityBytes: 3 * MiB })).status).toBe(200);
    expect((await putBytes(`/api/volumes/${created.id}/data?offset=${MiB}`, data.subarray(4096))).status).toBe(204);
    await server.stop();
    server = await startServer({ dataDir: server.dataDir, port: server.port });
    const after = (await get<Volume>(`/api/volumes/${created.id}`)).body;
    expect(after.capacityBytes).toBe(3 * MiB);
    expect(Buffer.from((await getBytes(`/api/volumes/${created.id}/data?offset=${MiB - 4096}&length=8192`)).bytes).equals(Buffer.from(data))).toBe(true);
  });
});
