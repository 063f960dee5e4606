// `npm run bench:writes`: acknowledged 4 KiB host writes per second through the real server, each
// against the disk's own rate measured in the same run (issue #16):
//   disk loop      — this process: write + fdatasync of 4 KiB, one at a time, in the server's data
//                    directory. The baseline: no server can acknowledge durable writes faster.
//   1 writer       — PUT /api/volumes/:id/data one at a time, on a FlashCopy source whose grains
//                    are split already (each write marks nothing new: data + fdatasync).
//   16 writers     — the same, 16 at once: they share saves and syncs (group commit).
//   marking writes — 16 writers, each write the first to its grain (the mapping's bitmap changes,
//                    so it waits for a save of that bitmap before its data): the slow path.
//   NBD, 1 and 16  — the same volume over the NBD export, written by `qemu-img bench` (Debian
//                    qemu-utils) in writethrough mode: every 4 KiB write goes with FUA, so it is
//                    acknowledged only once durable, as a PUT is. Queue depth 1, then 16 (qemu's
//                    NBD client keeps at most 16 requests in flight). Block hosts speak NBD; its
//                    binary framing costs the server a fraction of an HTTP request.
// Targets: 1 writer ≥ 25 % of the disk loop, 16 writers ≥ 100 %. Benchmarks report; they never fail a build.
// `--cpu-prof <dir>` profiles the server (bench-profiling.ts); `--no-build` skips the build check.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { apiClient } from '../tests/support/api';
import { adminToken, bearer } from '../tests/support/auth';
import { fuaWriteBenchArgs } from '../tests/support/block-tools';
import { startServer } from '../tests/support/server';
import { buildIfNeeded } from './build-if-needed';
import { profilingEnv } from './bench-profiling';

const run = promisify(execFile);

const MiB = 1024 * 1024;
const GRAIN_BYTES = 64 * 1024;
const RUN_MS = 6_000;
const BLOCK_BYTES = 4096;
const VOLUME_BYTES = 256 * MiB;
/** Writes per `qemu-img bench` run: a few seconds at the disk's rate. */
const NBD_WRITES = 20_000;

interface Figure {
  perSec: number;
  p50Ms: number;
  p99Ms: number;
  /** Server CPU (user + system) per acknowledged write: what a busy machine cannot distort much. */
  serverCpuUsPerWrite: number | null;
}

