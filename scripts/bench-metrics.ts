// `npm run bench:metrics`: what the metrics cost the node, against baselines measured in the same
// run, 3 runs each (min / median / max):
//   request — CPU per request (client and server: both in this process) of a Node HTTP server
//             answering 204 with the HTTP metrics observing every request, vs the same server
//             without them (alternating, same process).
//             Target: ≤ 1.25× (the data path answers in tens of microseconds; counting must not double it).
//   scrape  — one render of the whole registry for an engine holding 1,000 copies of 1 GiB
//             volumes, vs one engine tick (50 ms of simulated time) of that fleet copying. Target: a scrape costs less than a few ticks (every
//             15 s against twenty ticks a second).
// Benchmarks report; they never fail a build.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFixture } from '../engine/testing/fixture';
import { HttpMetrics } from '../lib/metrics/http-metrics';
import { createNodeMetrics } from '../lib/metrics/node-metrics';
import { RoutePatterns } from '../lib/metrics/route-patterns';
import type { SaveRecord } from '../lib/persist/persister';
import { HostIoCounters } from '../lib/services/host-io-counters';
import { Registry } from 'prom-client';

const RUNS = 3;
const REQUESTS = 4_000;
const COPIES = 1_000;
const SCRAPES = 50;

function spread(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const fmt = (v: number) => v.toFixed(2);
  return `${fmt(sorted[1] as number)}× (min ${fmt(sorted[0] as number)}, max ${fmt(sorted[2] as number)})`;
}

/** CPU microseconds per request of `REQUESTS` sequential keep-alive GETs against a server in this process. */
async function cpuPerRequestUs(observe: ((req: http.IncomingMessage, res: http.ServerResponse) => void) | null): Promise<number> {
  const server = http.createServer((req, res) => {
    observe?.(req, res);
    res.writeHead(204);
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const get = (i: number) =>
    new Promise<void>((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port, path: `/api/volumes/v${i % 64}/data?offset=0&length=4096`, agent }, (res) => {
          res.resume();
          res.on('end', resolve);
        })
        .on('error', reject);
    });
  for (let i = 0; i < 200; i += 1) await get(i); // warm-up
  const before = process.cpuUsage();
  for (let i = 0; i < REQUESTS; i += 1) await get(i);
  const used = process.cpuUsage(before);
  agent.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return (used.user + used.system) / REQUESTS;
}

async function requestCost(): Promise<void> {
  const routes = new RoutePatterns(['/api/volumes/:id/data', '/api/volumes/:id', '/api/copies/:id', '/api/:path*']);
  const metrics = new HttpMetrics(new Registry(), routes);
  const ratios: number[] = [];
  // A round of each first, unmeasured: the first run would otherwise measure the JIT.
  await cpuPerRequestUs(null);
  await cpuPerRequestUs((req, res) => metrics.observe(req, res));
  for (let run = 0; run < RUNS; run += 1) {
    const bare = await cpuPerRequestUs(null);
    const counted = await cpuPerRequestUs((req, res) => metrics.observe(req, res));
    console.log(`  run ${run + 1}: bare ${bare.toFixed(1)} µs/request, with metrics ${counted.toFixed(1)} µs/request`);
    ratios.push(counted / bare);
  }
  console.log(`request: CPU per request with metrics vs without ${spread(ratios)} (target ≤ 1.25×)`);
}

async function scrapeCost(): Promise<void> {
  const perArray = Math.ceil((COPIES * 2) / 4) + 2;
  const { engine, volume } = createFixture({ volumesPerArray: perArray, capacityBytes: 1024 * 1024 * 1024 });
  let made = 0;
  for (const model of ['santricity', 'xp7', 'storwize', 'ds6000'] as const) {
    const type = model === 'santricity' ? 'volume-copy' : model === 'xp7' ? 'shadowimage' : 'flashcopy';
    for (let i = 0; i + 1 < perArray && made < COPIES; i += 2) {
      engine.createCopy({ type, sourceVolumeId: volume(model, i).id, targetVolumeId: volume(model, i + 1).id, start: true });
      made += 1;
    }
  }
  const metrics = createNodeMetrics(new RoutePatterns(['/api/copies/:id']));
  const listeners: ((save: SaveRecord) => void)[] = [];
  metrics.watch({
    engine,
    persister: { oldestUnsaved: () => ({ changesMs: null, progressMs: null }), onSaved: (listener) => (listeners.push(listener), () => undefined) },
    hostIo: { counters: new HostIoCounters(), syncs: { syncCount: 0, answeredCount: 0 } },
    io: null,
  });
  const ratios: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    let tickMs = 0;
    for (let i = 0; i < SCRAPES; i += 1) {
      const start = performance.now();
      engine.advance(50); // one tick's worth of simulated time at 1× (the clock is paused and stepped)
      tickMs += performance.now() - start;
    }
    let scrapeMs = 0;
    let bytes = 0;
    for (let i = 0; i < SCRAPES; i += 1) {
      const start = performance.now();
      bytes = (await metrics.registry.metrics()).length;
      scrapeMs += performance.now() - start;
    }
    console.log(`  run ${run + 1}: tick ${(tickMs / SCRAPES).toFixed(2)} ms, scrape ${(scrapeMs / SCRAPES).toFixed(2)} ms (${bytes} bytes)`);
    ratios.push(scrapeMs / tickMs);
  }
  console.log(`scrape: one scrape vs one 50 ms tick of ${made} copies ${spread(ratios)}`);
}

async function main(): Promise<void> {
  await requestCost();
  await scrapeCost();
}

void main();
