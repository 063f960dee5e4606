// DS6000 consistency groups with freeze and thaw over HTTP against the real server (paused clock,
// stepped): a group on the DS6000 array, relationships established into it with freeze, host
// writes to their sources refused (423) until the thaw, the timeout, and a freeze kept across a
// restart (docs/domain.md#ds6000-consistency-groups, docs/api.md#consistency-groups).
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, type ApiErrorBody } from '../support/api';
import { adminToken, bearer } from '../support/auth';
import { startServer, type RunningServer } from '../support/server';
import type { GrainlineArray, GrainlineCopy, GrainlineEvent, GrainlineGroup, GrainlineVolume } from '../support/grainline-types';

const KiB = 1024;
const MiB = 1024 * KiB;
/** DS6000_FREEZE_TIMEOUT_MS (engine/copy/chosen-values.ts), in seconds. */
const FREEZE_TIMEOUT_S = 120;

let server: RunningServer;
let token = '';
const { get, post, put, patch, putBytes, getBytes } = apiClient(
  () => server.baseUrl,
  () => bearer(token),
);

type Event = GrainlineEvent & { details: Record<string, unknown> };
const pattern = (length: number, seed: number) => Uint8Array.from({ length }, (_, i) => (i * 13 + seed * 5) & 0xff);

