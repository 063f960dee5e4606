// `npm run bench:server`: the real server process (server.ts, production build) under load, each
// figure against a baseline measured in the same run:
//   cpu    — the server process's CPU (utime + stime from /proc/<pid>/stat, so engine tick,
//            persister, live push and Next all count) as a share of one core, at 100× with one
//            console subscribed to the fleet and, like the Copies page, watching the 40 rows in its
//            viewport (`--no-watch`: a subscriber that watches nothing and hears every copy). Busy: every storwize FlashCopy mapping copying
//            (copyRate 10); quiet: the same mappings at copyRate 0 (copying, nothing to move), measured
//            once every mapping has reached copying and the console has been told, and the inventory
//            has saved, the burst of state changes (it is not the steady cost). Busy likewise starts
//            once the burst of copy-rate changes has been told and saved.
//            Baseline: 10 copies. Targets: ≤ 15 % at 1,000; 10,000 within 50 %.
//   health — `GET /api/health` p50/p95 idle, then while one host workload of 2,000 IOPS × 256 KiB
//            random writes runs at 10×. Target p95 < 100 ms. Also: the bytes the workload's volume
//            file took on disk, and what the workload reports about being limited.
// `--copies 10,1000,3000,10000` picks the levels (default 10, 1,000, 3,000: creating copies through
// the API takes ~0.1–0.3 s each on a shared 2-core machine, so 10,000 is opt-in); `--skip-health`
// and `--skip-cpu` run one half; `--cpu-prof <dir>` profiles the server, `--cpu-prof-busy <dir>`
// only its busy CPU windows (one profile each); `--no-build` skips the build check. Benchmarks report; they never fail a build.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { adminToken, bearer } from '../tests/support/auth';
import { startServer, type RunningServer } from '../tests/support/server';
import { EVENTS_CREATED } from '../lib/realtime/event-feed';
import { WATCH_EVENT } from '../lib/realtime/progress-wire';
import { buildIfNeeded } from './build-if-needed';
import { profilingEnv, profilingWindows } from './bench-profiling';

const GiB = 1024 ** 3;
const KiB = 1024;
const CONCURRENCY = 6;
/** Wall time each CPU figure is measured over, after a settling pause. */
const CPU_WINDOW_MS = 15_000;
const SETTLE_MS = 3_000;
const HEALTH_WINDOW_MS = 20_000;
const HEALTH_INTERVAL_MS = 100;
/** Mappings per source volume (storwize allows many; a shared source keeps the volume count down). */
const TARGETS_PER_SOURCE = 50;
/** 4 GiB volumes: 10,000 mappings fit the demo storwize pools, and at copyRate 10 (128 KiB/s) × 100 a copy lasts ~5.5 min of wall time. */
const VOLUME_BYTES = 4 * GiB;

const argValue = (name: string): string | undefined => {
  const index = process.argv.indexOf(name);
  return index > 0 ? process.argv[index + 1] : undefined;
};
const LEVELS = (argValue('--copies') ?? '10,1000,3000').split(',').map(Number);

interface ArrayDto {
  id: string;
  model: string;
  pools: { id: string; capacityBytes: number | string; usedBytes: number | string }[];
}

class Api {
  constructor(
    readonly baseUrl: string,
    private readonly token: string,
  ) {}

