// POST /api/preview against the real server: what commands would do, in the engine's words,
// judged as one list (the 9th volume copy of a bulk queues behind the 8 before it), nothing changed
// and nothing audited; a monitor may ask; a malformed command is a 400.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, type ApiErrorBody } from '../support/api';
import { adminToken, bearer, createTokenAs, signIn } from '../support/auth';
import { startServer, type RunningServer } from '../support/server';

let server: RunningServer;
let token = '';
const { get, post } = apiClient(
  () => server.baseUrl,
  () => bearer(token),
);
const MiB = 1024 * 1024;

interface Consequence {
  kind: string;
  text: string;
}
interface Preview {
  allowed: boolean;
  refusal: string | null;
  consequences: Consequence[];
}
interface Volume {
  id: string;
  name: string;
  currentOwner: 'A' | 'B';
}

async function arrayId(model: string): Promise<string> {
  const found = (await get<{ id: string; model: string }[]>('/api/arrays')).body.find((array) => array.model === model);
  if (found === undefined) throw new Error(`no ${model} array`);
  return found.id;
}

async function volume(array: string, name: string): Promise<Volume> {
  const created = await post<Volume>('/api/volumes', { arrayId: array, name, capacityBytes: 4 * MiB });
  expect(created.status).toBe(201);
  return created.body;
}

beforeAll(async () => {
  server = await startServer();
  token = await adminToken(server.baseUrl, server.dataDir);
});

afterAll(async () => {
  await server?.stop();
  if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
});

describe('POST /api/preview', () => {
  it('judges a bulk create as one list: the ninth volume copy queues; nothing is created or audited', async () => {
    const array = await arrayId('santricity');
    const sources: Volume[] = [];
    for (let index = 0; index < 9; index++) sources.push(await volume(array, `pv_src_${index}`));
    const commands = sources.map((source, index) => ({
      command: 'create-copy-new-target',
      type: 'volume-copy',
      sourceVolumeId: source.id,
      newTarget: { name: `pv_new_${index}`, capacityBytes: 4 * MiB, currentOwner: source.currentOwner },
    }));
    const before = (await get<unknown[]>('/api/events?category=audit&limit=500')).body.length;
    const answer = await post<{ previews: Preview[] }>('/api/preview', { commands });
    expect(answer.status).toBe(200);
    const { previews } = answer.body;
    expect(previews).toHaveLength(9);
    expect(previews.every((preview) => preview.allowed && preview.refusal === null)).toBe(true);
    expect(previews[0]?.consequences.map((consequence) => consequence.kind)).toContain('moves');
    expect(previews[7]?.consequences.some((consequence) => consequence.kind === 'queues')).toBe(false);
    expect(previews[8]?.consequences.find((consequence) => consequence.kind === 'queues')?.text).toMatch(/^It waits: 8 copies are in progress/);
    expect((await get<unknown[]>(`/api/copies?arrayId=${array}`)).body).toHaveLength(0);
    expect((await get<unknown[]>('/api/events?category=audit&limit=500')).body.length).toBe(before);
  });

  it('answers a refusal in the engine’s words, and lets a monitor ask', async () => {
    const array = await arrayId('xp7');
    const source = await volume(array, 'pv_self');
    expect((await post('/api/users', { username: 'pv-monitor', password: 'monitor-password-1', role: 'monitor' })).status).toBe(201);
    const monitorToken = await createTokenAs(server.baseUrl, await signIn(server.baseUrl, 'pv-monitor', 'monitor-password-1'), 'pv monitor');
    const asMonitor = apiClient(
      () => server.baseUrl,
      () => bearer(monitorToken),
    );
    const answer = await asMonitor.post<{ previews: Preview[] }>('/api/preview', {
      commands: [{ command: 'create-copy', type: 'shadowimage', sourceVolumeId: source.id, targetVolumeId: source.id }],
    });
    expect(answer.status).toBe(200);
    expect(answer.body.previews[0]).toMatchObject({ allowed: false, consequences: [] });
    expect(answer.body.previews[0]?.refusal).toMatch(/cannot be copied onto itself/);
  });

  it('refuses malformed commands with 400 and an empty list', async () => {
    const unknown = await post<ApiErrorBody>('/api/preview', { commands: [{ command: 'format-array' }] });
    expect(unknown.status).toBe(400);
    expect((await post<ApiErrorBody>('/api/preview', { commands: [] })).status).toBe(400);
    expect((await post<ApiErrorBody>('/api/preview', { commands: [{ command: 'restore-controller', arrayId: 'x', slot: 'C' }] })).status).toBe(400);
  });
});