async function arrayOf(model: string): Promise<GrainlineArray> {
  const found = (await get<GrainlineArray[]>('/api/arrays')).body.find((a) => a.model === model);
  if (!found) throw new Error(`no ${model} array`);
  return found;
}
async function now(): Promise<number> {
  return Date.parse((await get<{ simulatedTime: string }>('/api/simulation')).body.simulatedTime);
}
async function advance(seconds: number): Promise<void> {
  expect((await post('/api/simulation/advance', { seconds })).status).toBe(200);
}
async function group(id: string): Promise<GrainlineGroup> {
  const answer = await get<GrainlineGroup>(`/api/consistency-groups/${id}`);
  expect(answer.status).toBe(200);
  return answer.body;
}
async function create(body: Record<string, unknown>): Promise<GrainlineCopy> {
  const answer = await post<GrainlineCopy>('/api/copies', body);
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body;
}
async function read(volumeId: string, length: number): Promise<Buffer> {
  const answer = await getBytes(`/api/volumes/${volumeId}/data?offset=0&length=${length}`);
  expect(answer.status).toBe(200);
  return Buffer.from(answer.bytes);
}
const write = (volumeId: string, data: Uint8Array) => putBytes(`/api/volumes/${volumeId}/data?offset=0`, data);
async function events(kind: string, subjectId: string): Promise<Event[]> {
  return (await get<Event[]>(`/api/events?kind=${kind}&subjectId=${subjectId}`)).body;
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

describe('DS6000 consistency groups over HTTP', () => {
  it('freezes the sources established with freeze until the thaw, refuses their writes with 423, and keeps the targets at T0', async () => {
    const array = await arrayOf('ds6000');
    const pool = array.pools.find((candidate) => candidate.name === 'P0');
    const volumes: GrainlineVolume[] = [];
    for (const name of ['frz_a', 'frz_b', 'frz_c', 'frz_d']) {
      const made = await post<GrainlineVolume>('/api/volumes', { arrayId: array.id, poolId: pool?.id, name, capacityBytes: MiB });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
      volumes.push(made.body);
    }
    const [a, b, c, d] = volumes as [GrainlineVolume, GrainlineVolume, GrainlineVolume, GrainlineVolume];
    expect((await write(a.id, pattern(MiB, 1))).status).toBe(204);
    expect((await write(c.id, pattern(MiB, 2))).status).toBe(204);

    const made = await post<GrainlineGroup>('/api/consistency-groups', { arrayId: array.id });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body).toMatchObject({ name: 'fcgrp1', state: 'empty', frozen: false, frozenUntil: null });
    const groupId = made.body.id;

    const alone = await post<ApiErrorBody>('/api/copies', { type: 'flashcopy', sourceVolumeId: a.id, targetVolumeId: b.id, freeze: true });
    expect(alone.status).toBe(422);
    expect(alone.body.error.message).toMatch(/freeze is a consistency-group option/);

    const first = await create({
      type: 'flashcopy',
      sourceVolumeId: a.id,
      targetVolumeId: b.id,
      options: { mode: 'nocopy' },
      consistencyGroupId: groupId,
      freeze: true,
    });
    await advance(10);
    const secondT0Ms = await now();
    const second = await create({
      type: 'flashcopy',
      sourceVolumeId: c.id,
      targetVolumeId: d.id,
      options: { mode: 'nocopy' },
      consistencyGroupId: groupId,
      freeze: true,
    });
    const frozen = await group(groupId);
    expect(frozen).toMatchObject({ state: 'nocopy', frozen: true, frozenUntil: new Date(secondT0Ms + FREEZE_TIMEOUT_S * 1000).toISOString() });
    expect(frozen.memberIds.sort()).toEqual([first.id, second.id].sort());

    const refused = await write(a.id, pattern(64 * KiB, 3));
    expect(refused.status).toBe(423);
    expect(refused.body?.error.code).toBe('locked');
    expect(refused.body?.error.message).toMatch(/^volume frz_a is frozen by consistency group fcgrp1 \(extended long busy\) until \S+Z; thaw the group$/);
    expect((await write(c.id, pattern(64 * KiB, 3))).status).toBe(423);
    expect((await read(a.id, MiB)).equals(Buffer.from(pattern(MiB, 1)))).toBe(true);
    expect((await read(b.id, MiB)).equals(Buffer.from(pattern(MiB, 1)))).toBe(true);

    // Members act alone, and an action that takes no new T0 takes no freeze.
    const badFreeze = await post<ApiErrorBody>(`/api/copies/${first.id}/actions/convert-to-copy`, { freeze: true });
    expect(badFreeze.status).toBe(400);
    expect(badFreeze.body.error.message).toMatch(/convert-to-copy takes no freeze/);
    // A frozen source stays with the group that froze it.
    const leave = await patch<ApiErrorBody>(`/api/copies/${first.id}`, { consistencyGroupId: null });
    expect(leave.status).toBe(409);
    expect(leave.body.error.message).toMatch(/holds its source frozen for consistency group fcgrp1/);

    const thawed = await post<{ group: GrainlineGroup; members: GrainlineCopy[] }>(`/api/consistency-groups/${groupId}/actions/thaw`, {});
    expect(thawed.status, JSON.stringify(thawed.body)).toBe(200);
    expect(thawed.body.group).toMatchObject({ frozen: false, frozenUntil: null });
    expect(thawed.body.members).toHaveLength(2);
    expect((await write(a.id, pattern(MiB, 4))).status).toBe(204);
    expect((await write(c.id, pattern(MiB, 5))).status).toBe(204);
    expect((await read(b.id, MiB)).equals(Buffer.from(pattern(MiB, 1)))).toBe(true);
    expect((await read(d.id, MiB)).equals(Buffer.from(pattern(MiB, 2)))).toBe(true);

    const logged = await events('consistency-group.thawed', groupId);
    expect(logged[0]?.details).toMatchObject({ name: 'fcgrp1' });
    const changes = await events('copy.freeze-changed', first.id);
    expect(changes.map((event) => event.details.cause)).toEqual([`group:thaw ${groupId}`, 'action:create']);

    // Thawing again is harmless (nothing frozen); leaving is allowed now.
    expect((await post(`/api/consistency-groups/${groupId}/actions/thaw`, {})).status).toBe(200);
    const left = await patch<GrainlineCopy>(`/api/copies/${first.id}`, { consistencyGroupId: null });
    expect(left.status, JSON.stringify(left.body)).toBe(200);
    expect(left.body.consistencyGroupId).toBeNull();
    const back = await patch<GrainlineCopy>(`/api/copies/${first.id}`, { consistencyGroupId: groupId });
    expect(back.body.consistencyGroupId).toBe(groupId);

    // Establishing again with freeze holds the source anew; the freeze survives a restart and then times out.
    expect((await post(`/api/copies/${first.id}/actions/withdraw`, {})).status).toBe(200);
    const again = await post<GrainlineCopy>(`/api/copies/${first.id}/actions/start`, { mode: 'nocopy', freeze: true });
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect((await write(a.id, pattern(64 * KiB, 6))).status).toBe(423);
    expect(await server.stop('SIGTERM')).toBe(0);
    server = await startServer({ dataDir: server.dataDir });
    token = await adminToken(server.baseUrl, server.dataDir);
    const afterRestart = await write(a.id, pattern(64 * KiB, 6));
    expect(afterRestart.status).toBe(423);
    expect(afterRestart.body?.error.message).toMatch(/frozen by consistency group fcgrp1/);
    expect((await group(groupId)).frozen).toBe(true);
    await advance(FREEZE_TIMEOUT_S + 1);
    expect((await write(a.id, pattern(64 * KiB, 6))).status).toBe(204);
    expect((await group(groupId)).frozen).toBe(false);
    expect((await events('copy.freeze-changed', first.id))[0]?.details.cause).toBe('automatic:freeze-timeout');
  });

  it('thaw is a DS6000 action only, and groups stay a FlashCopy feature', async () => {
    const storwize = await arrayOf('storwize');
    const made = await post<GrainlineGroup>('/api/consistency-groups', { arrayId: storwize.id });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ frozen: false, frozenUntil: null });
    const refused = await post<ApiErrorBody>(`/api/consistency-groups/${made.body.id}/actions/thaw`, {});
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/thaw is a DS6000 FlashCopy consistency-group action/);
    const santricity = await arrayOf('santricity');
    const none = await post<ApiErrorBody>('/api/consistency-groups', { arrayId: santricity.id });
    expect(none.status).toBe(422);
    expect(none.body.error.message).toMatch(/consistency groups are a Storwize FlashCopy, DS6000 FlashCopy and XP7 ShadowImage \(CTG\) feature/);
  });
});