  async call<T>(method: string, urlPath: string, body?: unknown): Promise<T> {
    const send = () =>
      fetch(`${this.baseUrl}${urlPath}`, {
        method,
        headers: { ...bearer(this.token), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    // A pooled connection the server closed as idle (keep-alive timeout) fails at once with
    // ECONNRESET; the calls the benchmark makes again (GET, PUT, PATCH, DELETE) are idempotent.
    const response = await send().catch((error: unknown) => {
      if (method === 'POST' || !isReset(error)) throw error;
      return send();
    });
    if (!response.ok) throw new Error(`${method} ${urlPath} → ${response.status} ${await response.text()}`);
    return (response.status === 204 ? undefined : await response.json()) as T;
  }

  /** The server's Prometheus text (GET /metrics). */
  async metrics(): Promise<string> {
    const send = () => fetch(`${this.baseUrl}/metrics`, { headers: bearer(this.token) });
    // As in call(): a pooled connection the server closed as idle fails at once; a GET is safe to repeat.
    const response = await send().catch((error: unknown) => {
      if (!isReset(error)) throw error;
      return send();
    });
    if (!response.ok) throw new Error(`GET /metrics → ${response.status}`);
    return response.text();
  }
}

const SETTLED_WAIT_MS = 600_000;

/**
 * Waits until `count` Storwize mappings are copying (grainline_copies on /metrics): after the
 * speed goes up, thousands of mappings still go preparing → prepared → copying, and the saves
 * and log entries of those changes are a burst, not the steady cost the windows measure.
 */
async function untilCopying(api: Api, count: number): Promise<void> {
  const endAt = performance.now() + SETTLED_WAIT_MS;
  const copyingOf = (text: string) => Number(/^grainline_copies\{service="flashcopy",model="storwize",state="copying"\} (\d+)$/m.exec(text)?.[1] ?? Number.NaN);
  while (copyingOf(await api.metrics()) < count) {
    if (performance.now() > endAt) throw new Error(`fewer than ${count} mappings were copying after ${SETTLED_WAIT_MS / 1000} s`);
    await sleep(1_000);
  }
}

/** How long the console must hear no log entries or copy changes before the quiet window: the burst has been told. */
const PUSHES_DRAINED_MS = 3_000;
const PUSHES_DRAINED_WAIT_MS = 180_000;
const BURST_PUSHES = new Set([EVENTS_CREATED, 'copies.updated']);

/**
 * Waits until the console has heard nothing for PUSHES_DRAINED_MS. Ten thousand mappings going
 * preparing → prepared → copying leave 30,000 log entries for the event tail to read and push, and
 * the saves behind them: a burst the quiet window must not measure (it did: 87 % of a core).
 */
async function untilPushesDrained(viewer: Socket): Promise<void> {
  let lastAt = performance.now();
  // Only what the burst causes: other pushes (the throughput chart's samples, say) never stop.
  const heard = (event: string) => {
    if (BURST_PUSHES.has(event)) lastAt = performance.now();
  };
  viewer.onAny(heard);
  try {
    const endAt = performance.now() + PUSHES_DRAINED_WAIT_MS;
    while (performance.now() - lastAt < PUSHES_DRAINED_MS) {
      if (performance.now() > endAt) {
        console.log(`  (the console still heard pushes after ${PUSHES_DRAINED_WAIT_MS / 1000} s: measuring anyway)`);
        return;
      }
      await sleep(250);
    }
  } finally {
    viewer.offAny(heard);
  }
}

/**
 * Waits until the persister has nothing unsaved (grainline_persister_unsaved_age_seconds) of the
 * given kinds: a console hears nothing while the server is busy saving the burst, so the pushes
 * having stopped alone does not say the burst is over. While copies move their progress is never
 * all saved, so before the busy window only `changes` are waited for.
 */
async function untilSaved(api: Api, kinds: readonly ('changes' | 'progress')[]): Promise<void> {
  const endAt = performance.now() + PUSHES_DRAINED_WAIT_MS;
  const unsaved = (text: string) =>
    [...text.matchAll(/^grainline_persister_unsaved_age_seconds\{kind="(\w+)"\} (\S+)$/gm)].some((m) => kinds.includes(m[1] as 'changes') && Number(m[2]) > 0);
  while (unsaved(await api.metrics())) {
    if (performance.now() > endAt) {
      console.log(`  (changes were still unsaved after ${PUSHES_DRAINED_WAIT_MS / 1000} s: measuring anyway)`);
      return;
    }
    await sleep(250);
  }
}

function isReset(error: unknown): boolean {
  return error instanceof Error && (error.cause as { code?: string } | undefined)?.code === 'ECONNRESET';
}

async function pooled<T>(items: T[], limit: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** utime + stime of a process in clock ticks (USER_HZ, 100 on Linux). */
function cpuTicks(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // After the command: state is field 3, so utime (14) and stime (15) are at 11 and 12.
  return Number(fields[11]) + Number(fields[12]);
}

const CLOCK_TICKS_PER_SEC = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

/** `--cpu-prof-busy`: the server's profiler starts and stops on SIGUSR2 (cpu-profile-preload.mjs). */
const PROFILE_WINDOWS = profilingWindows(process.argv);
/** Rows a console on the Copies page shows at 1440×900: it watches those (lib/realtime/progress-watch.ts). */
const VIEWPORT_ROWS = 40;
const WATCHING = !process.argv.includes('--no-watch');

async function cpuShare(pid: number, profile = false): Promise<number> {
  await sleep(SETTLE_MS);
  if (profile) process.kill(pid, 'SIGUSR2');
  const startTicks = cpuTicks(pid);
  const startMs = performance.now();
  await sleep(CPU_WINDOW_MS);
  if (profile) process.kill(pid, 'SIGUSR2');
  const usedMs = ((cpuTicks(pid) - startTicks) * 1000) / CLOCK_TICKS_PER_SEC;
  return (usedMs / (performance.now() - startMs)) * 100;
}

// ---------------------------------------------------------------------------------------------
// CPU against the number of copies.

class Mappings {
  readonly ids: string[] = [];
  private sourceId: string | null = null;
  private poolTurn = 0;

  constructor(
    private readonly api: Api,
    private readonly storwize: ArrayDto,
  ) {}

  private async volume(name: string): Promise<string> {
    const pools = this.storwize.pools;
    this.poolTurn += 1;
    const pool = pools[this.poolTurn % pools.length]!;
    const created = await this.api.call<{ id: string }>('POST', '/api/volumes', {
      arrayId: this.storwize.id,
      poolId: pool.id,
      name,
      capacityBytes: VOLUME_BYTES,
    });
    return created.id;
  }

  /** Grows to `count` mappings, each copying at `copyRate`. */
  async growTo(count: number, copyRate: number): Promise<void> {
    const wanted = Array.from({ length: Math.max(0, count - this.ids.length) }, (_, i) => this.ids.length + i);
    // Sources first (one per TARGETS_PER_SOURCE), so the pooled creation below shares them.
    const sources = new Map<number, string>();
    for (const index of wanted) {
      const group = Math.floor(index / TARGETS_PER_SOURCE);
      if (!sources.has(group)) sources.set(group, index % TARGETS_PER_SOURCE === 0 ? await this.volume(`bench_srv_src_${group}`) : this.sourceId!);
    }
    this.sourceId = [...sources.values()].at(-1) ?? this.sourceId;
    const created: string[] = new Array<string>(wanted.length);
    await pooled(wanted, CONCURRENCY, async (index, at) => {
      const target = await this.volume(`bench_srv_tgt_${index}`);
      const source = sources.get(Math.floor(index / TARGETS_PER_SOURCE))!;
      const copy = await this.api.call<{ id: string }>('POST', '/api/copies', {
        type: 'flashcopy',
        sourceVolumeId: source,
        targetVolumeId: target,
        options: { copyRate },
      });
      created[at] = copy.id;
    });
    this.ids.push(...created);
  }

  async setRate(copyRate: number): Promise<void> {
    await pooled(this.ids, CONCURRENCY, async (id) => {
      await this.api.call('PATCH', `/api/copies/${id}`, { options: { copyRate } });
    });
  }
}

interface CpuRow {
  copies: number;
  busy: number;
  quiet: number;
}

async function cpuRows(server: RunningServer, api: Api, viewer: Socket): Promise<CpuRow[]> {
  const arrays = await api.call<ArrayDto[]>('GET', '/api/arrays');
  const storwize = arrays.find((a) => a.model === 'storwize');
  if (storwize === undefined) throw new Error('the demo fleet has no storwize array');
  const mappings = new Mappings(api, storwize);
  const rows: CpuRow[] = [];
  const pid = server.process.pid!;
  for (const level of LEVELS) {
    await api.call('PUT', '/api/simulation', { speed: 0 });
    const createStart = performance.now();
    try {
      await mappings.growTo(level, 0);
    } catch (error) {
      console.log(`cpu: stopped growing at ${mappings.ids.length} copies: ${error instanceof Error ? error.message : String(error)}`);
      break;
    }
    console.log(`  ${level} copies ready in ${((performance.now() - createStart) / 1000).toFixed(0)} s`);
    if (WATCHING) watch(viewer, mappings.ids.slice(0, VIEWPORT_ROWS));
    await api.call('PUT', '/api/simulation', { speed: 100 });
    await untilCopying(api, mappings.ids.length);
    const drainStart = performance.now();
    await untilPushesDrained(viewer);
    await untilSaved(api, ['changes', 'progress']);
    console.log(
      `  ${mappings.ids.length} copies copying; their state changes pushed and saved ${((performance.now() - drainStart) / 1000).toFixed(0)} s later`,
    );
    const quiet = await cpuShare(pid);
    const rateStart = performance.now();
    await mappings.setRate(10);
    // The option changes are a burst of their own (a log entry, a push and a save each).
    await untilPushesDrained(viewer);
    await untilSaved(api, ['changes']);
    console.log(`  copy rate 10 set on every copy; told and saved ${((performance.now() - rateStart) / 1000).toFixed(0)} s later`);
    const busy = await cpuShare(pid, PROFILE_WINDOWS);
    await mappings.setRate(0);
    rows.push({ copies: mappings.ids.length, busy, quiet });
    console.log(
      `  ${mappings.ids.length} copies at 100×: busy ${busy.toFixed(1)} %, quiet ${quiet.toFixed(1)} % of a core; the console's socket reconnected ${disconnects} times so far`,
    );
  }
  await api.call('PUT', '/api/simulation', { speed: 0 });
  return rows;
}

// ---------------------------------------------------------------------------------------------
// /api/health while a host workload writes flat out.

async function healthLatencies(baseUrl: string, windowMs: number): Promise<number[]> {
  const samples: number[] = [];
  const endAt = performance.now() + windowMs;
  while (performance.now() < endAt) {
    const startMs = performance.now();
    // A reset of an idle pooled connection is the client's, not the server's latency: asked again, timed from the first try.
    const response = await fetch(`${baseUrl}/api/health`).catch((error: unknown) => {
      if (!isReset(error)) throw error;
      return fetch(`${baseUrl}/api/health`);
    });
    await response.arrayBuffer();
    samples.push(performance.now() - startMs);
    await sleep(Math.max(0, HEALTH_INTERVAL_MS - (performance.now() - startMs)));
  }
  return samples;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

const fmtMs = (samples: number[]) => `p50 ${percentile(samples, 50).toFixed(1)} ms, p95 ${percentile(samples, 95).toFixed(1)} ms (n=${samples.length})`;

function diskBytes(dir: string): number {
  return Number(execFileSync('du', ['-sb', '--apparent-size', dir]).toString().split('\t')[0]) || 0;
}

function allocatedBytes(dir: string): number {
  return Number(execFileSync('du', ['-sB1', dir]).toString().split('\t')[0]) || 0;
}

async function healthRows(server: RunningServer, api: Api): Promise<void> {
  const arrays = await api.call<ArrayDto[]>('GET', '/api/arrays');
  const xp7 = arrays.find((a) => a.model === 'xp7')!;
  const volume = await api.call<{ id: string }>('POST', '/api/volumes', {
    arrayId: xp7.id,
    poolId: xp7.pools[0]!.id,
    name: 'bench_srv_workload',
    capacityBytes: 64 * GiB,
  });
  await api.call('PUT', '/api/simulation', { speed: 10 });
  const idle = await healthLatencies(server.baseUrl, HEALTH_WINDOW_MS / 2);
  const volumesDir = path.join(server.dataDir, 'volumes');
  const allocatedBefore = allocatedBytes(volumesDir);
  const cpuBefore = cpuTicks(server.process.pid!);
  const startMs = performance.now();
  await api.call('POST', `/api/volumes/${volume.id}/workload`, { pattern: 'random', iops: 2_000, blockBytes: 256 * KiB, writePercent: 100 });
  const busy = await healthLatencies(server.baseUrl, HEALTH_WINDOW_MS);
  const stats = await api.call<Record<string, unknown>>('GET', `/api/volumes/${volume.id}/workload`);
  await api.call('DELETE', `/api/volumes/${volume.id}/workload`);
  const wallMs = performance.now() - startMs;
  const cpu = (((cpuTicks(server.process.pid!) - cpuBefore) * 1000) / CLOCK_TICKS_PER_SEC / wallMs) * 100;
  const filledBytes = allocatedBytes(volumesDir) - allocatedBefore;
  await api.call('PUT', '/api/simulation', { speed: 0 });
  console.log(`health: idle ${fmtMs(idle)}`);
  console.log(`health: with a workload of 2,000 IOPS × 256 KiB random writes at 10× ${fmtMs(busy)} (target p95 < 100 ms)`);
  console.log(
    `health: the workload took ${(filledBytes / GiB).toFixed(2)} GiB of disk in ${(wallMs / 1000).toFixed(0)} s ` +
      `(${(filledBytes / 1e6 / (wallMs / 1000)).toFixed(0)} MB/s; volume files' apparent size ${(diskBytes(volumesDir) / GiB).toFixed(1)} GiB), server CPU ${cpu.toFixed(0)} % of a core`,
  );
  console.log(`health: workload stats ${JSON.stringify(stats)}`);
}

/** What the console's socket watches: sent again after a reconnect, as the console does (lib/client/live-updates.tsx). */
let watchedIds: string[] | null = null;
/** Times the console's socket lost its connection (a server too busy to answer its pings drops it). */
let disconnects = 0;

async function subscribeConsole(baseUrl: string, token: string): Promise<Socket> {
  const socket = connectSocket(baseUrl, { auth: { token }, transports: ['websocket'] });
  // Every (re)connection is a new socket on the server: it must subscribe and watch again, or it
  // would hear every copy in full (live-push.ts sends views to sockets that watch nothing).
  socket.on('connect', () => {
    socket.emit('subscribe', { rooms: ['fleet'] });
    if (watchedIds !== null) socket.emit(WATCH_EVENT, { copyIds: watchedIds });
  });
  socket.on('disconnect', () => (disconnects += 1));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

function watch(viewer: Socket, copyIds: string[]): void {
  watchedIds = copyIds;
  viewer.emit(WATCH_EVENT, { copyIds });
}

async function main(): Promise<void> {
  // `--no-build` while iterating on engine code, which server.ts runs from source anyway.
  if (!process.argv.includes('--no-build')) buildIfNeeded();
  const server = await startServer({ env: profilingEnv(process.argv) });
  let socket: Socket | null = null;
  try {
    const token = await adminToken(server.baseUrl, server.dataDir);
    const api = new Api(server.baseUrl, token);
    socket = await subscribeConsole(server.baseUrl, token);
    if (!process.argv.includes('--skip-health')) await healthRows(server, api);
    if (!process.argv.includes('--skip-cpu')) {
      const rows = await cpuRows(server, api, socket);
      console.log(`cpu: ${WATCHING ? `the console watches the ${VIEWPORT_ROWS} rows in its viewport` : 'the subscriber watches nothing: it hears every copy'}`);
      const baseline = rows[0];
      for (const row of rows) {
        const note =
          row === baseline ? '(baseline)' : row.copies >= 10_000 ? '(target busy < 50 %)' : row.copies >= 1_000 && row.copies < 3_000 ? '(target ≤ 15 %)' : '';
        console.log(`cpu: ${row.copies} copies at 100×: server busy ${row.busy.toFixed(1)} %, quiet ${row.quiet.toFixed(1)} % of a core ${note}`);
      }
    }
  } catch (error) {
    console.error(`server output (last 3,000 characters):\n${server.logs().slice(-3_000)}`);
    throw error;
  } finally {
    socket?.close();
    await server.stop();
    fs.rmSync(server.dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
