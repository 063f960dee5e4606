// `npm run bench:nbd`: Grainline's NBD export against nbdkit's file plugin (Debian nbdkit) serving
// the same kind of file on the same disk, in one run, with the same clients:
//   sequential write — nbdcopy of a 256 MiB file onto the export (1 MiB requests, its own parallelism)
//   sequential read  — nbdcopy of the export to a file
//   random 4 KiB     — qemu-io, 2,000 FUA writes of 4 KiB at seeded random offsets, one at a time
// and the same on a Grainline volume that becomes the source of a nocopy FlashCopy after its
// sequential write (every first write to a grain then saves its T0 data and the bitmap first).
// Targets: ≥ 0.7× nbdkit sequential, ≥ 0.5× random 4 KiB, ≥ 0.4× with the FlashCopy. Reports; never fails a build.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { apiClient } from '../tests/support/api';
import { adminToken, bearer } from '../tests/support/auth';
import { freePort, startServer } from '../tests/support/server';
import { buildIfNeeded } from './build-if-needed';

const run = promisify(execFile);
const MiB = 1024 * 1024;
const VOLUME_BYTES = 256 * MiB;
const RANDOM_WRITES = 2_000;

interface Figures {
  seqWriteMiBs: number;
  seqReadMiBs: number;
  randomWritesPerSec: number;
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return (performance.now() - started) / 1000;
}

/** Seeded offsets, 4 KiB aligned. */
function randomOffsets(count: number): number[] {
  let seed = 12345;
  return Array.from({ length: count }, () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return (seed % (VOLUME_BYTES / 4096)) * 4096;
  });
}

async function measure(uri: string, source: string, workDir: string, afterWrite: () => Promise<unknown> = async () => undefined): Promise<Figures> {
  const out = path.join(workDir, 'out.raw');
  const writeSeconds = await timed(() => run('nbdcopy', ['--request-size=1048576', source, uri]));
  await afterWrite();
  const readSeconds = await timed(() => run('nbdcopy', ['--request-size=1048576', uri, out]));
  fs.rmSync(out, { force: true });
  const commands = randomOffsets(RANDOM_WRITES).flatMap((offset, i) => ['-c', `write -f -P ${(i % 250) + 1} ${offset} 4k`]);
  const randomSeconds = await timed(() => run('qemu-io', ['-f', 'raw', ...commands, uri], { maxBuffer: 64 * MiB }));
  return { seqWriteMiBs: VOLUME_BYTES / MiB / writeSeconds, seqReadMiBs: VOLUME_BYTES / MiB / readSeconds, randomWritesPerSec: RANDOM_WRITES / randomSeconds };
}

async function startNbdkit(file: string, port: number): Promise<ChildProcess> {
  const child = spawn('nbdkit', ['--foreground', '--exit-with-parent', `--port=${port}`, '--ipaddr=127.0.0.1', 'file', `file=${file}`], { stdio: 'ignore' });
  for (let attempt = 0; attempt < 100; attempt += 1) {
    try {
      await run('nbdinfo', ['--size', `nbd://127.0.0.1:${port}`]);
      return child;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  child.kill();
  throw new Error('nbdkit did not start');
}

async function main(): Promise<void> {
  buildIfNeeded();
  for (const tool of ['nbdkit', 'nbdcopy', 'qemu-io']) {
    try {
      await run('sh', ['-c', `command -v ${tool}`]);
    } catch {
      console.log(`bench:nbd needs ${tool} (Debian packages nbdkit, libnbd-bin, qemu-utils)`);
      return;
    }
  }
  const server = await startServer();
  const workDir = fs.mkdtempSync(path.join(server.dataDir, 'bench-nbd-'));
  let nbdkit: ChildProcess | null = null;
  try {
    const source = path.join(workDir, 'source.raw');
    fs.writeFileSync(source, Buffer.alloc(VOLUME_BYTES, 0x3c));
    const token = await adminToken(server.baseUrl, server.dataDir);
    const api = apiClient(
      () => server.baseUrl,
      () => bearer(token),
    );
    await api.put('/api/simulation', { speed: 0 }); // the mapping below is stepped into copying
    const storwize = (await api.get<{ id: string; model: string }[]>('/api/arrays')).body.find((array) => array.model === 'storwize')!;
    const volume = async (name: string) =>
      (await api.post<{ id: string; name: string }>('/api/volumes', { arrayId: storwize.id, name, capacityBytes: VOLUME_BYTES })).body;
    const uriOf = (name: string) => `nbd://127.0.0.1:${server.nbdPort}/${encodeURIComponent(`${name}?token=${token}`)}`;

    // The baseline: nbdkit serving a sparse file of the same size on the same disk.
    const file = path.join(workDir, 'nbdkit.raw');
    fs.writeFileSync(file, '');
    fs.truncateSync(file, VOLUME_BYTES);
    const nbdkitPort = await freePort();
    nbdkit = await startNbdkit(file, nbdkitPort);
    const baseline = await measure(`nbd://127.0.0.1:${nbdkitPort}`, source, workDir);
    nbdkit.kill();
    nbdkit = null;

    const plain = await volume('bench_nbd_plain');
    const grainline = await measure(uriOf(plain.name), source, workDir);

    // A nocopy FlashCopy taken once the volume holds its data: reads go on, and the random writes
    // each split a grain first (T0 data to the target, the bitmap saved before the data).
    const mapped = await volume('bench_nbd_mapped');
    const target = await volume('bench_nbd_target');
    const withMapping = await measure(uriOf(mapped.name), source, workDir, async () => {
      await api.post('/api/copies', { type: 'flashcopy', sourceVolumeId: mapped.id, targetVolumeId: target.id, options: { copyRate: 0 } });
      await api.post('/api/simulation/advance', { seconds: 5 });
    });

    const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
    console.log(
      `bench:nbd — load average ${os
        .loadavg()
        .map((n) => n.toFixed(1))
        .join(' ')} (${os.cpus().length} cores), ${VOLUME_BYTES / MiB} MiB volumes`,
    );
    console.log('measure                      nbdkit file   Grainline   ratio   with nocopy FlashCopy   ratio   targets');
    const row = (name: string, unit: string, pick: (f: Figures) => number, targets: string) =>
      console.log(
        `${name.padEnd(28)} ${`${pick(baseline).toFixed(0)} ${unit}`.padStart(11)} ${`${pick(grainline).toFixed(0)} ${unit}`.padStart(11)} ${ratio(pick(grainline), pick(baseline)).padStart(7)} ${`${pick(withMapping).toFixed(0)} ${unit}`.padStart(23)} ${ratio(pick(withMapping), pick(baseline)).padStart(7)}   ${targets}`,
      );
    row('sequential write (1 MiB)', 'MiB/s', (f) => f.seqWriteMiBs, '≥ 0.7×, ≥ 0.4× mapped');
    row('sequential read (1 MiB)', 'MiB/s', (f) => f.seqReadMiBs, '≥ 0.7×, ≥ 0.4× mapped');
    row('random 4 KiB writes (FUA)', '/s', (f) => f.randomWritesPerSec, '≥ 0.5×, ≥ 0.4× mapped');
  } finally {
    nbdkit?.kill();
    await server.stop();
    fs.rmSync(server.dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
