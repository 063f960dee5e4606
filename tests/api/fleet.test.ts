// docs/api.md#fleet and #volumes, exercised over HTTP against the real server on a temporary data dir.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, type ApiErrorBody } from '../support/api';
import { adminToken, bearer } from '../support/auth';
import { startServer, type RunningServer } from '../support/server';

let server: RunningServer;

interface ApiArray {
  id: string;
  name: string;
  model: string;
  serial: string;
  controllers: { slot: string; status: string }[];
  pools: { id: string; name: string; lss?: number; capacityBytes: number; usedBytes: number }[];
  capacityBytes: number;
  usedBytes: number;
}
interface ApiVolume {
  id: string;
  arrayId: string;
  poolId: string;
  name: string;
  capacityBytes: number;
  preferredOwner: string;
  currentOwner: string;
  roles: string[];
  status: string;
  readOnly: boolean;
}
type ApiError = ApiErrorBody;

const { call, get } = apiClient(
  () => server.baseUrl,
  () => bearer(token),
);
let token = '';

const GiB = 1024 ** 3;

async function arrays(): Promise<ApiArray[]> {
  return (await get<ApiArray[]>('/api/arrays')).body;
}
async function arrayOf(model: string): Promise<ApiArray> {
  const found = (await arrays()).find((a) => a.model === model);
  if (!found) throw new Error(`no ${model} array`);
  return found;
}
async function volumeCount(): Promise<number> {
  return (await get<ApiVolume[]>('/api/volumes')).body.length;
}

beforeAll(async () => {
  server = await startServer();
  token = await adminToken(server.baseUrl, server.dataDir);
});

afterAll(async () => {
  await server?.stop();
  if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
});

