// `npm run bench:cluster`: two console nodes on one embedded PostgreSQL (issue #13), each figure
// against a baseline measured in the same run:
//   api       — GET /api/copies p50/p95 on the backup (forwarded) vs on the primary;
//   commands  — volume renames per second through the primary alone vs through both nodes at once
//               (the same number of concurrent callers);
//   pushes    — socket.io messages per second heard by a console on the backup vs one on the
//               primary, while 40 FlashCopy mappings copy at 100×;
//   takeover  — kill -9 the primary N times (`--kills N`, default 3): ms from the kill until the
//               backup answers an engine read as primary (median and max), with the lease length.
// `--lease-ms L` sets the lease (default 5000, as `npm start`). Benchmarks report; they never fail.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { adminToken, bearer } from '../tests/support/auth';
import { startCluster, waitForPrimary, type ClusterMember } from '../tests/support/cluster';
import { buildIfNeeded } from './build-if-needed';

const GiB = 1024 ** 3;
const API_SAMPLES = 200;
const COMMAND_WINDOW_MS = 10_000;
const COMMAND_CALLERS = 8;
const PUSH_WINDOW_MS = 10_000;
const MAPPINGS = 40;

const argValue = (name: string): string | undefined => {
  const index = process.argv.indexOf(name);
  return index > 0 ? process.argv[index + 1] : undefined;
};
const LEASE_MS = Number(argValue('--lease-ms') ?? 5000);
const KILLS = Number(argValue('--kills') ?? 3);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function call<T>(baseUrl: string, token: string, method: string, urlPath: string, body?: unknown): Promise<T> {
  const response = await fetch(`${baseUrl}${urlPath}`, {
    method,
    headers: { ...bearer(token), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${urlPath} → ${response.status} ${await response.text()}`);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

async function apiLatencyMs(baseUrl: string, token: string): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < API_SAMPLES; i++) {
    const startMs = performance.now();
    await call(baseUrl, token, 'GET', '/api/copies');
    samples.push(performance.now() - startMs);
  }
  return samples;
}

/** Renames per second by COMMAND_CALLERS callers spread over `baseUrls`, each renaming its own volume. */
async function commandsPerSecond(baseUrls: string[], token: string, volumeIds: string[]): Promise<number> {
  let done = 0;
  const endMs = performance.now() + COMMAND_WINDOW_MS;
  await Promise.all(
    volumeIds.slice(0, COMMAND_CALLERS).map(async (id, caller) => {
      const baseUrl = baseUrls[caller % baseUrls.length]!;
      for (let n = 0; performance.now() < endMs; n++) {
        await call(baseUrl, token, 'PATCH', `/api/volumes/${id}`, { name: `bench_${caller}_${n % 2}` });
        done++;
      }
    }),
  );
  return done / (COMMAND_WINDOW_MS / 1000);
}

async function listen(baseUrl: string, token: string): Promise<{ socket: Socket; count: () => number }> {
  const socket = connectSocket(baseUrl, { auth: { token }, transports: ['websocket'] });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  socket.emit('subscribe', { rooms: ['fleet'] });
  let messages = 0;
  socket.onAny(() => messages++);
  return { socket, count: () => messages };
}

interface ArrayDto {
  id: string;
  model: string;
  pools: { id: string }[];
}

async function startMappings(primary: ClusterMember, token: string): Promise<void> {
  const baseUrl = primary.server!.baseUrl;
  const arrays = await call<ArrayDto[]>(baseUrl, token, 'GET', '/api/arrays');
  const storwize = arrays.find((array) => array.model === 'storwize')!;
  const volume = (name: string) =>
    call<{ id: string }>(baseUrl, token, 'POST', '/api/volumes', { arrayId: storwize.id, poolId: storwize.pools[0]!.id, name, capacityBytes: GiB });
  const source = await volume('bench_src');
  for (let i = 0; i < MAPPINGS; i++) {
    const target = await volume(`bench_tgt_${i}`);
    await call(baseUrl, token, 'POST', '/api/copies', { type: 'flashcopy', sourceVolumeId: source.id, targetVolumeId: target.id, options: { copyRate: 50 } });
  }
  await call(baseUrl, token, 'PUT', '/api/simulation', { speed: 100 });
}

async function main(): Promise<void> {
  if (!process.argv.includes('--no-build')) buildIfNeeded();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'grainline-bench-cluster-'));
  const cluster = await startCluster({ dataDir, leaseMs: LEASE_MS });
  const sockets: Socket[] = [];
  try {
    const token = await adminToken(cluster.members[0]!.server!.baseUrl, dataDir);
    let primary = await cluster.primary(token);
    let backup = cluster.members.find((member) => member !== primary)!;
    console.log(`bench:cluster: ${cluster.members.length} nodes, lease ${LEASE_MS} ms, machine load ${os.loadavg()[0]!.toFixed(1)}`);

    const onPrimary = await apiLatencyMs(primary.server!.baseUrl, token);
    const onBackup = await apiLatencyMs(backup.server!.baseUrl, token);
    console.log(
      `api GET /api/copies: primary p50 ${percentile(onPrimary, 50).toFixed(1)} ms p95 ${percentile(onPrimary, 95).toFixed(1)} ms; ` +
        `backup p50 ${percentile(onBackup, 50).toFixed(1)} ms p95 ${percentile(onBackup, 95).toFixed(1)} ms; ` +
        `backup/primary p95 ${(percentile(onBackup, 95) / percentile(onPrimary, 95)).toFixed(2)}×`,
    );

    const volumes = (await call<{ id: string; arrayId: string }[]>(primary.server!.baseUrl, token, 'GET', '/api/volumes')).map((volume) => volume.id);
    const one = await commandsPerSecond([primary.server!.baseUrl], token, volumes);
    const two = await commandsPerSecond([primary.server!.baseUrl, backup.server!.baseUrl], token, volumes);
    console.log(
      `commands (volume rename, ${COMMAND_CALLERS} callers): one node ${one.toFixed(0)}/s, both nodes ${two.toFixed(0)}/s: ${(two / one).toFixed(2)}×`,
    );

    await startMappings(primary, token);
    const heardOnPrimary = await listen(primary.server!.baseUrl, token);
    const heardOnBackup = await listen(backup.server!.baseUrl, token);
    sockets.push(heardOnPrimary.socket, heardOnBackup.socket);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const [p0, b0] = [heardOnPrimary.count(), heardOnBackup.count()];
    await new Promise((resolve) => setTimeout(resolve, PUSH_WINDOW_MS));
    const pushesPrimary = (heardOnPrimary.count() - p0) / (PUSH_WINDOW_MS / 1000);
    const pushesBackup = (heardOnBackup.count() - b0) / (PUSH_WINDOW_MS / 1000);
    console.log(
      `pushes (${MAPPINGS} mappings at 100×): console on primary ${pushesPrimary.toFixed(1)}/s, on backup ${pushesBackup.toFixed(1)}/s: ${(pushesBackup / pushesPrimary).toFixed(2)}×`,
    );

    const takeovers: number[] = [];
    for (let kill = 0; kill < KILLS; kill++) {
      primary = await cluster.primary(token);
      backup = cluster.members.find((member) => member !== primary)!;
      const killedAtMs = Date.now();
      await primary.server!.stop('SIGKILL');
      takeovers.push(await waitForPrimary(cluster, backup, token, killedAtMs, LEASE_MS + 60_000));
      await cluster.start(primary);
    }
    console.log(
      `takeover over ${KILLS} kills: median ${percentile(takeovers, 50).toFixed(0)} ms, max ${Math.max(...takeovers).toFixed(0)} ms ` +
        `(lease ${LEASE_MS} ms: median ${(percentile(takeovers, 50) / LEASE_MS).toFixed(2)}× the lease)`,
    );
  } finally {
    for (const socket of sockets) socket.disconnect();
    await cluster.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
