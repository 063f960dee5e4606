// `npm run bench:engine`: the engine against baselines measured in the same run, 3 runs each
// (min / median / max), so the machine's noise shows next to every ratio.
//   dense   — a fully written 1 GiB volume copied at speed 'max' on the file store vs `cp` + sync
//   sparse  — a 1 TiB volume with 0.1 % of its grains written (4 KiB each), copied at 'max' (target < 1 s);
//             also the bytes the copy wrote to the target file vs the bytes the host wrote (should be ~1×)
//   cow     — 4 KiB random host writes/s with an active nocopy FlashCopy vs none (target ratio ≥ 0.4)
//   scale   — 1,000 relationships copying at 1× for 10 s: engine CPU share of one core (target < 25 %)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Engine } from '../engine/engine';
import { FileStore } from '../engine/data/file-store';
import { MemoryStore } from '../engine/data/memory-store';
import { Prng } from '../engine/data/prng';
import type { VolumeStore } from '../engine/data/volume-store';
import type { ArrayModel, PoolState, VolumeState } from '../engine/model';
import { Clock } from '../engine/time/clock';

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;
const TiB = 1024 * GiB;
const RUNS = 3;
const benchDir = path.resolve(process.env.GRAINLINE_DATA_DIR ?? './data', 'bench');

interface Fleet {
  engine: Engine;
  volumes: VolumeState[];
}

function fleet(model: ArrayModel, capacities: number[], store: 'file' | 'memory', wallMs?: () => number): Fleet {
  fs.rmSync(benchDir, { recursive: true, force: true });
  fs.mkdirSync(benchDir, { recursive: true });
  let next = 0;
  const engine = new Engine({
    clock: new Clock({ startMs: Date.UTC(2026, 0, 1), speed: 0, ...(wallMs ? { wall: { nowMs: wallMs } } : {}) }),
    openStore: (volume): VolumeStore =>
      store === 'file'
        ? FileStore.open({ path: path.join(benchDir, `${volume.id}.vol`), capacityBytes: Number(volume.capacityBytes) })
        : new MemoryStore(Number(volume.capacityBytes)),
    newId: () => `b${(next += 1)}`,
  });
  const pool: PoolState = { id: 'p', arrayId: 'a', name: 'P0', lss: 0x10 };
  const volumes: VolumeState[] = capacities.map((capacity, index) => ({
    id: `v${index}`,
    arrayId: 'a',
    poolId: 'p',
    name: `vol${index}`,
    capacityBytes: BigInt(capacity),
    preferredOwner: index % 2 === 0 ? 'A' : 'B',
    currentOwner: index % 2 === 0 ? 'A' : 'B',
    status: 'online',
    readOnly: false,
    roles: [],
  }));
  engine.load({ arrays: [{ id: 'a', name: 'bench', model, serial: 'B1', controllers: { A: 'online', B: 'online' } }], pools: [pool], volumes });
  return { engine, volumes };
}

function runUntilDone(engine: Engine, copyId: string, doneState: string): void {
  engine.setSpeed('max');
  for (let ticks = 0; ticks < 10_000_000; ticks += 1) {
    engine.tick();
    if (engine.copy(copyId)?.state === doneState || engine.copy(copyId) === undefined) return;
  }
  throw new Error('copy did not finish');
}

function stats(samples: number[]): { min: number; median: number; max: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { min: sorted[0]!, median: sorted[Math.floor(sorted.length / 2)]!, max: sorted[sorted.length - 1]! };
}
const fmt = (s: { min: number; median: number; max: number }, unit: string, digits = 2) =>
  `${s.median.toFixed(digits)} ${unit} (min ${s.min.toFixed(digits)}, max ${s.max.toFixed(digits)})`;

function writeDense(engine: Engine, volumeId: string, capacityBytes: number): void {
  const block = new Uint8Array(4 * MiB);
  new Prng(1).fill(block);
  for (let offset = 0; offset < capacityBytes; offset += block.length) engine.hostWrite(volumeId, offset, block);
  engine.store(volumeId).flush();
}

function dense(): void {
  const engineSeconds: number[] = [];
  const cpSeconds: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const { engine } = fleet('ds6000', [GiB, GiB], 'file');
    writeDense(engine, 'v0', GiB);
    const started = process.hrtime.bigint();
    const copy = engine.createCopy({ type: 'flashcopy', sourceVolumeId: 'v0', targetVolumeId: 'v1', options: { mode: 'copy' } });
    runUntilDone(engine, copy.id, 'ended');
    engine.store('v1').flush();
    engineSeconds.push(Number(process.hrtime.bigint() - started) / 1e9);
    engine.close();
    const source = path.join(benchDir, 'v0.vol');
    const copyPath = path.join(benchDir, 'cp-copy.vol');
    const cpStarted = process.hrtime.bigint();
    execFileSync('cp', ['--sparse=never', source, copyPath]);
    execFileSync('sync', [copyPath]);
    cpSeconds.push(Number(process.hrtime.bigint() - cpStarted) / 1e9);
  }
  const ratio = stats(engineSeconds.map((s, i) => s / cpSeconds[i]!));
  console.log(`dense 1 GiB copy: engine ${fmt(stats(engineSeconds), 's')} vs cp ${fmt(stats(cpSeconds), 's')} → ratio ${fmt(ratio, '×')} (target ≤ 1.5×)`);
}

