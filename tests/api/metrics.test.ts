// GET /metrics against the real server: who may scrape, and that the numbers move with what the
// node does (requests by route pattern, a new copy in its state, a socket client, host I/O, saves).
import fs from 'node:fs';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, type ApiErrorBody } from '../support/api';
import { adminToken, bearer, createTokenAs, signIn } from '../support/auth';
import { startServer, TEST_ADMIN, type RunningServer } from '../support/server';

let server: RunningServer;
let token = '';
let monitorToken = '';
const { get, post, put, putBytes } = apiClient(
  () => server.baseUrl,
  () => bearer(token),
);

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The samples of a Prometheus text exposition (comments skipped). */
function parseExposition(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (match === null) throw new Error(`not an exposition line: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, key, value] of (match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) labels[key as string] = value as string;
    samples.push({ name: match[1] as string, labels, value: Number(match[3]) });
  }
  return samples;
}

/** The value of the one sample with this name whose labels include `labels`; 0 when none has them. */
function valueOf(samples: Sample[], name: string, labels: Record<string, string> = {}): number {
  const found = samples.filter((s) => s.name === name && Object.entries(labels).every(([key, value]) => s.labels[key] === value));
  if (found.length > 1) throw new Error(`${found.length} samples of ${name} match ${JSON.stringify(labels)}`);
  return found[0]?.value ?? 0;
}

async function scrape(): Promise<{ samples: Sample[]; text: string }> {
  const response = await fetch(`${server.baseUrl}/metrics`, { headers: bearer(monitorToken) });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  const text = await response.text();
  return { samples: parseExposition(text), text };
}

interface Volume {
  id: string;
  capacityBytes: number;
  roles: string[];
}

beforeAll(async () => {
  server = await startServer();
  token = await adminToken(server.baseUrl, server.dataDir);
  const session = await signIn(server.baseUrl, TEST_ADMIN.username, TEST_ADMIN.password);
  monitorToken = await createTokenAs(server.baseUrl, session, 'prometheus', 'monitor');
  expect((await put('/api/simulation', { speed: 0 })).status).toBe(200);
});

afterAll(async () => {
  await server?.stop();
  if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
});

describe('GET /metrics', () => {
  it('takes a signed-in caller of any role, and refuses anyone else in the API error shape', async () => {
    const anonymous = await fetch(`${server.baseUrl}/metrics`);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as ApiErrorBody).error.code).toBe('unauthorized');
    const badToken = await fetch(`${server.baseUrl}/metrics`, { headers: bearer('gl_not-a-token') });
    expect(badToken.status).toBe(401);
    const post = await fetch(`${server.baseUrl}/metrics`, { method: 'POST', headers: bearer(monitorToken) });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    const { text, samples } = await scrape();
    expect(text).toMatch(/^# HELP grainline_http_requests_total /m);
    expect(text).toMatch(/^# TYPE grainline_engine_tick_duration_seconds histogram$/m);
    // Node's own, prefixed.
    expect(valueOf(samples, 'grainline_process_resident_memory_bytes')).toBeGreaterThan(0);
    // One node: the primary, holding the engine. Alone on SQLite no lease can lapse; on PostgreSQL
    // (the suites' second run) it is a cluster of one, holding a lease it renews.
    expect(valueOf(samples, 'grainline_node_role', { role: 'primary' })).toBe(1);
    expect(valueOf(samples, 'grainline_node_role', { role: 'backup' })).toBe(0);
    expect(valueOf(samples, 'grainline_lease_held')).toBe(1);
    const leaseLeft = samples.find((s) => s.name === 'grainline_lease_expires_in_seconds');
    if (server.databaseUrl.startsWith('file:')) expect(leaseLeft).toBeUndefined();
    else expect(leaseLeft?.value).toBeGreaterThan(0);
    // The engine loop ticks every 50 ms, paused or not.
    expect(valueOf(samples, 'grainline_engine_tick_duration_seconds_count')).toBeGreaterThan(0);
  });

  it('counts requests by route pattern and status class, never by raw path', async () => {
    const before = (await scrape()).samples;
    for (let i = 0; i < 3; i += 1) expect((await get('/api/arrays')).status).toBe(200);
    expect((await get('/api/copies/no-such-copy-4711')).status).toBe(404);
    const page = await fetch(`${server.baseUrl}/copies/page-id-4712`, { redirect: 'manual' });
    await page.text();
    expect(page.status).toBeLessThan(500);
    const { samples, text } = await scrape();
    const arrays = { method: 'GET', route: '/api/arrays', status_class: '2xx' };
    expect(valueOf(samples, 'grainline_http_requests_total', arrays) - valueOf(before, 'grainline_http_requests_total', arrays)).toBe(3);
    expect(
      valueOf(samples, 'grainline_http_request_duration_seconds_count', arrays) - valueOf(before, 'grainline_http_request_duration_seconds_count', arrays),
    ).toBe(3);
    const missing = { method: 'GET', route: '/api/copies/:id', status_class: '4xx' };
    expect(valueOf(samples, 'grainline_http_requests_total', missing) - valueOf(before, 'grainline_http_requests_total', missing)).toBe(1);
    // A page's answer is counted when Next closes it, which may come a moment after the client has it all.
    const pageRequests = (samples_: Sample[]) => samples_.filter((s) => s.name === 'grainline_http_requests_total' && s.labels.route === '/copies/:id');
    await expect.poll(async () => pageRequests((await scrape()).samples).map((s) => s.value), { timeout: 5_000 }).toEqual([1]);
    expect(text).not.toContain('no-such-copy');
    expect(text).not.toContain('page-id');
    // The scrape before this one counted too.
    expect(valueOf(samples, 'grainline_http_requests_total', { method: 'GET', route: '/metrics', status_class: '2xx' })).toBeGreaterThan(0);
  });

  it('counts a new copy in its state, the host I/O of the data path and the saves it took', async () => {
    const santricity = (await get<{ id: string; model: string }[]>('/api/arrays')).body.find((a) => a.model === 'santricity');
    const volumes = (await get<Volume[]>(`/api/volumes?arrayId=${santricity?.id}`)).body.filter((v) => v.roles.length === 0);
    const source = volumes.find((v) => volumes.some((w) => w !== v && w.capacityBytes === v.capacityBytes));
    const target = volumes.find((v) => v !== source && v.capacityBytes === source?.capacityBytes);
    if (source === undefined || target === undefined) throw new Error('no equal-size santricity pair');
    const before = (await scrape()).samples;
    const data = new Uint8Array(8192).fill(7);
    expect((await putBytes(`/api/volumes/${source.id}/data?offset=0`, data)).status).toBe(204);
    const created = await post<{ id: string; state: string }>('/api/copies', { type: 'volume-copy', sourceVolumeId: source.id, targetVolumeId: target.id });
    expect(created.status).toBe(201);
    expect(created.body.state).toBe('in-progress');
    const after = (await scrape()).samples;
    const inProgress = { service: 'volume-copy', model: 'santricity', state: 'in-progress' };
    expect(valueOf(after, 'grainline_copies', inProgress) - valueOf(before, 'grainline_copies', inProgress)).toBe(1);
    expect(valueOf(after, 'grainline_host_writes_total') - valueOf(before, 'grainline_host_writes_total')).toBe(1);
    expect(valueOf(after, 'grainline_host_written_bytes_total') - valueOf(before, 'grainline_host_written_bytes_total')).toBe(8192);
    const dataPath = { method: 'PUT', route: '/api/volumes/:id/data', status_class: '2xx' };
    expect(valueOf(after, 'grainline_http_requests_total', dataPath) - valueOf(before, 'grainline_http_requests_total', dataPath)).toBe(1);
    // The write and the creation each waited for a save of changes.
    const saves = { scope: 'changes' };
    expect(valueOf(after, 'grainline_persister_save_duration_seconds_count', saves)).toBeGreaterThan(
      valueOf(before, 'grainline_persister_save_duration_seconds_count', saves),
    );
    expect(valueOf(after, 'grainline_persister_save_failures_total', saves)).toBe(0);
    // Both are on record: nothing the commands changed waits (the timer's saves come every 250 ms).
    expect(valueOf(after, 'grainline_persister_unsaved_age_seconds', { kind: 'changes' })).toBeLessThan(5);
  });

  it('counts live-update clients while they are connected', async () => {
    const before = valueOf((await scrape()).samples, 'grainline_socket_clients');
    const socket: Socket = connectSocket(server.baseUrl, { transports: ['websocket'], reconnection: false, forceNew: true, auth: { token: monitorToken } });
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      });
      expect(valueOf((await scrape()).samples, 'grainline_socket_clients')).toBe(before + 1);
    } finally {
      socket.disconnect();
    }
    await expect.poll(async () => valueOf((await scrape()).samples, 'grainline_socket_clients'), { timeout: 5_000 }).toBe(before);
  });
});