/** CPU seconds a process has used (Linux /proc; clock ticks are 1/100 s). */
function cpuSecondsOf(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function figureOf(done: number, elapsedMs: number, latenciesMs: number[], cpuSeconds: number | null = null): Figure {
  latenciesMs.sort((a, b) => a - b);
  const at = (q: number) => latenciesMs[Math.min(latenciesMs.length - 1, Math.floor(latenciesMs.length * q))] ?? 0;
  return { perSec: done / (elapsedMs / 1000), p50Ms: at(0.5), p99Ms: at(0.99), serverCpuUsPerWrite: cpuSeconds === null ? null : (cpuSeconds * 1e6) / done };
}

/** The baseline: 4 KiB write + fdatasync, back to back, on the disk the server writes. */
function diskLoop(dir: string): Figure {
  const file = path.join(dir, 'bench-disk-loop.bin');
  const fd = fs.openSync(file, 'w');
  const block = Buffer.alloc(BLOCK_BYTES, 7);
  const latenciesMs: number[] = [];
  const started = performance.now();
  let done = 0;
  try {
    while (performance.now() - started < RUN_MS) {
      const at = performance.now();
      fs.writeSync(fd, block, 0, BLOCK_BYTES, (done % 4096) * BLOCK_BYTES);
      fs.fdatasyncSync(fd);
      latenciesMs.push(performance.now() - at);
      done += 1;
    }
  } finally {
    fs.closeSync(fd);
    fs.rmSync(file, { force: true });
  }
  return figureOf(done, performance.now() - started, latenciesMs);
}

/** One PUT over a kept-alive connection (node:http: fetch's per-request cost would be the client's, not the server's). */
function put(agent: http.Agent, url: URL, token: string, body: Uint8Array): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: 'PUT', agent, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream', 'content-length': body.length } },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/**
 * `qemu-img bench` over NBD: `depth` FUA writes of 4 KiB in flight, one after another across the
 * volume (null when qemu-utils is not installed). Its own clock ("Run completed in N seconds")
 * leaves out the process start and the NBD handshake.
 */
async function nbdWrites(uri: string, depth: number, serverPid: number): Promise<Figure | null> {
  const cpuBefore = cpuSecondsOf(serverPid);
  let output: string;
  try {
    const args = fuaWriteBenchArgs(uri, { depth, count: NBD_WRITES, blockBytes: BLOCK_BYTES, pattern: 7 });
    output = (await run('qemu-img', args)).stdout;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const seconds = Number(/Run completed in ([\d.]+) seconds/.exec(output)?.[1] ?? Number.NaN);
  if (!Number.isFinite(seconds)) throw new Error(`qemu-img bench said: ${output}`);
  // qemu-img bench reports no latencies (printed as —).
  return {
    perSec: NBD_WRITES / seconds,
    p50Ms: Number.NaN,
    p99Ms: Number.NaN,
    serverCpuUsPerWrite: ((cpuSecondsOf(serverPid) - cpuBefore) * 1e6) / NBD_WRITES,
  };
}

async function main(): Promise<void> {
  // `--no-build` while iterating on server code, which server.ts runs from source anyway.
  if (!process.argv.includes('--no-build')) buildIfNeeded();
  const server = await startServer({ env: profilingEnv(process.argv) });
  try {
    const token = await adminToken(server.baseUrl, server.dataDir);
    const api = apiClient(
      () => server.baseUrl,
      () => bearer(token),
    );
    const arrays = (await api.get<{ id: string; model: string }[]>('/api/arrays')).body;
    const storwize = arrays.find((array) => array.model === 'storwize')!;
    const volume = async (name: string) =>
      (await api.post<{ id: string }>('/api/volumes', { arrayId: storwize.id, name, capacityBytes: VOLUME_BYTES })).body.id;
    // A mapping on each written volume, so every write goes through copy-on-write.
    const split = await volume('bench_writes_src');
    const fresh = await volume('bench_writes_fresh');
    for (const [source, name] of [
      [split, 'bench_writes_tgt'],
      [fresh, 'bench_writes_fresh_tgt'],
    ] as const) {
      const copy = await api.post<{ id: string; state: string }>('/api/copies', {
        type: 'flashcopy',
        sourceVolumeId: source,
        targetVolumeId: await volume(name),
        options: { copyRate: 0 },
        start: true,
      });
      // Preparing and prepared pass on the simulated clock; only a copying mapping splits grains.
      for (let state = copy.body.state; state !== 'copying';) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        state = (await api.get<{ state: string }>(`/api/copies/${copy.body.id}`)).body.state;
      }
    }
    // Split every grain of the first source once, so its writes measure the data path itself.
    const grainWrite = new Uint8Array(GRAIN_BYTES).fill(1);
    for (let offset = 0; offset < VOLUME_BYTES; offset += 16 * GRAIN_BYTES) {
      const answers = await Promise.all(
        Array.from({ length: 16 }, (_, i) => api.putBytes(`/api/volumes/${split}/data?offset=${offset + i * GRAIN_BYTES}`, grainWrite)),
      );
      // A grain left unsplit would make the fast rows below measure the slow path.
      const refused = answers.find((answer) => answer.status !== 204);
      if (refused !== undefined) throw new Error(`a setup write was refused: ${refused.status} ${JSON.stringify(refused.body)}`);
    }

    const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
    const measure = async (volumeId: string, writers: number, offsetOf: (n: number) => number): Promise<Figure> => {
      let done = 0;
      let issued = 0;
      const cpuBefore = cpuSecondsOf(server.process.pid!);
      const latenciesMs: number[] = [];
      const started = performance.now();
      const data = new Uint8Array(BLOCK_BYTES).fill(7);
      await Promise.all(
        Array.from({ length: writers }, async () => {
          while (performance.now() - started < RUN_MS) {
            const at = performance.now();
            const url = new URL(`/api/volumes/${volumeId}/data?offset=${offsetOf(issued++)}`, server.baseUrl);
            const status = await put(agent, url, token, data);
            if (status !== 204) throw new Error(`write refused: ${status}`);
            latenciesMs.push(performance.now() - at);
            done += 1;
          }
        }),
      );
      return figureOf(done, performance.now() - started, latenciesMs, cpuSecondsOf(server.process.pid!) - cpuBefore);
    };
    const randomBlock = () => Math.floor(Math.random() * (VOLUME_BYTES / BLOCK_BYTES)) * BLOCK_BYTES;
    const disk = diskLoop(server.dataDir);
    const lone = await measure(split, 1, randomBlock);
    const many = await measure(split, 16, randomBlock);
    // Each write the first to its grain (wrapping after 4,096 grains would make later ones fast).
    const marking = await measure(fresh, 16, (n) => (n % (VOLUME_BYTES / GRAIN_BYTES)) * GRAIN_BYTES);
    agent.destroy();
    const splitName = (await api.get<{ name: string }>(`/api/volumes/${split}`)).body.name;
    const nbdUri = `nbd://127.0.0.1:${server.nbdPort}/${encodeURIComponent(`${splitName}?token=${token}`)}`;
    const nbdLone = await nbdWrites(nbdUri, 1, server.process.pid!);
    const nbdMany = await nbdWrites(nbdUri, 16, server.process.pid!);

    const rows: [string, Figure | null, string][] = [
      ['disk loop (baseline)', disk, ''],
      ['1 writer', lone, '≥ 25 %'],
      ['16 writers', many, '≥ 100 %'],
      ['16 writers, marking', marking, ''],
      ['NBD, 1 in flight (FUA)', nbdLone, '≥ 25 %'],
      ['NBD, 16 in flight (FUA)', nbdMany, '≥ 100 %'],
    ];
    console.log(
      `bench:writes — load average ${os
        .loadavg()
        .map((n) => n.toFixed(1))
        .join(' ')} (${os.cpus().length} cores)`,
    );
    console.log('acknowledged 4 KiB writes         writes/s   of disk loop   p50 ms   p99 ms   server CPU µs/write   target');
    const ms = (value: number) => (Number.isNaN(value) ? '—' : value.toFixed(2));
    for (const [name, figure, target] of rows) {
      if (figure === null) {
        console.log(`${name.padEnd(30)} (needs qemu-img: Debian qemu-utils)`);
        continue;
      }
      const share = `${((figure.perSec / disk.perSec) * 100).toFixed(0)} %`;
      const cpu = figure.serverCpuUsPerWrite === null ? '' : figure.serverCpuUsPerWrite.toFixed(0);
      console.log(
        `${name.padEnd(30)} ${figure.perSec.toFixed(0).padStart(10)} ${share.padStart(14)} ${ms(figure.p50Ms).padStart(8)} ${ms(figure.p99Ms).padStart(8)} ${cpu.padStart(21)}   ${target}`,
      );
    }
  } finally {
    await server.stop();
    fs.rmSync(server.dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
