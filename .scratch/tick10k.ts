// Scratch: engine tick time with N storwize mappings copying at rate 10, 100×.
import { Engine } from '../engine/engine';
import { MemoryStore } from '../engine/data/memory-store';
import type { PoolState, VolumeState } from '../engine/model';
import { Clock } from '../engine/time/clock';
const N = Number(process.argv[2] ?? 10000);
const GiB = 1024 ** 3;
let wall = 0;
let next = 0;
const engine = new Engine({
  clock: new Clock({ startMs: Date.UTC(2026, 0, 1), speed: 0, wall: { nowMs: () => wall } }),
  openStore: (v) => new MemoryStore(Number(v.capacityBytes)),
  newId: () => `b${(next += 1)}`,
});
const pool: PoolState = { id: 'p', arrayId: 'a', name: 'P0', lss: 0x10 };
const sources = Math.ceil(N / 50);
const volumes: VolumeState[] = Array.from({ length: N + sources }, (_, i) => ({
  id: `v${i}`, arrayId: 'a', poolId: 'p', name: `vol${i}`, capacityBytes: BigInt(4 * GiB),
  preferredOwner: i % 2 === 0 ? 'A' : 'B', currentOwner: i % 2 === 0 ? 'A' : 'B', status: 'online', readOnly: false, roles: [],
})) as VolumeState[];
engine.load({ arrays: [{ id: 'a', name: 'bench', model: 'storwize', serial: 'B1', controllers: { A: 'online', B: 'online' } }], pools: [pool], volumes });
const t0 = performance.now();
const ids: string[] = [];
for (let i = 0; i < N; i++) ids.push(engine.createCopy({ type: 'flashcopy', sourceVolumeId: `v${N + Math.floor(i / 50)}`, targetVolumeId: `v${i}`, options: { copyRate: 10 }, start: true }).id);
console.log('created', N, 'in', Math.round(performance.now() - t0), 'ms');
engine.setSpeed(100);
// Reach copying: preparing → prepared pass on the clock.
for (let i = 0; i < 40; i++) { wall += 250; engine.tick(); }
const copying = [...engine.copies()].filter((c) => c.state === 'copying').length;
console.log('copying', copying);
const times: number[] = [];
const cpu0 = process.cpuUsage();
const w0 = performance.now();
for (let i = 0; i < 30; i++) { wall += 1000; const t = performance.now(); engine.tick(); times.push(performance.now() - t); }
const cpu = process.cpuUsage(cpu0);
times.sort((a, b) => a - b);
console.log('tick ms median', times[15]!.toFixed(1), 'min', times[0]!.toFixed(1), 'max', times[29]!.toFixed(1), 'cpu ms/tick', ((cpu.user + cpu.system) / 1000 / 30).toFixed(1), 'wall', Math.round(performance.now() - w0));