function sparse(): void {
  const seconds: number[] = [];
  const hostBytes: number[] = [];
  const copyBytes: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const { engine } = fleet('ds6000', [TiB, TiB], 'file');
    const grains = TiB / (64 * 1024);
    const prng = new Prng(run + 1);
    const block = new Uint8Array(4096);
    let hostWrittenBytes = 0;
    for (let i = 0; i < grains / 1000; i += 1) {
      prng.fill(block);
      engine.hostWrite('v0', prng.int(grains) * 64 * 1024, block);
      hostWrittenBytes += block.length;
    }
    engine.store('v0').flush();
    const started = process.hrtime.bigint();
    const copy = engine.createCopy({ type: 'flashcopy', sourceVolumeId: 'v0', targetVolumeId: 'v1', options: { mode: 'copy' } });
    runUntilDone(engine, copy.id, 'ended');
    engine.store('v1').flush();
    seconds.push(Number(process.hrtime.bigint() - started) / 1e9);
    // The target was opened by the copy and written by nothing else.
    const target = engine.store('v1');
    if (!(target instanceof FileStore)) throw new Error('the sparse bench copies between file stores');
    hostBytes.push(hostWrittenBytes);
    copyBytes.push(target.fileBytesWritten());
    engine.close();
  }
  console.log(`sparse 1 TiB copy (0.1 % of grains written, 4 KiB each): ${fmt(stats(seconds), 's')} (target < 1 s)`);
  const moved = stats(copyBytes.map((bytes) => bytes / MiB));
  const ratio = stats(copyBytes.map((bytes, i) => bytes / hostBytes[i]!));
  console.log(
    `sparse bytes moved: the copy wrote ${fmt(moved, 'MiB', 1)} to the target file for ${fmt(stats(hostBytes.map((b) => b / MiB)), 'MiB', 1)} the host wrote → ${fmt(ratio, '×')}`,
  );
}

function writesPerSecond(withFlashCopy: boolean, seed: number): number {
  // Fully written, so every first write to a grain really copies 64 KiB of T0 data.
  const capacity = 2 * GiB;
  const { engine } = fleet('ds6000', [capacity, capacity], 'file');
  writeDense(engine, 'v0', capacity);
  if (withFlashCopy) engine.createCopy({ type: 'flashcopy', sourceVolumeId: 'v0', targetVolumeId: 'v1', options: { mode: 'nocopy' } });
  const prng = new Prng(seed);
  const block = new Uint8Array(4096);
  prng.fill(block);
  const writes = 20_000;
  const started = process.hrtime.bigint();
  for (let i = 0; i < writes; i += 1) engine.hostWrite('v0', prng.int(capacity / 4096) * 4096, block);
  engine.store('v0').flush();
  engine.store('v1').flush();
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  engine.close();
  return writes / elapsed;
}

function cow(): void {
  const plain: number[] = [];
  const withCow: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    plain.push(writesPerSecond(false, run + 1));
    withCow.push(writesPerSecond(true, run + 1));
  }
  const ratio = stats(withCow.map((w, i) => w / plain[i]!));
  console.log(
    `copy-on-write: ${fmt(stats(withCow), 'writes/s', 0)} with nocopy FlashCopy vs ${fmt(stats(plain), 'writes/s', 0)} without → ratio ${fmt(ratio, '')} (target ≥ 0.4)`,
  );
}

function scale(): void {
  const shares: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const pairs = 1_000;
    const { engine } = fleet(
      'ds6000',
      Array.from({ length: pairs * 2 }, () => 64 * GiB),
      'memory',
      () => performance.now(),
    );
    for (let i = 0; i < pairs; i += 1)
      engine.createCopy({ type: 'flashcopy', sourceVolumeId: `v${i * 2}`, targetVolumeId: `v${i * 2 + 1}`, options: { mode: 'copy' } });
    engine.setSpeed(1);
    const durationMs = 10_000;
    const cpuStart = process.cpuUsage();
    const wallStart = performance.now();
    // The server's loop: a tick every 50 ms of wall time.
    while (performance.now() - wallStart < durationMs) {
      const tickStart = performance.now();
      engine.tick();
      const sleepMs = Math.max(0, 50 - (performance.now() - tickStart));
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, sleepMs);
    }
    const cpu = process.cpuUsage(cpuStart);
    shares.push((cpu.user + cpu.system) / 1000 / (performance.now() - wallStart));
    const active = [...engine.copies()].filter((c) => c.state === 'copying').length;
    if (active < pairs) throw new Error(`only ${active} of ${pairs} relationships were still copying`);
    engine.close();
  }
  console.log(`scale: 1,000 relationships copying at 1×: engine CPU ${fmt(stats(shares.map((s) => s * 100)), '% of one core', 1)} (target < 25 %)`);
}

const which = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const all = { dense, sparse, cow, scale };
for (const [name, run] of Object.entries(all)) if (which.length === 0 || which.includes(name)) run();
fs.rmSync(benchDir, { recursive: true, force: true });
