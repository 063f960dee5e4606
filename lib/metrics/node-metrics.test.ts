// The registry as a scrape renders it: every source read at the scrape, label sets bounded.
import http from 'node:http';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createFixture } from '../../engine/testing/fixture';
import type { SaveRecord } from '../persist/persister';
import { UnsavedSince } from '../persist/unsaved-since';
import { HostIoCounters } from '../services/host-io-counters';
import { setClusterRoleSource } from './cluster-role';
import { createNodeMetrics } from './node-metrics';
import { RoutePatterns } from './route-patterns';

/** The lines of the exposition for one metric family (its samples, without # lines). */
function samplesOf(text: string, name: string): string[] {
  return text.split('\n').filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `));
}

/** What the persister offers the metrics, over the same trackers it keeps. */
function saveSource() {
  const changes = new UnsavedSince(() => 10_000);
  const listeners: ((save: SaveRecord) => void)[] = [];
  return {
    changes,
    save: (record: SaveRecord) => listeners.forEach((listener) => listener(record)),
    oldestUnsaved: () => ({ changesMs: changes.oldestMs(), progressMs: null }),
    onSaved: (listener: (save: SaveRecord) => void) => {
      listeners.push(listener);
      return () => undefined;
    },
  };
}

afterEach(() => setClusterRoleSource(null));

describe('node metrics', () => {
  it('counts copies by service, model and state at the scrape, every state of every service shown', async () => {
    const { engine, volume } = createFixture();
    const metrics = createNodeMetrics(new RoutePatterns([]));
    metrics.watch({ engine, persister: saveSource(), hostIo: { counters: new HostIoCounters(), syncs: { syncCount: 0, answeredCount: 0 } }, io: null });
    engine.createCopy({ type: 'volume-copy', sourceVolumeId: volume('santricity', 0).id, targetVolumeId: volume('santricity', 1).id });
    engine.createCopy({ type: 'volume-copy', sourceVolumeId: volume('santricity', 2).id, targetVolumeId: volume('santricity', 3).id });
    const text = await metrics.registry.metrics();
    const copies = samplesOf(text, 'grainline_copies');
    expect(copies).toContain('grainline_copies{service="volume-copy",model="santricity",state="in-progress"} 2');
    expect(copies).toContain('grainline_copies{service="shadowimage",model="xp7",state="PAIR"} 0');
    expect(copies).toContain('grainline_copies{service="flashcopy",model="ds6000",state="nocopy"} 0');
    engine.advance(600_000);
    const later = samplesOf(await metrics.registry.metrics(), 'grainline_copies');
    expect(later).toContain('grainline_copies{service="volume-copy",model="santricity",state="completed"} 2');
    expect(later).toContain('grainline_copies{service="volume-copy",model="santricity",state="in-progress"} 0');
  });

  it('reports the engine tick, the persister lag and its saves, and host I/O totals that never shrink', async () => {
    const { engine, volume } = createFixture();
    const metrics = createNodeMetrics(new RoutePatterns([]));
    const persister = saveSource();
    const counters = new HostIoCounters();
    const syncs = { syncCount: 2, answeredCount: 7 };
    // The lag is read against the wall clock: a change marked at 10 s (epoch) is decades old now.
    metrics.watch({ engine, persister, hostIo: { counters, syncs }, io: null });
    metrics.engineTicked(2);
    persister.changes.mark();
    persister.save({ scope: 'changes', durationMs: 30, ok: true });
    persister.save({ scope: 'progress', durationMs: 3_000, ok: false });
    const id = volume('xp7', 0).id;
    counters.wrote(id, 4096);
    counters.read(id, 512);
    const detach = counters.connected(id, { protocol: 'nbd', user: 'alice', address: '127.0.0.1', readOnly: false, sinceIso: new Date(0).toISOString() });
    let text = await metrics.registry.metrics();
    expect(samplesOf(text, 'grainline_engine_tick_duration_seconds_bucket')).toContain('grainline_engine_tick_duration_seconds_bucket{le="0.0025"} 1');
    expect(samplesOf(text, 'grainline_engine_tick_duration_seconds_bucket')).toContain('grainline_engine_tick_duration_seconds_bucket{le="0.001"} 0');
    const age = Number(
      samplesOf(text, 'grainline_persister_unsaved_age_seconds')
        .find((line) => line.includes('kind="changes"'))
        ?.split(' ')[1],
    );
    expect(age).toBeGreaterThan(50 * 365 * 24 * 3600);
    expect(samplesOf(text, 'grainline_persister_unsaved_age_seconds')).toContain('grainline_persister_unsaved_age_seconds{kind="progress"} 0');
    expect(samplesOf(text, 'grainline_persister_save_duration_seconds_count')).toEqual([
      'grainline_persister_save_duration_seconds_count{scope="changes"} 1',
      'grainline_persister_save_duration_seconds_count{scope="progress"} 1',
    ]);
    expect(samplesOf(text, 'grainline_persister_save_failures_total')).toContain('grainline_persister_save_failures_total{scope="progress"} 1');
    expect(samplesOf(text, 'grainline_persister_save_failures_total')).toContain('grainline_persister_save_failures_total{scope="changes"} 0');
    expect(samplesOf(text, 'grainline_host_written_bytes_total')).toEqual(['grainline_host_written_bytes_total 4096']);
    expect(samplesOf(text, 'grainline_host_reads_total')).toEqual(['grainline_host_reads_total 1']);
    expect(samplesOf(text, 'grainline_nbd_connections')).toEqual(['grainline_nbd_connections 1']);
    expect(samplesOf(text, 'grainline_host_syncs_total')).toEqual(['grainline_host_syncs_total 2']);
    expect(samplesOf(text, 'grainline_host_sync_waiters_total')).toEqual(['grainline_host_sync_waiters_total 7']);
    // A deleted volume's counts go with it; the node's totals stay (a counter must not go down).
    detach();
    detach();
    counters.forget(id);
    text = await metrics.registry.metrics();
    expect(samplesOf(text, 'grainline_host_written_bytes_total')).toEqual(['grainline_host_written_bytes_total 4096']);
    expect(samplesOf(text, 'grainline_nbd_connections')).toEqual(['grainline_nbd_connections 0']);
  });

  it('reads the cluster role from the source the cluster module sets, and the single-node truth without one', async () => {
    const metrics = createNodeMetrics(new RoutePatterns([]));
    let text = await metrics.registry.metrics();
    expect(samplesOf(text, 'grainline_node_role')).toEqual(['grainline_node_role{role="primary"} 1', 'grainline_node_role{role="backup"} 0']);
    expect(samplesOf(text, 'grainline_lease_held')).toEqual(['grainline_lease_held 1']);
    expect(samplesOf(text, 'grainline_lease_expires_in_seconds')).toEqual([]);
    setClusterRoleSource(() => ({ role: 'backup', leaseHeld: false, leaseExpiresInMs: 4_500 }));
    text = await metrics.registry.metrics();
    expect(samplesOf(text, 'grainline_node_role')).toEqual(['grainline_node_role{role="primary"} 0', 'grainline_node_role{role="backup"} 1']);
    expect(samplesOf(text, 'grainline_lease_held')).toEqual(['grainline_lease_held 0']);
    expect(samplesOf(text, 'grainline_lease_expires_in_seconds')).toEqual(['grainline_lease_expires_in_seconds{role="backup"} 4.5']);
    setClusterRoleSource(null);
    expect(samplesOf(await metrics.registry.metrics(), 'grainline_lease_held')).toEqual(['grainline_lease_held 1']);
  });
});

describe('HTTP metrics', () => {
  let server: http.Server | null = null;
  afterEach(() => new Promise<void>((resolve) => (server === null ? resolve() : server.close(() => resolve()))));

  it('counts answered requests by method, route pattern and status class, and requests whose client left as aborted', async () => {
    const metrics = createNodeMetrics(new RoutePatterns(['/api/copies/:id', '/slow']));
    server = http.createServer((req, res) => {
      metrics.http.observe(req, res);
      if (req.url === '/slow') return; // never answers: the client gives up
      res.statusCode = req.url?.endsWith('/missing') ? 404 : 200;
      res.end('ok');
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    const base = `http://127.0.0.1:${port}`;
    await (await fetch(`${base}/api/copies/one`)).text();
    await (await fetch(`${base}/api/copies/two?x=1`)).text();
    await (await fetch(`${base}/api/copies/missing`, { method: 'DELETE' })).text();
    await (await fetch(`${base}/nowhere`, { method: 'PROPFIND' })).text();
    await new Promise<void>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.write('GET /slow HTTP/1.1\r\nHost: x\r\n\r\n');
        setTimeout(() => socket.destroy(), 50);
      });
      socket.on('close', () => setTimeout(resolve, 50));
    });
    const requests = samplesOf(await metrics.registry.metrics(), 'grainline_http_requests_total');
    expect(requests.sort()).toEqual([
      'grainline_http_requests_total{method="DELETE",route="/api/copies/:id",status_class="4xx"} 1',
      'grainline_http_requests_total{method="GET",route="/api/copies/:id",status_class="2xx"} 2',
      'grainline_http_requests_total{method="GET",route="/slow",status_class="aborted"} 1',
      'grainline_http_requests_total{method="other",route="other",status_class="2xx"} 1',
    ]);
  });
});
