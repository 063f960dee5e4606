import { describe, expect, it } from 'vitest';
import { Workload, WORKLOAD_OPS_PER_TICK_MAX, WORKLOAD_TICK_BYTES_MAX, type HostOp } from './workload';

const GiB = 1024 ** 3;
const KiB = 1024;

function run(workload: Workload, elapsedMs: number): HostOp[] {
  const ops: HostOp[] = [];
  workload.issue(elapsedMs, (op) => ops.push(op.kind === 'write' ? { ...op, data: op.data.slice() } : op));
  return ops;
}

describe('Workload', () => {
  it('runs as asked within the data plane budget, carrying fractions of an operation to the next tick', () => {
    const workload = new Workload('v', GiB, { pattern: 'random', iops: 30, blockBytes: 4 * KiB, writePercent: 100 }, 1);
    const issued = Array.from({ length: 20 }, () => run(workload, 50).length).reduce((sum, n) => sum + n, 0);
    expect(issued).toBe(30);
    expect(workload.stats.limitedToIops).toBeNull();
  });

  it('runs at what one tick may move when asked for more, drops the rest and says what it runs at', () => {
    // 2,000 IOPS × 256 KiB at 10×: 500 ms of simulated time per 50 ms tick asks for 1,000 operations.
    const workload = new Workload('v', 64 * GiB, { pattern: 'random', iops: 2_000, blockBytes: 256 * KiB, writePercent: 100 }, 1);
    const perTick = WORKLOAD_TICK_BYTES_MAX / (256 * KiB);
    for (let tick = 0; tick < 10; tick += 1) expect(run(workload, 500)).toHaveLength(perTick);
    expect(workload.stats.limitedToIops).toBe((perTick * 1000) / 500);
    // Nothing is owed: once the host asks for less, it runs as asked at once, without a burst.
    const small = new Workload('w', GiB, { pattern: 'random', iops: 2_000, blockBytes: 512, writePercent: 0 }, 1);
    expect(run(small, 10_000)).toHaveLength(WORKLOAD_OPS_PER_TICK_MAX);
    expect(run(small, 50)).toHaveLength(100);
    expect(small.stats.limitedToIops).toBeNull();
  });

  it('runs as asked, within the operations bound, when the simulation is stepped rather than ticked', () => {
    const workload = new Workload('v', 64 * GiB, { pattern: 'random', iops: 100, blockBytes: 64 * KiB, writePercent: 100 }, 1);
    workload.budgeted = false;
    expect(run(workload, 1_000)).toHaveLength(100);
    expect(workload.stats.limitedToIops).toBeNull();
  });

  it('writes data that differs from write to write and replays from its seed', () => {
    const spec = { pattern: 'sequential', iops: 1_000, blockBytes: 8 * KiB, writePercent: 100 } as const;
    const first = run(new Workload('v', GiB, spec, 7), 10);
    const again = run(new Workload('v', GiB, spec, 7), 10);
    expect(again).toEqual(first);
    const [a, b] = first.map((op) => (op.kind === 'write' ? Buffer.from(op.data) : Buffer.alloc(0)));
    expect(a?.equals(b!)).toBe(false);
  });
});