describe('health and discovery', () => {
  it('reports ok and the version', async () => {
    const { status, body } = await get<{ status: string; version: string }>('/api/health');
    expect(status).toBe(200);
    expect(body.status).toBe('ok');
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('publishes an OpenAPI 3.1 document generated from the request schemas', async () => {
    const { status, body } = await get<{ openapi: string; paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, unknown> } }>(
      '/api/openapi.json',
    );
    expect(status).toBe(200);
    expect(body.openapi).toBe('3.1.0');
    expect(Object.keys(body.paths['/api/volumes'] ?? {})).toEqual(expect.arrayContaining(['get', 'post']));
    expect(body.components.schemas).toHaveProperty('Volume');
    expect(body.components.schemas).toHaveProperty('Array');
    expect(JSON.stringify(body.components.schemas.CreateVolume)).toContain('capacityBytes');
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const { status, body } = await get<ApiError>('/api/no-such-thing');
    expect(status).toBe(404);
    expect(body.error.code).toBe('not_found');
  });
});

describe('arrays', () => {
  it('lists the demo fleet: four arrays, one per model, two online controllers each', async () => {
    const list = await arrays();
    expect(list.map((a) => a.model).sort()).toEqual(['ds6000', 'santricity', 'storwize', 'xp7']);
    for (const array of list) {
      expect(array.controllers).toEqual([
        { slot: 'A', status: 'online', volumeCount: expect.any(Number) },
        { slot: 'B', status: 'online', volumeCount: expect.any(Number) },
      ]);
      expect(array.pools.length).toBeGreaterThanOrEqual(2);
      expect(array.serial).not.toBe('');
      expect(array.usedBytes).toBeGreaterThan(0);
      expect(array.usedBytes).toBeLessThanOrEqual(array.capacityBytes);
    }
    expect((await arrayOf('ds6000')).pools.every((p) => typeof p.lss === 'number')).toBe(true);
    expect((await arrayOf('xp7')).pools.every((p) => p.lss === undefined)).toBe(true);
  });

  it('gets one array and 404s an unknown id in the error shape', async () => {
    const first = (await arrays())[0];
    expect((await get<ApiArray>(`/api/arrays/${first?.id}`)).body.name).toBe(first?.name);
    const missing = await get<ApiError>('/api/arrays/nope');
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({ code: 'not_found', message: expect.stringContaining('nope') });
  });
});

describe('volumes', () => {
  it('lists with filters by array, owner, name search and role', async () => {
    const all = (await get<ApiVolume[]>('/api/volumes')).body;
    expect(all.length).toBeGreaterThanOrEqual(64);
    const xp7 = await arrayOf('xp7');
    const onXp7 = (await get<ApiVolume[]>(`/api/volumes?arrayId=${xp7.id}`)).body;
    expect(onXp7.length).toBeGreaterThanOrEqual(16);
    expect(onXp7.every((v) => v.arrayId === xp7.id)).toBe(true);
    const ownedByB = (await get<ApiVolume[]>(`/api/volumes?arrayId=${xp7.id}&owner=B`)).body;
    expect(ownedByB.length).toBeGreaterThan(0);
    expect(ownedByB.every((v) => v.currentOwner === 'B')).toBe(true);
    const search = (await get<ApiVolume[]>('/api/volumes?q=SAP_PRD')).body;
    expect(search.length).toBe(8);
    expect((await get<ApiVolume[]>('/api/volumes?role=none')).body.length).toBe(all.length);
    expect((await get<ApiVolume[]>('/api/volumes?role=source')).body.length).toBe(0);
  });

  it('refuses bad filters with 400', async () => {
    expect((await get<ApiError>('/api/volumes?owner=C')).status).toBe(400);
    const unknown = await get<ApiError>('/api/volumes?colour=red');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('bad_request');
  });

  it('creates a volume that then appears in the list, the array usage and the event log', async () => {
    const storwize = await arrayOf('storwize');
    const pool = storwize.pools[1];
    const before = await volumeCount();
    const created = await call<ApiVolume>('POST', '/api/volumes', {
      arrayId: storwize.id,
      poolId: pool?.id,
      name: 'vdisk_api_test',
      capacityBytes: 10 * GiB,
      preferredOwner: 'B',
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`/api/volumes/${created.body.id}`);
    expect(created.body).toMatchObject({
      arrayId: storwize.id,
      poolId: pool?.id,
      name: 'vdisk_api_test',
      capacityBytes: 10 * GiB,
      preferredOwner: 'B',
      currentOwner: 'B',
      roles: [],
      status: 'online',
      readOnly: false,
    });
    expect(await volumeCount()).toBe(before + 1);
    expect((await get<ApiVolume>(`/api/volumes/${created.body.id}`)).body.name).toBe('vdisk_api_test');
    const after = await get<ApiArray>(`/api/arrays/${storwize.id}`);
    expect(after.body.usedBytes).toBe(storwize.usedBytes + 10 * GiB);
    const events = (await get<{ kind: string; subjectId: string }[]>('/api/events?kind=volume.created')).body;
    expect(events.some((e) => e.subjectId === created.body.id)).toBe(true);
  });

  it('balances the preferred owner when none is given and accepts decimal-string capacities', async () => {
    const santricity = await arrayOf('santricity');
    const created = await call<ApiVolume>('POST', '/api/volumes', { arrayId: santricity.id, name: 'auto_owner_01', capacityBytes: String(2 * GiB) });
    expect(created.status).toBe(201);
    expect(['A', 'B']).toContain(created.body.preferredOwner);
    expect(created.body.capacityBytes).toBe(2 * GiB);
  });

  describe('refuses bad input with the error shape and changes nothing', () => {
    const cases: [string, () => Promise<{ body?: unknown; raw?: string }>, number, string][] = [
      ['malformed JSON', async () => ({ raw: '{"arrayId": ' }), 400, 'bad_request'],
      ['an empty body', async () => ({ raw: '' }), 400, 'bad_request'],
      ['a JSON array', async () => ({ body: [1, 2] }), 400, 'bad_request'],
      ['a negative capacity', async () => ({ body: { arrayId: (await arrayOf('xp7')).id, name: 'neg', capacityBytes: -1 } }), 400, 'bad_request'],
      [
        'an absurd capacity',
        async () => ({ body: { arrayId: (await arrayOf('xp7')).id, name: 'huge', capacityBytes: '999999999999999999999999' } }),
        400,
        'bad_request',
      ],
      ['a float capacity', async () => ({ body: { arrayId: (await arrayOf('xp7')).id, name: 'float', capacityBytes: 1e300 } }), 400, 'bad_request'],
      ['wrong types', async () => ({ body: { arrayId: 42, name: ['x'], capacityBytes: 'ten gigs' } }), 400, 'bad_request'],
      [
        'an injection-style name',
        async () => ({ body: { arrayId: (await arrayOf('xp7')).id, name: "x'; DROP TABLE Volume;--", capacityBytes: GiB } }),
        400,
        'bad_request',
      ],
      ['an unknown array', async () => ({ body: { arrayId: 'no-such-array', name: 'orphan', capacityBytes: GiB } }), 404, 'not_found'],
      ['a duplicate name', async () => ({ body: { arrayId: (await arrayOf('ds6000')).id, name: '1000', capacityBytes: GiB } }), 409, 'conflict'],
      [
        'a pool of another array',
        async () => ({ body: { arrayId: (await arrayOf('ds6000')).id, poolId: (await arrayOf('xp7')).pools[0]?.id, name: 'wrongpool', capacityBytes: GiB } }),
        422,
        'unprocessable',
      ],
      [
        'more than the pool has free',
        async () => ({
          body: {
            arrayId: (await arrayOf('ds6000')).id,
            poolId: (await arrayOf('ds6000')).pools[0]?.id,
            name: 'toobig',
            capacityBytes: String(64n * 1024n ** 4n),
          },
        }),
        422,
        'unprocessable',
      ],
      [
        'an oversized body',
        async () => ({ raw: JSON.stringify({ arrayId: 'x', name: 'big', capacityBytes: GiB, pad: 'x'.repeat(2 * 1024 * 1024) }) }),
        413,
        'payload_too_large',
      ],
    ];

    it.each(cases)('%s', async (_label, make, status, code) => {
      const before = await volumeCount();
      const eventsBefore = (await get<unknown[]>('/api/events?limit=1000&category=changes')).body.length;
      const { body, raw } = await make();
      const response = await call<ApiError>('POST', '/api/volumes', body, raw);
      expect(response.status).toBe(status);
      expect(response.body.error.code).toBe(code);
      expect(response.body.error.message.length).toBeGreaterThan(5);
      expect(await volumeCount()).toBe(before);
      expect((await get<unknown[]>('/api/events?limit=1000&category=changes')).body.length).toBe(eventsBefore);
    });

    it('lists every field problem in details', async () => {
      const response = await call<ApiError>('POST', '/api/volumes', { name: '', capacityBytes: -5 });
      const paths = (response.body.error.details as { path: string }[]).map((d) => d.path);
      expect(paths).toEqual(expect.arrayContaining(['arrayId', 'name', 'capacityBytes']));
    });
  });

  it("changes a volume's owner (preferred and current); the target of a copy in progress follows its source and cannot move alone", async () => {
    const santricity = await arrayOf('santricity');
    const pool = santricity.pools[0];
    const make = async (name: string, preferredOwner: string) =>
      (await call<ApiVolume>('POST', '/api/volumes', { arrayId: santricity.id, poolId: pool?.id, name, capacityBytes: GiB, preferredOwner })).body;
    const source = await make('owner_src', 'A');
    const target = await make('owner_dst', 'B');
    const moved = await call<ApiVolume>('PUT', `/api/volumes/${target.id}/owner`, { owner: 'A' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ preferredOwner: 'A', currentOwner: 'A' });
    expect((await call<ApiError>('PUT', `/api/volumes/${target.id}/owner`, { owner: 'C' })).status).toBe(400);
    await call('PUT', `/api/volumes/${target.id}/owner`, { owner: 'B' });
    const copy = await call<{ id: string; state: string }>('POST', '/api/copies', {
      type: 'volume-copy',
      sourceVolumeId: source.id,
      targetVolumeId: target.id,
      options: { priority: 'lowest' },
    });
    expect(copy.status).toBe(201);
    const refused = await call<ApiError>('PUT', `/api/volumes/${target.id}/owner`, { owner: 'B' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/follows its source owner_src/);
    expect((await call<ApiVolume>('PUT', `/api/volumes/${source.id}/owner`, { owner: 'B' })).body.currentOwner).toBe('B');
    expect((await get<ApiVolume>(`/api/volumes/${target.id}`)).body.currentOwner).toBe('B');
    expect((await call('DELETE', `/api/copies/${copy.body.id}`)).status).toBe(204);
  });

  it('deletes a free volume (204), then 404s it', async () => {
    const ds = await arrayOf('ds6000');
    const created = await call<ApiVolume>('POST', '/api/volumes', { arrayId: ds.id, name: '10F0', capacityBytes: GiB });
    expect(created.status).toBe(201);
    const removed = await call<undefined>('DELETE', `/api/volumes/${created.body.id}`);
    expect(removed.status).toBe(204);
    expect((await get<ApiError>(`/api/volumes/${created.body.id}`)).status).toBe(404);
    expect((await call<ApiError>('DELETE', `/api/volumes/${created.body.id}`)).status).toBe(404);
  });

  it('either stores a 20 TiB volume whole or refuses it at creation, leaving nothing behind', async () => {
    const xp7 = await arrayOf('xp7');
    const before = await volumeCount();
    const filesBefore = fs.readdirSync(`${server.dataDir}/volumes`).length;
    const capacityBytes = 20 * 1024 * GiB;
    const created = await call<ApiVolume & ApiError>('POST', '/api/volumes', { arrayId: xp7.id, name: 'HUGE_20T', capacityBytes });
    if (created.status === 201) {
      // The file system holds it: the far end of the volume reads and writes like the start.
      const end = capacityBytes - 4096;
      const data = new Uint8Array(4096).fill(7);
      expect(
        (
          await fetch(`${server.baseUrl}/api/volumes/${created.body.id}/data?offset=${end}`, {
            method: 'PUT',
            headers: { 'content-type': 'application/octet-stream', ...bearer(token) },
            body: data,
          })
        ).status,
      ).toBe(204);
      const back = await fetch(`${server.baseUrl}/api/volumes/${created.body.id}/data?offset=${end}&length=4096`, { headers: bearer(token) });
      expect(new Uint8Array(await back.arrayBuffer())).toEqual(data);
      return;
    }
    expect(created.status).toBe(422);
    expect(created.body.error.message).toMatch(/cannot be stored/);
    expect(await volumeCount()).toBe(before);
    expect(fs.readdirSync(`${server.dataDir}/volumes`)).toHaveLength(filesBefore);
    const events = (await get<{ kind: string; details: { name?: string } }[]>('/api/events?limit=20')).body;
    expect(events.some((event) => event.kind === 'volume.created' && event.details.name === 'HUGE_20T')).toBe(false);
  });
});

describe('restart', () => {
  it('shuts down gracefully on SIGTERM and keeps the inventory without re-seeding', async () => {
    const santricity = await arrayOf('santricity');
    const created = await call<ApiVolume>('POST', '/api/volumes', { arrayId: santricity.id, name: 'survives_restart', capacityBytes: 5 * GiB });
    expect(created.status).toBe(201);
    const before = await volumeCount();
    expect(await server.stop('SIGTERM')).toBe(0);
    server = await startServer({ dataDir: server.dataDir });
    expect(await volumeCount()).toBe(before);
    expect((await arrays()).length).toBe(4);
    expect((await get<ApiVolume>(`/api/volumes/${created.body.id}`)).body.name).toBe('survives_restart');
  });
});
